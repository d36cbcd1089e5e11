"""The pinned schema compiled once into small objects the planner and validator walk per request.

Walking raw JSON dicts on every request was a measured hot spot; these frozen objects keep
only what planning, validation and value generation need.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from alicloud_ml import schema

MISSING = object()


@dataclass(frozen=True, slots=True)
class Attr:
    name: str
    type: Any
    required: bool
    optional: bool
    computed: bool
    force_new: bool
    default: Any
    docs_default: Any  # what the cloud fills in when an Optional+Computed attribute is unset (from the docs)
    deprecated: str | None
    removed: str | None  # SDK `Removed`: in the schema Terraform sees, reads null, setting it is an error
    diff_suppress: str | None  # the provider's DiffSuppressFunc class: "json", "yaml", "case_insensitive"
    state_func: str | None  # the provider's StateFunc class: "json", "yaml", "trim_space"
    allowed: tuple[str, ...] | None
    allowed_ignore_case: bool
    range: tuple[float | None, float | None] | None
    pattern: re.Pattern[str] | None
    conflicts_with: tuple[str, ...]
    exactly_one_of: tuple[str, ...]
    at_least_one_of: tuple[str, ...]
    required_with: tuple[str, ...]
    min_items: int | None
    max_items: int | None

    @property
    def is_set(self) -> bool:
        return isinstance(self.type, list) and self.type[0] == "set"


@dataclass(frozen=True, slots=True)
class Nested:
    name: str
    mode: str  # list | set | single
    block: "Block"
    force_new: bool
    computed: bool
    min_items: int | None
    max_items: int | None
    optional: bool = False
    deprecated: str | None = None
    removed: str | None = None
    conflicts_with: tuple[str, ...] = ()
    exactly_one_of: tuple[str, ...] = ()
    at_least_one_of: tuple[str, ...] = ()
    required_with: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Block:
    attrs: dict[str, Attr]
    blocks: dict[str, Nested]
    has_force_new: bool = field(default=False)
    deprecated: str | None = None  # the resource's DeprecationMessage (a warning on every use)


def _range(raw: Any) -> tuple[float | None, float | None] | None:
    if not raw:
        return None
    lo, hi = raw
    return (lo, hi)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _names(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(raw.get(key) or ())


def compile_block(raw: dict[str, Any]) -> Block:
    attrs: dict[str, Attr] = {}
    for name, a in raw.get("attributes", {}).items():
        attrs[name] = Attr(
            name=name,
            type=a["type"],
            required=bool(a.get("required")),
            optional=bool(a.get("optional")),
            computed=bool(a.get("computed")),
            force_new=bool(a.get("force_new")),
            default=a["default"] if "default" in a else MISSING,
            docs_default=a["docs_default"] if "docs_default" in a else MISSING,
            deprecated=_text(a.get("deprecated")),
            removed=_text(a.get("removed")),
            diff_suppress=_text(a.get("diff_suppress")),
            state_func=_text(a.get("state_func")),
            allowed=tuple(a["allowed_values"]) if a.get("allowed_values") else None,
            allowed_ignore_case=bool(a.get("allowed_values_ignore_case")),
            range=_range(a.get("range")),
            pattern=re.compile(a["validation_pattern"]) if a.get("validation_pattern") else None,
            conflicts_with=_names(a, "conflicts_with"),
            exactly_one_of=_names(a, "exactly_one_of"),
            at_least_one_of=_names(a, "at_least_one_of"),
            required_with=_names(a, "required_with"),
            min_items=a.get("min_items"),
            max_items=a.get("max_items"),
        )
    blocks: dict[str, Nested] = {}
    for name, nb in raw.get("block_types", {}).items():
        blocks[name] = Nested(
            name=name,
            mode=nb["nesting_mode"],
            block=compile_block(nb["block"]),
            force_new=bool(nb.get("force_new")),
            computed=bool(nb.get("computed")),
            min_items=nb.get("min_items"),
            max_items=nb.get("max_items"),
            optional=bool(nb.get("optional")),
            deprecated=_text(nb.get("deprecated")),
            removed=_text(nb.get("removed")),
            conflicts_with=_names(nb, "conflicts_with"),
            exactly_one_of=_names(nb, "exactly_one_of"),
            at_least_one_of=_names(nb, "at_least_one_of"),
            required_with=_names(nb, "required_with"),
        )
    has_fn = any(a.force_new for a in attrs.values()) or any(
        b.force_new or b.block.has_force_new for b in blocks.values()
    )
    return Block(attrs, blocks, has_fn, _text(raw.get("deprecated")))


@cache
def resource(type_name: str) -> Block:
    return compile_block(schema.resource_block(type_name))


@cache
def provider() -> Block:
    return compile_block(schema.provider_block())


@cache
def data_source(type_name: str) -> Block:
    return compile_block(schema.data_source_block(type_name))


@cache
def resource_types() -> frozenset[str]:
    return frozenset(schema.resource_types())


@cache
def data_source_types() -> frozenset[str]:
    return frozenset(schema.data_source_types())


def type_json(t: Any) -> bytes:
    return json.dumps(t, separators=(",", ":")).encode()
