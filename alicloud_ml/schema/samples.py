"""Minimal valid arguments for any resource or data source type, derived from its schema alone.

Used where every type must be exercised without hand-written examples: the bindings' all-types
synthesis and the emulator's all-types lifecycle (`make fidelity`). Required arguments get the
first allowed value, a number inside the allowed range, or a string matching the validation
pattern (a shortest match built from the pattern itself); exactly-one-of and at-least-one-of rules
get their first non-deprecated member.
"""

from __future__ import annotations

import re
import re._constants as sre_c  # noqa: PLC2701 - the stdlib regex parser, read-only
import re._parser as sre_parse  # noqa: PLC2701
from typing import Any

from alicloud_ml import schema

DEFAULT_STRING = "mlsample"
_CATEGORY = {sre_c.CATEGORY_DIGIT: "1", sre_c.CATEGORY_WORD: "a", sre_c.CATEGORY_SPACE: " ",
             sre_c.CATEGORY_NOT_DIGIT: "a", sre_c.CATEGORY_NOT_WORD: "-", sre_c.CATEGORY_NOT_SPACE: "a"}


def _class_char(items: list[tuple[Any, Any]]) -> str:
    negate = any(op is sre_c.NEGATE for op, _ in items)
    if negate:
        banned = {chr(v) for op, v in items if op is sre_c.LITERAL}
        return next(c for c in "abcxyz019" if c not in banned)
    preferred = None
    for op, value in items:
        if op is sre_c.LITERAL:
            return chr(value)
        if op is sre_c.RANGE:
            low, high = value
            for c in "a1A":  # a readable character when the range allows one
                if low <= ord(c) <= high:
                    return c
            preferred = preferred or chr(low)
        if op is sre_c.CATEGORY:
            return _CATEGORY.get(value, "a")
    return preferred or "a"


def _emit(parsed: Any) -> str:
    out = []
    for op, value in parsed:
        if op is sre_c.LITERAL:
            out.append(chr(value))
        elif op is sre_c.NOT_LITERAL:
            out.append("a" if value != ord("a") else "b")
        elif op is sre_c.ANY:
            out.append("a")
        elif op is sre_c.IN:
            out.append(_class_char(value))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            low, _high, body = value
            out.append(_emit(body) * max(low, 1))  # at least once: empty values read badly and some APIs refuse them
        elif op is sre_c.SUBPATTERN:
            out.append(_emit(value[-1]))
        elif op is sre_c.BRANCH:
            out.append(_emit(value[1][0]))
        elif op is sre_c.CATEGORY:
            out.append(_CATEGORY.get(value, "a"))
        # AT (anchors), ASSERT/ASSERT_NOT (lookarounds), GROUPREF: emit nothing
    return "".join(out)


def string_matching(pattern: str) -> str:
    """A short string `pattern` matches (`re.search`, as the provider's validators do), else DEFAULT_STRING."""
    candidates = [DEFAULT_STRING]
    try:
        candidates.insert(0, _emit(sre_parse.parse(pattern)))
    except (re.error, RecursionError, StopIteration):
        pass
    candidates += ["ml-sample-1", "MLSAMPLE", "Mlsample1", "1", "a1", "ml_sample", "/mlsample/", "10.0.0.0/16"]
    compiled = re.compile(pattern)
    return next((c for c in candidates if compiled.search(c)), DEFAULT_STRING)


def sample_attribute(attr: dict[str, Any]) -> Any:
    """A value the schema accepts for one attribute."""
    t = attr["type"]
    if attr.get("allowed_values"):
        return attr["allowed_values"][0]
    if t == "number":
        low, high = (attr.get("range") or [None, None])
        value = max(low if low is not None else 1, 1)
        return min(value, high) if high is not None else value
    if t == "bool":
        return True
    if t == "string":
        pattern = attr.get("validation_pattern")
        text = string_matching(pattern) if pattern else DEFAULT_STRING
        length = attr.get("length")
        return text.ljust(length[0], "a") if length and length[0] and len(text) < length[0] else text
    outer, inner = t[0], t[1]
    if outer in ("list", "set"):
        count = max(attr.get("min_items") or 1, 1)
        if not isinstance(inner, str):
            return [{}] * count
        return [_distinct(sample_attribute({"type": inner}), i) for i in range(count)]  # a set keeps distinct items
    if outer == "map":
        return {"k": sample_attribute({"type": inner}) if isinstance(inner, str) else "v"}
    return DEFAULT_STRING


def _distinct(value: Any, i: int) -> Any:
    if i == 0:
        return value
    if isinstance(value, str):
        return f"{value}{i}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value + i
    return value


def minimal_arguments(block: dict[str, Any]) -> dict[str, Any]:
    """Required attributes and blocks of `block`, plus one member of each exactly-one-of / at-least-one-of rule."""
    attrs, blocks = block.get("attributes", {}), block.get("block_types", {})
    out = {name: sample_attribute(a) for name, a in sorted(attrs.items()) if a.get("required")}
    wanted = {name for name, nested in blocks.items() if nested.get("required") or nested.get("min_items")}
    for rule_owner in [*attrs.values(), *blocks.values()]:  # the SDK checks these rules on blocks too
        for rule in ("exactly_one_of", "at_least_one_of"):
            names = rule_owner.get(rule) or []
            if names and not any(n in out or n in wanted for n in names):
                usable = [n for n in names if (n in attrs or n in blocks) and not (attrs.get(n) or blocks[n]).get(
                    "deprecated") and not (attrs.get(n) or blocks[n]).get("removed")]
                chosen = next(iter(usable), None)
                if chosen in attrs:
                    out[chosen] = sample_attribute(attrs[chosen])
                elif chosen is not None:
                    wanted.add(chosen)
    for name, nested in sorted(blocks.items()):
        if name in wanted:
            item = minimal_arguments(nested["block"])
            out[name] = item if nested["nesting_mode"] == "single" else [item] * max(nested.get("min_items") or 1, 1)
    return out


def minimal_config(tf_type: str, data: bool = False) -> dict[str, Any]:
    """Minimal valid Terraform arguments for one resource (or data source) type."""
    block = schema.data_source_block(tf_type) if data else schema.resource_block(tf_type)
    return minimal_arguments(block)
