"""Lower evaluated `schema.Resource` values to Terraform's JSON schema, as SDK v1's core_schema.go does.

The rules that decide attribute versus block, the implied object types of computed-only nested
resources, the min/max item adjustments and the implicit `id` and `timeouts` follow
terraform-plugin-sdk v1 (helper/schema/core_schema.go, resource.go), so the output matches what
`terraform providers schema -json` prints, plus the project's extra keys (force_new, allowed
values, ranges, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from alicloud_ml.importer import diff_funcs, validators
from alicloud_ml.importer.go_eval import Call, Evaluator, Opaque, Struct, Sym

PRIMITIVES = {"TypeString": "string", "TypeInt": "number", "TypeFloat": "number", "TypeBool": "bool"}
COLLECTIONS = {"TypeList": "list", "TypeSet": "set", "TypeMap": "map"}
TIMEOUTS = ("Create", "Read", "Update", "Delete", "Default")
CROSS_FIELD = {"ConflictsWith": "conflicts_with", "ExactlyOneOf": "exactly_one_of",
               "AtLeastOneOf": "at_least_one_of", "RequiredWith": "required_with"}


class Unreadable(Exception):
    """The schema cannot be read completely from the source; the message says where and why."""


@dataclass
class Context:
    """What lowering one resource learnt besides its schema: omitted patterns, skipped defaults."""

    ev: Evaluator
    notes: list[str] = field(default_factory=list)


def _where(value: Any) -> str:
    return getattr(value, "where", "?")


def _type_name(sch: Struct, name: str) -> str:
    value = sch.fields.get("Type")
    if isinstance(value, Sym) and value.name.split(".")[-1] in {**PRIMITIVES, **COLLECTIONS}:
        return value.name.split(".")[-1]
    raise Unreadable(f"type of {name!r} is not a schema.Type constant ({_describe(value)}) at {sch.where}")


def _describe(value: Any) -> str:
    if isinstance(value, Opaque):
        return f"{value.reason}: {value.text[:60]}"
    if isinstance(value, Call):
        return f"call to {value.func}()"
    return type(value).__name__ if not isinstance(value, Sym) else value.name


def _flag(sch: Struct, key: str, name: str) -> bool:
    value = sch.fields.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise Unreadable(f"{key} of {name!r} is only known at run time ({_describe(value)}) at {sch.where}")
    return value


def _schema(value: Any, name: str) -> Struct:
    if isinstance(value, Struct) and value.type in ("schema.Schema", "Schema", ""):
        return value
    raise Unreadable(f"schema of {name!r} is not a literal ({_describe(value)}) at {_where(value)}")


def _schema_map(value: Any, where: str) -> dict[str, Any]:
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return value
    raise Unreadable(f"schema map is not a literal ({_describe(value)}) at {_where(value) if value else where}")


def elem_kind(sch: Struct) -> str:
    """'resource', 'schema', 'value' or 'none': what Elem holds, as SDK v1's type switch sees it."""
    elem = sch.fields.get("Elem")
    if elem is None:
        return "none"
    if isinstance(elem, Struct) and elem.type.endswith("Resource"):
        return "resource"
    if isinstance(elem, Struct):
        return "schema"
    if isinstance(elem, Sym) and elem.name.split(".")[-1] in PRIMITIVES:
        return "value"
    raise Unreadable(f"Elem is not a literal schema ({_describe(elem)}) at {sch.where}")


def cty_type(sch: Any, name: str, ctx: Context) -> Any:
    """The cty JSON type of an attribute (SDK v1 coreConfigSchemaType)."""
    tname = _type_name(sch, name)
    if tname in PRIMITIVES:
        return PRIMITIVES[tname]
    kind, elem = elem_kind(sch), sch.fields.get("Elem")
    assert elem is not None or kind == "none"
    if tname == "TypeMap":
        if kind == "schema":
            return ["map", cty_type(elem, name, ctx)]
        return ["map", PRIMITIVES[elem.name.split(".")[-1]] if kind == "value" else "string"]
    coll = COLLECTIONS[tname]
    if kind == "schema":
        return [coll, cty_type(elem, name, ctx)]
    if kind == "value":
        return [coll, PRIMITIVES[elem.name.split(".")[-1]]]
    if kind == "resource":
        return [coll, implied_type(lower_block(_schema_map(elem.fields.get("Schema"), elem.where), ctx))]
    return [coll, "string"]


def implied_type(block: dict[str, Any]) -> list[Any]:
    """A block's implied object type (configschema.Block.ImpliedType)."""
    members: dict[str, Any] = {n: a["type"] for n, a in block.get("attributes", {}).items()}
    for n, bt in block.get("block_types", {}).items():
        inner = implied_type(bt["block"])
        members[n] = inner if bt["nesting_mode"] == "single" else [bt["nesting_mode"], inner]
    return ["object", members]


def _common(sch: Struct, out: dict[str, Any], name: str, ctx: Context) -> None:
    """Flags and extras attributes and blocks share."""
    for key in ("Required", "Optional", "Computed", "Sensitive", "ForceNew"):
        if _flag(sch, key, name):
            out["force_new" if key == "ForceNew" else key.lower()] = True
    deprecated = sch.fields.get("Deprecated")
    if isinstance(deprecated, str) and deprecated:
        out["deprecated"] = deprecated
    elif deprecated is not None and not isinstance(deprecated, str):
        out["deprecated"] = "deprecated (message built at run time)"
    removed = sch.fields.get("Removed")  # kept in the schema Terraform sees (core_schema.go:44 has no filter)
    if isinstance(removed, str) and removed:
        out["removed"] = removed
    elif removed is not None and not isinstance(removed, str):
        out["removed"] = "removed (message built at run time)"
    for key, out_key in CROSS_FIELD.items():
        value = sch.fields.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            out[out_key] = list(value)
        elif value is not None and not isinstance(value, list):
            ctx.notes.append(f"{sch.where}: {key} of {name!r} is not a literal list")
    description = sch.fields.get("Description")
    if isinstance(description, str) and description:
        out["description"] = description


def _literal(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _literal(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_literal(v) for v in value)
    return isinstance(value, (str, int, float, bool))


def _int_field(sch: Struct, key: str) -> int:
    value = sch.fields.get(key, 0)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def lower_attribute(sch: Struct, name: str, ctx: Context) -> dict[str, Any]:
    out: dict[str, Any] = {"type": cty_type(sch, name, ctx), "description_kind": "plain"}
    _common(sch, out, name, ctx)
    tname = _type_name(sch, name)
    if tname in ("TypeInt", "TypeFloat"):
        out["number_kind"] = "int" if tname == "TypeInt" else "float"
    default = sch.fields.get("Default")
    if isinstance(default, (str, int, float, bool)) or (isinstance(default, (dict, list)) and _literal(default)):
        out["default"] = default
    elif default is not None:
        ctx.notes.append(f"{sch.where}: Default of {name!r} is not a literal ({_describe(default)})")
    for key in ("MinItems", "MaxItems"):
        if _int_field(sch, key):
            out[key.lower().replace("items", "_items")] = _int_field(sch, key)
    for key, out_key, classify in (("DiffSuppressFunc", "diff_suppress", diff_funcs.diff_suppress),
                                   ("StateFunc", "state_func", diff_funcs.state_func)):
        kind = classify(ctx.ev, sch.fields[key]) if sch.fields.get(key) is not None else None
        if kind:
            out[out_key] = kind
    for key in ("ValidateFunc", "ValidateDiagFunc"):
        if sch.fields.get(key) is not None:
            validators.apply(ctx.ev, sch.fields[key], out, ctx.notes, sch.where)
    for key, wanted in (("range", "number"), ("length", "string")):
        if key in out and out["type"] != wanted:
            ctx.notes.append(f"{sch.where}: {key} of {name!r} left out: the attribute is not a {wanted}")
            del out[key]
    return out


def lower_block_type(sch: Struct, name: str, ctx: Context) -> dict[str, Any]:
    """A nested block (SDK v1 coreConfigSchemaBlock), with its min/max adjustments."""
    elem = sch.fields["Elem"]
    tname = _type_name(sch, name)
    out: dict[str, Any] = {"nesting_mode": COLLECTIONS[tname],
                           "block": lower_block(_schema_map(elem.fields.get("Schema"), elem.where), ctx)}
    _common(sch, out, name, ctx)
    out.pop("description", None)
    lo, hi = _int_field(sch, "MinItems"), _int_field(sch, "MaxItems")
    if out.get("required") and lo == 0:
        lo = 1
    if out.get("optional") and lo > 0:
        lo = 0
    if out.get("computed") and not out.get("optional"):
        lo = hi = 0
    if lo:
        out["min_items"] = lo
    if hi:
        out["max_items"] = hi
    return out


def lower_block(schema_map: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """A schemaMap as a block: computed-only nested resources are attributes, others blocks."""
    attributes: dict[str, Any] = {}
    blocks: dict[str, Any] = {}
    for name, value in schema_map.items():
        sch = _schema(value, name)
        tname = _type_name(sch, name)
        kind = elem_kind(sch)
        computed_only = _flag(sch, "Computed", name) and not _flag(sch, "Optional", name)
        if kind == "resource" and tname != "TypeMap" and not computed_only:
            blocks[name] = lower_block_type(sch, name, ctx)
        else:
            attributes[name] = lower_attribute(sch, name, ctx)
    out: dict[str, Any] = {"attributes": attributes, "description_kind": "plain"}
    if blocks:
        out["block_types"] = blocks
    return out


def lower_resource(resource: Any, ctx: Context) -> dict[str, Any]:
    """A whole resource or data source: its block plus the implicit `id` and `timeouts`."""
    if not isinstance(resource, Struct) or not resource.type.endswith("Resource"):
        raise Unreadable(f"not a schema.Resource literal ({_describe(resource)}) at {_where(resource)}")
    block = lower_block(_schema_map(resource.fields.get("Schema"), resource.where), ctx)
    block["attributes"].setdefault("id", {"type": "string", "optional": True, "computed": True,
                                          "description_kind": "plain"})
    timeouts = resource.fields.get("Timeouts")
    if isinstance(timeouts, Struct) and "timeouts" not in block["attributes"]:
        attrs = {key.lower(): {"type": "string", "optional": True, "description_kind": "plain"}
                 for key in TIMEOUTS if timeouts.fields.get(key) is not None}
        block.setdefault("block_types", {})["timeouts"] = {
            "nesting_mode": "single", "block": {"attributes": attrs, "description_kind": "plain"}}
    elif timeouts is not None and not isinstance(timeouts, Struct):
        raise Unreadable(f"Timeouts is not a literal ({_describe(timeouts)}) at {resource.where}")
    message = resource.fields.get("DeprecationMessage")
    if isinstance(message, str) and message:
        block["deprecated"] = message
    return {"version": _int_field(resource, "SchemaVersion"), "block": block}
