"""Readers shared by the checks: checkov's HCL-style values back to plain JSON, blocks, refs, GPU pools.

Checkov hands a resource check HCL-style values (`"system_disk_size": [200]`,
`"instance_types": [["ecs.gn7i-c8g1.2xlarge"]]`, blocks as lists of dicts with wrapped members,
`"true"`/`"false"` strings turned into booleans). `unhcl` turns that back into the shape
`cdk.tf.json` holds, so one pure `evaluate` serves both the gate and plain checkov.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from alicloud_ml.props.node_pool import SPOT_STRATEGIES
from alicloud_ml.synthesized import UNRESOLVED, json_attribute

#: checkov's bookkeeping keys: line numbers (JSON and HCL spellings), HCL addresses and providers.
LINE_KEYS = frozenset({"__startline__", "__endline__", "__start_line__", "__end_line__", "__address__",
                       "__provider_address__"})
#: What checkov leaves of an HCL expression it could not evaluate: `var.x`, `each.value.y`, a dynamic block's
#: `taints.value.effect`, function calls, conditionals, `for` expressions, interpolations.
_EXPRESSION = re.compile(r"\$\{|^\[?'?(var|local|each|module|count|data|self|path)\.|^[a-z_]+\.(value|key)\b|"
                         r"\b[a-z_]+\(|\s\?\s|^\[for\s|^\{for\s")
_GPU_FAMILY = re.compile(r"^ecs\.(ebm)?(gn|vgn|sgn)\d")
GPU_SCHEDULE_LABEL = "ack.node.gpu.schedule"


def unhcl(value: Any) -> Any:
    """Undo checkov's HCL-style wrapping: `[x]` → `x` for scalars and simple lists; blocks stay lists."""
    if isinstance(value, dict):
        return {k: unhcl(v) for k, v in value.items() if k not in LINE_KEYS}
    if isinstance(value, list):
        if len(value) == 1 and not isinstance(value[0], dict):
            return value[0]
        return [unhcl(v) for v in value]
    return value


def strip_lines(value: Any) -> Any:
    """Drop checkov's `__startline__`/`__endline__` keys, keeping the shape."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in LINE_KEYS}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def blocks(attrs: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    """A nested block as a list of dicts, whether it was written as a list or a single object."""
    value = attrs.get(key)
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def first_block(attrs: Mapping[str, Any], key: str) -> dict[str, Any]:
    found = blocks(attrs, key)
    return found[0] if found else {}


def sub(obj: Mapping[str, Any], key: str) -> dict[str, Any]:
    """A JSON object member (`metadata`, `autoscaler`) as a dict; `{}` when missing or not an object."""
    value = obj.get(key)
    return value if isinstance(value, dict) else {}


def mapping(attrs: Mapping[str, Any], key: str) -> dict[str, Any]:
    """A map attribute (`tags`), also when checkov wrapped it as `[{...}]`."""
    value = attrs.get(key)
    if isinstance(value, dict):
        return value
    if isinstance(value, list) and value and isinstance(value[0], dict):
        merged: dict[str, Any] = {}
        for item in value:
            merged.update(item)
        return merged
    return {}


def str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return None


def unresolved(value: Any) -> str | None:
    """The text of an HCL expression checkov left unevaluated inside `value`, if any.

    Checkov renders what it cannot evaluate as the expression's text (`each.value.system_disk_category`,
    `jsonencode(merge(...))`) or, for a member of an object-typed variable it has no value for, as `{}`.
    """
    if isinstance(value, str):
        return value if _EXPRESSION.search(value) else None
    if isinstance(value, list):
        if value and all(v == {} for v in value):
            return "{}"
        return next((found for v in value if (found := unresolved(v))), None)
    if isinstance(value, dict):
        return next((found for v in value.values() if (found := unresolved(v))), None)
    return None


def is_reference(value: Any) -> bool:
    return isinstance(value, str) and "${" in value


def gate_problem(problem: str) -> str:
    """A decoding problem as the gate reports it: an unresolved expression says what to do about it."""
    return f"{problem}; synthesize it as a literal JSON string" if problem == UNRESOLVED else problem


def json_string(value: Any) -> tuple[Any, str]:
    """A JSON-string attribute (`policy_document`) decoded for a check: (data, problem)."""
    data, problem = json_attribute(value)
    return data, gate_problem(problem)


def is_gpu_instance_type(name: str) -> bool:
    from alicloud_ml.catalog import get_instance_type

    entry = get_instance_type(name)
    if entry is not None:
        return entry.gpu_count > 0
    return bool(_GPU_FAMILY.match(name))


def is_gpu_pool(attrs: Mapping[str, Any]) -> bool:
    """A node pool is a GPU pool when any instance type has GPUs (catalog, else the gn/ebmgn family
    name), it carries the `ack.node.gpu.schedule` label, or its scaling type is `gpu`/`gpushare`."""
    if any(is_gpu_instance_type(t) for t in str_list(attrs.get("instance_types"))):
        return True
    if any(b.get("key") == GPU_SCHEDULE_LABEL for b in blocks(attrs, "labels")):
        return True
    return first_block(attrs, "scaling_config").get("type") in ("gpu", "gpushare")


def environment_of(attrs: Mapping[str, Any], construct_path: str) -> str | None:
    """The environment a resource belongs to: its `environment` tag, else the stack name (first
    segment of the construct path, e.g. `ml-dev`); None when neither is known."""
    tag = mapping(attrs, "tags").get("environment")
    if isinstance(tag, str) and tag.strip():
        return tag.strip().lower()
    stack = construct_path.split("/", 1)[0] if construct_path else ""
    return stack.lower() or None


def is_spot_pool(attrs: Mapping[str, Any]) -> bool:
    """`spot_strategy` SpotWithPriceLimit/SpotAsPriceGo, or `scaling_config.type = spot`."""
    return attrs.get("spot_strategy") in SPOT_STRATEGIES or first_block(attrs, "scaling_config").get("type") == "spot"
