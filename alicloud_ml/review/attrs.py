"""Attribute paths and values as Terraform compares them, shared by the synth diff and the plan reader.

Terraform converts configuration to the schema's types before comparing, ignores element order
in sets, and treats an empty block list like an absent one; comparing raw JSON would report
`"3"` vs `3` as a change and miss that a nested `primary_key.name` forces replacement.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from alicloud_ml import schema
from alicloud_ml.synthesized import json_attribute

Path_ = tuple[str | int, ...]


def flatten(value: Any, prefix: Path_ = ()) -> dict[Path_, Any]:
    """Leaves by path: blocks (lists of objects) and maps are walked, scalars and scalar lists are leaves."""
    out: dict[Path_, Any] = {}
    _walk(value, prefix, out)
    return out


def _walk(value: Any, prefix: Path_, out: dict[Path_, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _walk(item, prefix + (key,), out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, item in enumerate(value):
            _walk(item, prefix + (i,), out)
    elif value is None or value == [] or value == {}:
        return  # null, an empty block list and an empty map all mean "not set"
    else:
        out[prefix] = value


def display(path: Path_) -> str:
    """`scaling_config[0].min_size`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def normalized(path: Path_) -> str:
    """Schema form without indices: `primary_key.name`."""
    return ".".join(p for p in path if isinstance(p, str))


def canonical(value: Any, attr: dict[str, Any] | None = None) -> Any:
    """A value as Terraform compares it: `3` == `"3"`, `true` == `"true"`, sets unordered."""
    if isinstance(value, list):
        items = [canonical(v) for v in value]
        kind = attr.get("type") if attr else None
        if isinstance(kind, list) and kind and kind[0] == "set":
            return tuple(sorted(items, key=repr))
        return tuple(items)
    if isinstance(value, dict):
        return tuple(sorted((k, canonical(v)) for k, v in value.items()))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    return value


@cache
def attribute(resource_type: str, norm_path: str) -> dict[str, Any] | None:
    """Schema of the attribute at `norm_path` (or of the map/object attribute containing it)."""
    try:
        block = schema.resource_block(resource_type)
    except KeyError:
        return None
    for part in norm_path.split("."):
        attrs = block.get("attributes", {})
        if part in attrs:
            return attrs[part]
        nested = block.get("block_types", {}).get(part)
        if nested is None:
            return None
        block = nested["block"]
    return None


@cache
def _force_new(resource_type: str) -> frozenset[str]:
    try:
        return schema.force_new_paths(resource_type)
    except KeyError:
        return frozenset()


def forced_by(resource_type: str, norm_path: str) -> str | None:
    """The force-new path (the attribute itself or an enclosing force-new block) a change here hits."""
    paths = _force_new(resource_type)
    if not paths:
        return None
    parts = norm_path.split(".")
    for i in range(1, len(parts) + 1):
        candidate = ".".join(parts[:i])
        if candidate in paths:
            return norm_path if norm_path in paths else candidate
    return None


def is_computed(resource_type: str, norm_path: str) -> bool:
    attr = attribute(resource_type, norm_path)
    return bool(attr and attr.get("computed"))


def json_object(value: Any) -> dict[str, Any] | None:
    """A JSON-encoded object string (EAS `service_config`), decoded; None for anything else (objects
    that are already decoded included: the diff shows those as they are)."""
    if not (isinstance(value, str) and value.startswith("{")):
        return None
    decoded, _ = json_attribute(value)
    return decoded if isinstance(decoded, dict) else None
