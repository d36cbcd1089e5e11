"""`variable` blocks from a construct's pydantic props model: the props' own words, types and limits.

Each field becomes one variable: its description, an HCL type (nested models become `object(...)`
with `optional(type, default)` members), its default, and a `validation` block per constraint
Terraform can express: `Literal`/`Enum` values (`contains`), `ge`/`le`/`gt`/`lt` (ranges),
`pattern` (`regex`, RE2 reads the props' patterns unchanged) and `min_length`/`max_length`.
Cross-field rules live in the module spec (`specs.py`), since validators are Python code.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types as at
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from alicloud_ml.hcl.render import Block, Expr, value


@dataclass(frozen=True)
class Check:
    """One `validation` block: an HCL condition and the message Terraform prints when it is false."""

    condition: str
    message: str


def _strip_optional(ann: Any) -> tuple[Any, bool]:
    if get_origin(ann) in (Union, types.UnionType):
        args = [a for a in get_args(ann) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return ann, False


def _choices(ann: Any) -> tuple[Any, ...] | None:
    if get_origin(ann) is Literal:
        return get_args(ann)
    if isinstance(ann, type) and issubclass(ann, Enum):
        return tuple(m.value for m in ann)
    return None


def is_model(ann: Any) -> bool:
    return isinstance(ann, type) and issubclass(ann, BaseModel)


def tf_type(ann: Any) -> str:
    """HCL type constraint of a props annotation (validators such as `RegionId` do not change the type)."""
    ann, _ = _strip_optional(ann)
    if get_origin(ann) is Annotated:
        return tf_type(get_args(ann)[0])
    choices = _choices(ann)
    if choices is not None:
        return "number" if all(isinstance(c, int) for c in choices) else "string"
    if ann is bool:
        return "bool"
    if ann in (int, float):
        return "number"
    if ann is str:
        return "string"
    origin, args = get_origin(ann), get_args(ann)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"list({tf_type(args[0])})"
    if origin is dict:
        return f"map({tf_type(args[1])})"
    if is_model(ann):
        return object_type(ann)
    raise TypeError(f"no HCL type for {ann!r}")


def object_type(model: type[BaseModel], exclude: Iterable[str] = (), derived: Iterable[str] = ()) -> str:
    """`object({...})` of a props model: members with defaults are `optional(type, default)`; `derived`
    members (computed by the caller when unset) are `optional(type)`, null when omitted."""
    skip, late = set(exclude), set(derived)
    members = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        member = tf_type(info.annotation)
        default = default_of(info)
        if name in late:
            members.append(f"{name} = optional({member})")
        elif default is PydanticUndefined:
            members.append(f"{name} = {member}")
        else:
            members.append(f"{name} = optional({member}, {value(default)})")
    return "object({\n" + "\n".join(members) + "\n})"


def plain(v: Any) -> Any:
    """A default as plain data: enums by value, tuples as lists, models as complete objects."""
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, BaseModel):
        return {k: plain(getattr(v, k)) for k in type(v).model_fields}
    if isinstance(v, (tuple, list)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


def default_of(info: FieldInfo) -> Any:
    """The field's default as plain data, or `PydanticUndefined` when the field is required."""
    if info.default_factory is not None:
        return plain(info.default_factory())  # type: ignore[call-arg]
    if info.default is PydanticUndefined:
        return PydanticUndefined
    return plain(info.default)


def _constraints(info: FieldInfo) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in info.metadata:
        for attr in ("ge", "le", "gt", "lt", "min_length", "max_length", "pattern"):
            if isinstance(m, (at.Ge, at.Le, at.Gt, at.Lt, at.MinLen, at.MaxLen)) or hasattr(m, attr):
                v = getattr(m, attr, None)
                if v is not None:
                    out[attr] = v
    return out


def field_checks(path: str, info: FieldInfo, ref: str) -> list[Check]:
    """Validations of one field reached by the HCL expression `ref` (`var.x`, `t.effect`)."""
    ann, optional = _strip_optional(info.annotation)
    checks: list[Check] = []
    c = _constraints(info)
    # `||` does not short-circuit in Terraform: a null guard must be a conditional
    guard = (lambda cond: f"{ref} == null ? true : ({cond})") if optional else (lambda cond: cond)
    choices = _choices(ann)
    if choices is not None:
        checks.append(Check(guard(f"contains({value(list(choices))}, {ref})"),
                            f"{path}: invalid value; accepted: {', '.join(map(str, choices))}."))
    bounds = [(op, c[k]) for k, op in (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<")) if k in c]
    if bounds and tf_type(ann) == "number":
        cond = " && ".join(f"{ref} {op} {value(b)}" for op, b in bounds)
        accepted = " and ".join(f"{op} {b}" for op, b in bounds)
        checks.append(Check(guard(cond), f"{path}: out of range; accepted: {accepted}."))
    if "pattern" in c:
        checks.append(Check(guard(f"can(regex({value(c['pattern'])}, {ref}))"),
                            f"{path}: invalid value; accepted: text matching {c['pattern']}."))
    lengths = [(op, c[k]) for k, op in (("min_length", ">="), ("max_length", "<=")) if k in c]
    if lengths and tf_type(ann).startswith(("list", "map", "string")):
        cond = " && ".join(f"length({ref}) {op} {n}" for op, n in lengths)
        accepted = " and ".join(f"{op} {n}" for op, n in lengths)
        checks.append(Check(guard(cond), f"{path}: wrong length; accepted: {accepted} items."))
    origin, args = get_origin(ann), get_args(ann)
    inner = args[0] if origin is tuple and args and is_model(args[0]) else (ann if is_model(ann) else None)
    if inner is not None:
        item = "item" if inner is not ann else None
        for name, sub in inner.model_fields.items():
            for check in field_checks(f"{path}[*].{name}" if item else f"{path}.{name}", sub,
                                      f"{item}.{name}" if item else f"{ref}.{name}"):
                cond = f"alltrue([for {item} in {ref} : {check.condition}])" if item else check.condition
                checks.append(Check(guard(cond), check.message))
    return checks


@dataclass(frozen=True)
class Variable:
    """An input of a generated module (a props field, or a dependency such as `cluster_id`)."""

    name: str
    type: str
    description: str
    default: Any = PydanticUndefined
    checks: tuple[Check, ...] = ()
    nullable: bool = True

    @property
    def required(self) -> bool:
        return self.default is PydanticUndefined

    def block(self, extra: Iterable[Check] = ()) -> Block:
        body: dict[str, Any] = {"description": self.description, "type": Expr(self.type)}
        if not self.required:
            body["default"] = self.default
        if not self.nullable:
            body["nullable"] = False
        blocks = [Block("validation", body={"condition": Expr(c.condition), "error_message": c.message})
                  for c in (*self.checks, *extra)]
        for i, b in enumerate(blocks):
            body[f"\0validation{i}"] = b
        return Block("variable", (self.name,), body)


def from_field(name: str, info: FieldInfo, *, description: str | None = None, default: Any = PydanticUndefined,
               required: bool = False) -> Variable:
    """The variable of one props field; `default`/`required` override the model's default."""
    d = PydanticUndefined if required else (default if default is not PydanticUndefined else default_of(info))
    _, optional = _strip_optional(info.annotation)
    return Variable(name, tf_type(info.annotation), description or info.description or name, d,
                    tuple(field_checks(name, info, f"var.{name}")), nullable=optional or d is None)


def from_model(model: type[BaseModel], exclude: Iterable[str] = (), required: Iterable[str] = (),
               defaults: dict[str, Any] | None = None) -> list[Variable]:
    """Every field of `model` except `exclude`, in declaration order."""
    skip, must = set(exclude), set(required)
    defaults = defaults or {}
    return [from_field(n, f, required=n in must, default=defaults.get(n, PydanticUndefined))
            for n, f in model.model_fields.items() if n not in skip]
