"""The declarative part of a generated module: what the generator cannot read off the construct's output.

A `ModuleSpec` names the construct and its props model, gives probe props (valid-looking values,
unique enough to be found again in the synthesized JSON), says how to build the construct's
dependencies, and lists the few derived values the construct computes in Python (`exprs`,
`locals`), the keyed copies to collapse (`repeats`), the inputs that stand for dependencies
(`inputs`), cross-field validations and outputs. Everything else comes from synthesizing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from alicloud_ml.hcl.variables import Check, Variable


@dataclass(frozen=True)
class Input:
    """A module input standing for a dependency (`cluster_id`), found in the output as a reference to a
    resource outside the construct (`ref = ("alicloud_cs_managed_kubernetes", "id")`) or as a literal
    probe value (`probe = "10.77.0.0/16"`, a dependency's Python-side attribute such as the VPC CIDR)."""

    variable: Variable
    ref: tuple[str, str] | None = None
    probe: Any = None


@dataclass(frozen=True)
class Repeat:
    """Copies of one resource per key (`Vswitch-<zone>`), collapsed into one resource with `for_each`.

    `pattern` matches the construct id and captures the key; `for_each` is the collection; inside a
    copy, `element` replaces the probe expression of the copy's element (`var.zones[0]` → `each.key`)
    and the key string itself is read as `each.key`. References from outside pick a copy by `key_expr`
    (probe key → HCL key expression), defaulting to the field expression of that key.
    """

    pattern: str
    name: str
    for_each: str
    field: str | None = None
    element: str = "each.key"
    when_empty: str = "{}"


@dataclass(frozen=True)
class Output:
    """A module output: a construct attribute (resolved and translated) or an HCL expression."""

    name: str
    description: str
    attr: str | None = None
    expr: str | None = None
    synth: str | None = None          # id of one of the construct's own TerraformOutputs


@dataclass
class ModuleSpec:
    """One generated module (see the package docstring for what is derived and what is mapped)."""

    name: str
    title: str
    construct: str                                   # "alicloud_ml.constructs.network.MlNetwork" (docs)
    props: type[BaseModel]
    probe: Callable[[], BaseModel]
    build: Callable[..., Any]                       # build(stack, props, **switch) -> construct
    exclude: dict[str, str] = field(default_factory=dict)      # props field -> why it is not an input
    required: tuple[str, ...] = ()                  # fields with a Python-derived default: required in HCL
    defaults: dict[str, Any] = field(default_factory=dict)     # field -> HCL default replacing the props'
    inputs: tuple[Input, ...] = ()
    switches: dict[str, dict[str, Any]] = field(default_factory=dict)  # HCL condition -> build kwargs
    repeats: tuple[Repeat, ...] = ()
    names: dict[str, str] = field(default_factory=dict)        # construct id -> HCL resource name
    locals: dict[str, str] = field(default_factory=dict)
    exprs: dict[str, Any] = field(default_factory=dict)        # "<name>.<attr>[#json.path]" -> HCL
    drop: tuple[str, ...] = ()                       # "<name>.<attr>" left out (e.g. depends_on on inputs)
    checks: tuple[tuple[str, Check], ...] = ()       # (variable, cross-field validation)
    outputs: tuple[Output, ...] = ()
    example: str = ""                                # examples/basic/main.tf body after the provider
    notes: tuple[str, ...] = ()                      # README bullet points (what differs from the construct)
    modules: tuple[str, ...] = ()                    # sibling modules the example uses
