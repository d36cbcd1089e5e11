"""Normalise real `terraform providers schema -json` output into the project's schema layout.

That output is authoritative for types and required/optional/computed, but it has none of the Go
extras: no force_new, defaults, allowed values, ranges, patterns, cross-field constraints, number
kind (int vs float), or deprecation messages (only a boolean). What it has is kept; what it lacks
stays absent rather than guessed, so a schema imported this way makes review treat every change as
an in-place update. Prefer `--from-go` when the provider's source is at hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError

PROVIDER = "registry.terraform.io/aliyun/alicloud"
DEPRECATED = "Deprecated (terraform providers schema -json gives no message)"
ACCEPTED = "the JSON printed by `terraform providers schema -json` with registry.terraform.io/aliyun/alicloud"


def _nested_type(nested: dict[str, Any]) -> Any:
    """Protocol-6 nested attribute types as plain cty types (SDK v1 providers never emit them)."""
    members = {n: a.get("type") or _nested_type(a["nested_type"]) for n, a in nested.get("attributes", {}).items()}
    obj = ["object", members]
    mode = nested.get("nesting_mode", "single")
    return obj if mode == "single" else [mode, obj]


def _attribute(attr: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": attr["type"] if "type" in attr else _nested_type(attr["nested_type"]),
                           "description_kind": attr.get("description_kind", "plain")}
    for key in ("required", "optional", "computed", "sensitive"):
        if attr.get(key):
            out[key] = True
    if attr.get("description"):
        out["description"] = attr["description"]
    if attr.get("deprecated"):
        out["deprecated"] = DEPRECATED
    return out


def normalise_block(block: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"attributes": {n: _attribute(a) for n, a in block.get("attributes", {}).items()},
                           "description_kind": block.get("description_kind", "plain")}
    if block.get("description"):
        out["description"] = block["description"]
    if block.get("deprecated"):
        out["deprecated"] = DEPRECATED
    blocks = {}
    for name, bt in block.get("block_types", {}).items():
        nested: dict[str, Any] = {"nesting_mode": bt["nesting_mode"], "block": normalise_block(bt.get("block", {}))}
        for key in ("min_items", "max_items"):
            if bt.get(key):
                nested[key] = bt[key]
        if bt["nesting_mode"] != "single":
            # Terraform's JSON has no flags on blocks; SDK v1 encodes Required as min_items >= 1.
            nested["required" if bt.get("min_items") else "optional"] = True
        blocks[name] = nested
    if blocks:
        out["block_types"] = blocks
    return out


def _entry(schema: dict[str, Any]) -> dict[str, Any]:
    return {"version": schema.get("version", 0), "block": normalise_block(schema.get("block", {}))}


def read_schema_json(path: Path) -> dict[str, Any]:
    """{provider, resource_schemas, data_source_schemas} from the file; InputError when it is not one."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "", "file not found", ACCEPTED) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), "", f"not readable JSON ({exc})", ACCEPTED) from None
    schemas = doc.get("provider_schemas") if isinstance(doc, dict) else None
    if not isinstance(schemas, dict):
        raise InputError(str(path), "provider_schemas", "missing", ACCEPTED)
    key = PROVIDER if PROVIDER in schemas else next((k for k in schemas if k.endswith("/aliyun/alicloud")), None)
    if key is None:
        raise InputError(str(path), "provider_schemas", "has no aliyun/alicloud provider",
                         f"one of the keys to be {PROVIDER}; found: {', '.join(sorted(schemas)) or 'none'}")
    provider = schemas[key]
    return {
        "provider": _entry(provider.get("provider", {})),
        "resource_schemas": {n: _entry(s) for n, s in sorted(provider.get("resource_schemas", {}).items())},
        "data_source_schemas": {n: _entry(s) for n, s in sorted(provider.get("data_source_schemas", {}).items())},
    }
