"""The provider test DSL's config text: a Go map turned into a resource block, as upstream renders it.

terraform-provider-alicloud v1.289.0 alicloud/service_alicloud_common_test.go, `configBuild` (line 468)
and `valueConvert` / `listValue` / `mapValue` / `listValueMapChild` (lines 495-569):

- a string is written between double quotes *unescaped* (so `${...}` interpolates, and a value with a
  quote or newline breaks the config upstream as well), a bool as `true`/`false`, an int as digits;
- a list as `[ a, b ]`; a map as `{ key = value }` (an attribute assignment, so a map of a single nested
  block is refused by Terraform there too);
- a map key whose value is a non-empty list of maps becomes repeated nested blocks `key { ... }`.

Go iterates maps in random order; keys are sorted here so the text is the same in every run (HCL
attribute order carries no meaning). A float has no case in `valueConvert`: upstream panics, so here too.
"""

from __future__ import annotations

import re
from typing import Any

INDENT = 2  # CHILDINDEND


class Unrenderable(ValueError):
    """A value `valueConvert` panics on ("invalid attribute value type")."""


def _value(indent: int, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        items = [" " * (indent + INDENT) + _value(indent + INDENT, v) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    if isinstance(value, dict):
        return _map(indent, value)
    raise Unrenderable(f"invalid attribute value type: {value!r}")


def _map(indent: int, value: dict[str, Any]) -> str:
    lines = []
    for key in sorted(value):
        item = value[key]
        if isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(" " * indent + _blocks(indent + INDENT, key, item))
            continue
        lines.append(" " * (indent + INDENT) + f"{key} = " + _value(indent + len(key) + INDENT + 3, item))
    return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"


def _blocks(indent: int, key: str, items: list[Any]) -> str:
    blocks = []
    for item in items:
        if not isinstance(item, dict):
            raise Unrenderable(f"{key}: a list mixing maps and {type(item).__name__}s")
        blocks.append(" " * indent + key + " " + _map(indent, item))
    return "\n".join(blocks) + "\n" + " " * indent


def resource_block(address: str, attributes: dict[str, Any]) -> str:
    """`configBuild`'s primary block for `alicloud_x.name` (or `data.alicloud_x.name`), with leading blank lines."""
    parts = address.split(".")
    head = f'data "{parts[1]}" "{parts[2]}" ' if parts[0] == "data" else f'resource "{parts[0]}" "{parts[1]}" '
    return "\n\n" + head + _map(0, attributes)


def merge(current: dict[str, Any], change: dict[str, Any] | None, overwrite: bool = False) -> dict[str, Any]:
    """`configUpdate` (line 440): a step's map merged into the attributes so far; REMOVEKEY, CLEARMAP and
    CLEARLIST drop a key that is there (CLEARMAP/CLEARLIST then set it empty); for a key that is not there
    the marker is kept as a literal value, as upstream does. `overwrite` is the data-source form."""
    if overwrite:
        return dict(change or {})
    out = dict(current)
    for key, value in (change or {}).items():
        if key in out and value in ("#REMOVEKEY", "#CLEARMAP", "#CLEARLIST"):
            del out[key]
            if value == "#CLEARMAP":
                out[key] = {}
            elif value == "#CLEARLIST":
                out[key] = []
        else:
            out[key] = value
    return out


_QUOTED_TYPE = re.compile(r'^(\s*type\s*=\s*)"(string|list|map)"', re.M)


def modernize(config: str) -> str:
    """Quoted type constraints (`type = "list"`), which the SDK v1 test harness's Terraform 0.12 core still took,
    written as Terraform 1.x needs them. Terraform's own refusal says how: 'Remove the quotes around "list" and
    write list(string) instead' (likewise map(string); "string" is string)."""
    return _QUOTED_TYPE.sub(lambda m: m.group(1) + {"string": "string", "list": "list(string)",
                                                    "map": "map(string)"}[m.group(2)], config)
