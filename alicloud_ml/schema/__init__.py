"""Read access to the pinned provider schema (alicloud_ml/schema/alicloud.json).

One file holds every provider fact the toolkit relies on: attribute types, required / optional /
computed, force-new, defaults and allowed values. Codegen, the emulator, the policy checks and the
review's replacement logic all read it through this module.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).with_name("alicloud.json")
PROVIDER_ADDRESS = "registry.terraform.io/aliyun/alicloud"


@cache
def load() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text())


def provider_version() -> str:
    return load()["provider_version"]


def _provider() -> dict[str, Any]:
    return load()["provider_schemas"][PROVIDER_ADDRESS]


def provider_block() -> dict[str, Any]:
    return _provider()["provider"]["block"]


def resource_types() -> list[str]:
    return sorted(_provider()["resource_schemas"])


def resource_block(resource_type: str) -> dict[str, Any]:
    """The `block` of a resource type; KeyError if the schema does not cover it."""
    return _provider()["resource_schemas"][resource_type]["block"]


def backend_block(name: str = "oss") -> dict[str, Any]:
    return load()["backend_schemas"][name]["block"]


@cache
def force_new_paths(resource_type: str) -> frozenset[str]:
    """Dotted attribute paths whose change replaces the resource (`cidr_block`, `primary_key.name`, `auto_mode`)."""
    out: set[str] = set()

    def walk(block: dict[str, Any], prefix: str) -> None:
        for name, attr in block.get("attributes", {}).items():
            if attr.get("force_new"):
                out.add(prefix + name)
        for name, nested in block.get("block_types", {}).items():
            if nested.get("force_new"):
                out.add(prefix + name)
            walk(nested["block"], prefix + name + ".")

    walk(resource_block(resource_type), "")
    return frozenset(out)
