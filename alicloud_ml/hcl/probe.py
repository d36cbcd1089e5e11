"""Synthesize a construct with probe props and index the probe values, so they can be found again.

`synthesize` builds the construct in a throwaway stack and returns its own resources (by construct
path below it) apart from the dependencies' (which become module inputs). `sentinels` lists every
probe value that stands for a variable: strings and numbers by field path, collections whole, and
the members of list-of-model and map fields as element markers (`§taints[0].key`) that a later pass
collapses into `for` expressions or dynamic blocks. `variants` lists the props to synthesize again
to learn what a boolean, an enum or an optional field switches on.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

from alicloud_ml.hcl.spec import ModuleSpec
from alicloud_ml.hcl.variables import _choices, _strip_optional, default_of, is_model

REGION = "cn-shanghai"
ELEMENT = "§"  # marks an element of a collection field until it is collapsed: §taints[0].key


@dataclass
class Raw:
    """One synthesized resource of the construct under test."""

    type: str
    logical: str
    rel: str          # construct path relative to the construct ("Resource", "Vswitch-cn-shanghai-b")
    body: dict[str, Any]


@dataclass
class Synth:
    own: dict[str, Raw]                       # by rel
    external: dict[str, tuple[str, str]]      # logical id -> (type, construct path)
    subject: Any
    stack: Any
    outputs: dict[str, Any]                   # construct attribute -> its synthesized value
    own_outputs: dict[str, Any]               # the construct's own TerraformOutputs by id


@cache
def _outdir() -> str:
    return tempfile.mkdtemp(prefix="alicloud-ml-hcl-")


def synthesize(spec: ModuleSpec, props: BaseModel, **switch: Any) -> Synth:
    from alicloud_ml._cdk import App, TerraformOutput, TerraformStack
    from alicloud_ml.provider import AlicloudProvider

    app = App(outdir=_outdir())
    stack = TerraformStack(app, "probe")
    AlicloudProvider(stack, "alicloud", region=REGION)
    subject = spec.build(stack, props, **switch)
    attrs = [o.attr for o in spec.outputs if o.attr]
    for attr in attrs:  # an output per construct attribute: how a token reads once synthesized
        TerraformOutput(stack, f"zqout-{attr}", value=getattr(subject, attr))
    doc = stack.to_terraform()
    synthesized = {k: v["value"] for k, v in (doc.get("output") or {}).items()}
    outputs = {a: next(v for k, v in synthesized.items() if k.startswith(f"zqout-{a}")) for a in attrs}
    stem = "_".join(subject.node.path.split("/")[1:]) + "_"
    own_outputs = {k[len(stem):].rsplit("_", 1)[0]: v for k, v in synthesized.items() if k.startswith(stem)}
    prefix = subject.node.path + "/"
    own: dict[str, Raw] = {}
    external: dict[str, tuple[str, str]] = {}
    for rtype, named in (doc.get("resource") or {}).items():
        for logical, body in named.items():
            path = body["//"]["metadata"]["path"]
            fields = {k: v for k, v in body.items() if k != "//"}
            if path.startswith(prefix):
                rel = path[len(prefix):]
                own[rel] = Raw(rtype, logical, rel, fields)
            else:
                external[logical] = (rtype, path)
    return Synth(own, external, subject, stack, outputs, own_outputs)


@dataclass(frozen=True)
class Sentinel:
    value: Any
    expr: str


def _fields(model: type[BaseModel], exclude: set[str]) -> Iterator[tuple[str, Any]]:
    for name, info in model.model_fields.items():
        if name not in exclude:
            yield name, info


def sentinels(props: BaseModel, exclude: set[str], prefix: str = "") -> list[Sentinel]:
    """Probe values that stand for a variable, with the HCL expression that replaces them.

    `prefix` is the dotted path of a nested model (`autoscaler.`); members of list-of-model and map
    fields get element markers (`§autoscaler.strategies[0].metric`, `§labels[1].key`).
    """
    out: list[Sentinel] = []
    for name, info in _fields(type(props), exclude):
        v = getattr(props, name)
        path = f"{prefix}{name}"
        expr = path if path.startswith(ELEMENT) else f"var.{path}"
        ann, _ = _strip_optional(info.annotation)
        if v is None or isinstance(v, bool) or (_choices(ann) is not None and not prefix):
            continue
        if isinstance(v, Enum):
            out.append(Sentinel(v.value, expr))
        elif isinstance(v, (str, int, float)):
            out.append(Sentinel(v, expr))
        elif isinstance(v, BaseModel):
            out.extend(sentinels(v, set(), path + "."))
        elif isinstance(v, tuple):
            if v and isinstance(v[0], BaseModel):
                for i, item in enumerate(v):
                    out.extend(sentinels(item, set(), f"{ELEMENT}{path.lstrip(ELEMENT)}[{i}]."))
            elif v:
                out.append(Sentinel(list(v), expr))
                out.extend(Sentinel(item, f"{expr}[{i}]") for i, item in enumerate(v))
        elif isinstance(v, dict) and v:
            out.append(Sentinel(dict(v), expr))
            for i, (k, item) in enumerate(v.items()):
                out.append(Sentinel(k, f"{ELEMENT}{path.lstrip(ELEMENT)}[{i}].key"))
                out.append(Sentinel(item, f"{ELEMENT}{path.lstrip(ELEMENT)}[{i}].value"))
    return out


def collections(props: BaseModel, exclude: set[str], prefix: str = "") -> dict[str, tuple[str, int]]:
    """Collection fields with probe elements: dotted path -> (kind "list"|"map", element count)."""
    out: dict[str, tuple[str, int]] = {}
    for name, _ in _fields(type(props), exclude):
        v = getattr(props, name)
        if isinstance(v, tuple) and v and isinstance(v[0], BaseModel):
            out[prefix + name] = ("list", len(v))
        elif isinstance(v, dict) and v:
            out[prefix + name] = ("map", len(v))
        elif isinstance(v, BaseModel):
            out.update(collections(v, set(), f"{prefix}{name}."))
    return out


@dataclass(frozen=True)
class Variant:
    """Props (or build switches) to synthesize again, and what to call the field in HCL."""

    field: str                 # dotted props path ("autoscaler.scale_to_zero") or the switch condition
    value: Any                 # the variant's value (a switch's is False)
    base: Any
    choices: tuple[Any, ...]   # every value the field can take (for conditions)
    props: BaseModel
    switch: dict[str, Any]


def _replace(props: BaseModel, path: list[str], value: Any) -> BaseModel:
    head, *rest = path
    if rest:
        value = _replace(getattr(props, head), rest, value)
    return props.model_copy(update={head: value})


def variants(props: BaseModel, exclude: set[str], spec: ModuleSpec, prefix: str = "") -> Iterator[Variant]:
    """Every bool flipped, every other enum value, and every optional/empty default, one at a time."""
    root = props if not prefix else None
    for name, info in _fields(type(props), exclude | (set(spec.required) if not prefix else set())):
        v = getattr(props, name)
        path = f"{prefix}{name}"
        ann, optional = _strip_optional(info.annotation)
        choices = _choices(ann)
        others: list[Any] = []
        domain: tuple[Any, ...] = ()
        if ann is bool:
            others, domain = [not v], (True, False)
        elif choices is not None:
            as_enum = isinstance(ann, type) and issubclass(ann, Enum)
            domain = choices + ((None,) if optional else ())
            others = [ann(c) if as_enum else c for c in choices if c != (v.value if isinstance(v, Enum) else v)]
            others += [None] if optional and v is not None else []
        elif is_model(ann) and v is not None:
            yield from (Variant(x.field, x.value, x.base, x.choices, _replace(props, [name], x.props), x.switch)
                        for x in variants(v, set(), spec, f"{path}."))
            if optional:
                others, domain = [None], ("set", None)
        elif v is not None and (optional or default_of(info) in ({}, [], ())) and v not in ({}, ()):
            others, domain = [None if optional else type(v)()], ("set", None if optional else "empty")
        elif isinstance(v, (int, float, str)) and default_of(info) in (0, "") and v != default_of(info):
            others, domain = [default_of(info)], ("set", default_of(info))
        base = v.value if isinstance(v, Enum) else v
        for other in others:
            plain = other.value if isinstance(other, Enum) else other
            if domain[:1] == ("set",):
                base, plain = "set", domain[1]
            yield Variant(path, plain, base, domain, props.model_copy(update={name: other}), {})
    if root is not None:
        for cond, switch in spec.switches.items():
            yield Variant(cond, False, True, (True, False), props, switch)
