"""`docs/config-reference.md`: every field of a platform TOML file, read from its JSON Schema."""

from __future__ import annotations

from typing import Any

from alicloud_ml.docgen.markdown import table

INTRO = """# Platform description: field reference

Every field of `stacks/envs/<env>.toml` (the guide: [platform description](platform.md)). Fields
marked *required* must be set; derived fields are filled from `name`, `region` and the table keys
when omitted. `alicloud-ml schema` prints the same as a JSON Schema for editors.

"""


def _type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " or ".join(_type(p, defs) for p in prop["anyOf"])
    kind = prop.get("type")
    if "enum" in prop:
        return " or ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if kind == "array":
        return f"list of {_type(prop.get('items', {}), defs)}"
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return f"table of {_type(prop['additionalProperties'], defs)}"
    return {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
            "null": "none", "object": "table"}.get(kind or "", kind or "any")


def _model(prop: dict[str, Any]) -> tuple[str, str] | None:
    """(kind, model name) when the property holds a nested model: `one`, `map` (by key) or `list`."""
    for option in prop.get("anyOf", [prop]):
        if "$ref" in option:
            return "one", option["$ref"].rsplit("/", 1)[-1]
        extra = option.get("additionalProperties")
        if isinstance(extra, dict) and "$ref" in extra:
            return "map", extra["$ref"].rsplit("/", 1)[-1]
        items = option.get("items")
        if isinstance(items, dict) and "$ref" in items:
            return "list", items["$ref"].rsplit("/", 1)[-1]
    return None


def _section(title: str, schema: dict[str, Any], defs: dict[str, Any], out: list[str], seen: set[str]) -> None:
    rows, nested = [], []
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        found = _model(prop)
        if found and defs.get(found[1], {}).get("properties"):
            kind, model = found
            base = f"{title}.{name}" if title else name
            nested.append(({"one": base, "map": f"{base}.<key>", "list": f"[{base}]"}[kind], defs[model]))
            continue
        label = f"`{name}`" + (" (required)" if name in required else "")
        rows.append((label, _type(prop, defs), prop.get("description", "")))
    if rows:
        out.append(f"## `[{title}]`\n\n" if title else "## top level\n\n")
        out.append(table(("field", "type", "meaning, default, accepted values"), rows) + "\n")
    for key, model in nested:
        if key not in seen:
            seen.add(key)
            _section(key, model, defs, out, seen)


def render() -> str:
    from alicloud_ml.config import json_schema

    schema = json_schema()
    out = [INTRO]
    _section("", schema, schema.get("$defs", {}), out, set())
    return "".join(out).rstrip("\n") + "\n"
