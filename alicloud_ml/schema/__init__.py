"""Read access to the pinned provider schema (`alicloud_ml/schema/alicloud-<version>.zip`).

The archive holds every resource and data source of the provider, imported from its Go source
(`alicloud-ml bindings import`), one member per type plus `schema.json` (provider block, backend,
provenance, and the index of types). Codegen, the emulator, the policy checks and the review's
replacement logic read it through this module, and only the types they use are ever decoded:
nothing loads the whole schema unless `load()` is asked for.
"""

from __future__ import annotations

import json
import threading
import zipfile
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

PROVIDER_ADDRESS = "registry.terraform.io/aliyun/alicloud"
SCHEMA_DIR = Path(__file__).parent
_lock = threading.Lock()


@cache
def schema_file() -> Path:
    """The archive of the pinned provider version (the newest `alicloud-*.zip` here)."""
    found = sorted(SCHEMA_DIR.glob("alicloud-*.zip"))
    if not found:
        raise FileNotFoundError(f"no provider schema archive (alicloud-<version>.zip) in {SCHEMA_DIR}")
    return found[-1]


@cache
def _archive() -> zipfile.ZipFile:
    return zipfile.ZipFile(schema_file())


def _member(name: str) -> Any:
    with _lock:  # one ZipFile shared by threads (the emulator serves requests concurrently)
        data = _archive().read(name)
    return json.loads(data)


@cache
def meta() -> dict[str, Any]:
    """`schema.json`: provider version and source, provider block, backend, importer report, type index."""
    return _member("schema.json")


def provider_version() -> str:
    return meta()["provider_version"]


def provider_block() -> dict[str, Any]:
    return meta()["provider"]["block"]


def backend_block(name: str = "oss") -> dict[str, Any]:
    return meta()["backend_schemas"][name]["block"]


@cache
def resource_types() -> list[str]:
    return sorted(meta()["types"]["resource"])


@cache
def data_source_types() -> list[str]:
    return sorted(meta()["types"]["data_source"])


def subcategory(type_name: str, kind: str = "resource") -> str | None:
    """The provider docs' subcategory of a type (`VPC`, `Container Service for Kubernetes (ACK)`)."""
    return meta()["types"][kind][type_name].get("subcategory")


@cache
def aliases(type_name: str) -> tuple[str, ...]:
    """Every resource type the provider builds with the same Go function as `type_name` (itself included),
    e.g. `alicloud_eip` and `alicloud_eip_address` (provider.go maps both to resourceAliCloudEipAddress)."""
    index = meta()["types"]["resource"]
    func = index.get(type_name, {}).get("go_function")
    return tuple(sorted(t for t, e in index.items() if func and e.get("go_function") == func)) or (type_name,)


@lru_cache(maxsize=None)
def resource_schema(type_name: str, kind: str = "resource") -> dict[str, Any]:
    """`{"version", "subcategory", "block"}` of one type; KeyError if the provider has no such type."""
    if type_name not in meta()["types"][kind]:
        raise KeyError(type_name)
    return _member(f"{kind}/{type_name}.json")


def resource_block(resource_type: str) -> dict[str, Any]:
    """The `block` of a resource type; KeyError if the schema does not cover it."""
    return resource_schema(resource_type)["block"]


def data_source_block(data_source_type: str) -> dict[str, Any]:
    """The `block` of a data source type; KeyError if the schema does not cover it."""
    return resource_schema(data_source_type, "data_source")["block"]


def load() -> dict[str, Any]:
    """The whole document in `terraform providers schema -json` layout (decodes every type: slow)."""
    from alicloud_ml.importer.write import read

    return read(schema_file())


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
