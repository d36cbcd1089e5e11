"""A stack with one instance of every generated resource type, built from the specs alone.

Required arguments get the first accepted value (or a value inside the allowed range), so the
stack exercises every class and is the input for `terraform validate` against the emulator.
"""

from __future__ import annotations

import importlib
from typing import Any

from alicloud_ml import schema
from alicloud_ml._l1 import S
from alicloud_ml.provider import RESOURCE_CLASSES, AlicloudProvider


def sample(spec: S) -> Any:
    if spec.kind == "block":
        block = {name: sample(s) for name, s in spec.block._SPEC.items() if s.required}
        return block if spec.nesting == "single" else [block]
    if spec.allowed:
        return spec.allowed[0]
    if spec.kind in ("int", "float"):
        low = spec.range[0] if spec.range and spec.range[0] is not None else 1
        return max(low, 1)
    if spec.kind == "bool":
        return True
    if spec.kind in ("list", "set"):
        return ["x"]
    if spec.kind == "map":
        return {"k": "v"}
    return "mlsample"  # matches every name pattern in the schema


def _choice_for_groups(cls: Any, tf_type: str) -> dict[str, Any]:
    """One non-deprecated argument per exactly_one_of / at_least_one_of rule."""
    attrs = schema.resource_block(tf_type)["attributes"]
    out = {}
    for group in cls._GROUPS:
        name = next(n for n in group.names if not attrs.get(n, {}).get("deprecated"))
        out[name] = sample(cls._SPEC[name])
    return out


def build_all_types(stack: Any) -> dict[str, Any]:
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    made = {}
    for tf_type, (service, class_name) in sorted(RESOURCE_CLASSES.items()):
        cls = getattr(importlib.import_module(f"alicloud_ml.provider.{service}"), class_name)
        args = {name: sample(spec) for name, spec in cls._SPEC.items() if spec.required}
        args.update(_choice_for_groups(cls, tf_type))
        made[tf_type] = cls(stack, tf_type.removeprefix("alicloud_"), **args)
    return made
