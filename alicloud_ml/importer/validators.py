"""Turn a schema's ValidateFunc into the facts bindings check at construction time.

Covers the SDK's `validation.*` helpers and the provider's own copies of them (`StringInSlice`,
`IntBetween`, ... in alicloud/validators.go), plus the provider validators that are just one
regular expression (`validateOTSInstanceName`). A validator that cannot be expressed as allowed
values, a range, a length or a Python-compatible pattern is left out, never approximated.
"""

from __future__ import annotations

import re
from typing import Any

from alicloud_ml.importer.go_eval import Call, Evaluator, Frame, Opaque, Sym
from alicloud_ml.importer.go_index import named, text

INT_MAX = {"math.MaxInt32", "math.MaxInt64", "math.MaxInt", "INT_MAX"}
# Upper bounds that only say "any int" (int32, int64, and JavaScript's largest safe integer).
UNBOUNDED = {2**31 - 1, 2**63 - 1, 2**53 - 1}


def _base(func: str) -> str:
    return func.split(".")[-1]


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    return None


def _bound(value: Any) -> int | float | None:
    """A numeric bound; math.MaxInt* means 'no upper bound' (None)."""
    if (isinstance(value, Sym) and value.name in INT_MAX) or (isinstance(value, int) and value in UNBOUNDED):
        return None
    return _number(value)


# The longest int range validation.Any may turn into a list of allowed values.
MAX_SPELLED = 64
# Provider validators whose whole check is a length (alicloud/validators.go).
HELPER_FACTS: dict[str, dict[str, Any]] = {"validateNormalName": {"length": [2, 128]}}

POSIX_CLASSES = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
    "space": r"\s", "word": r"\w", "xdigit": "0-9A-Fa-f", "punct": r"!-/:-@\[-`{-~",
}


def python_pattern(go_regex: str) -> tuple[str | None, str | None]:
    """(pattern, None) when Go's RE2 syntax means the same in Python's `re`; else (None, reason)."""
    if re.search(r"\\[pPQEC]|\(\?[a-zA-Z]*U", go_regex):
        return None, "uses RE2-only syntax (\\p{...}, \\Q..\\E or the U flag)"
    classes = re.findall(r"\[:(\^?)(\w+):\]", go_regex)
    if any(neg or name not in POSIX_CLASSES for neg, name in classes):
        return None, "uses a negated or unknown POSIX class"
    pattern = re.sub(r"\[:(\w+):\]", lambda m: POSIX_CLASSES[m.group(1)], go_regex)
    pattern = pattern.replace(r"\z", r"\Z")
    # RE2 reads `[\w-.]` as \w, '-' and '.'; Python rejects the range: spell the dash out.
    pattern = re.sub(r"(\\[wdsWDS])-(?!\])", r"\1\\-", pattern)
    try:
        re.compile(pattern)
    except re.error as exc:
        return None, f"not valid in Python: {exc}"
    return pattern, None


def _unresolved(values: list[Any]) -> str:
    return ", ".join(v.name if isinstance(v, Sym) else getattr(v, "text", repr(v))[:40]
                     for v in values if not isinstance(v, (str, int, float)))


def _regexp_arg(value: Any) -> str | None:
    if isinstance(value, Call) and _base(value.func) in ("MustCompile", "MustCompilePOSIX") and value.args:
        return value.args[0] if isinstance(value.args[0], str) else None
    return None


def _helper_pattern(ev: Evaluator, name: str) -> str | None:
    """The regexp of a provider validator func(v interface{}, k string) that only matches one regexp."""
    decl = ev.pkg.funcs.get(name)
    if decl is None or decl.node is None or "MatchString" not in text(decl.node):
        return None
    body = text(decl.node)
    compiled = re.findall(r"regexp\.MustCompile\(", body)
    if len(compiled) != 1:
        return None
    frame = Frame(decl.file)
    for call in _calls(decl.node):
        if text(call.child_by_field_name("function")) == "regexp.MustCompile":
            args = named(call.child_by_field_name("arguments"))
            value = ev.eval(args[0], frame) if args else None
            return value if isinstance(value, str) else None
    return None


def _calls(node):  # type: ignore[no-untyped-def]
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "call_expression":
            yield n
        stack.extend(n.named_children)


def apply(ev: Evaluator, value: Any, out: dict[str, Any], notes: list[str], where: str) -> None:
    """Record what `value` (an evaluated ValidateFunc) constrains into the attribute `out`."""
    if isinstance(value, Sym):
        if value.name in HELPER_FACTS:
            out.update(HELPER_FACTS[value.name])
            return
        pattern = _helper_pattern(ev, value.name)
        if pattern is not None:
            _pattern(pattern, out, notes, where)
        return
    if not isinstance(value, Call):
        return
    name, args = _base(value.func), value.args
    if name == "All":
        for part in args:
            apply(ev, part, out, notes, where)
    elif name == "Any":
        _any_of(ev, args, out, notes, where)
    elif name in ("StringInSlice", "validateAllowedStringValue") and args and isinstance(args[0], list):
        if all(isinstance(v, str) for v in args[0]):
            out["allowed_values"] = list(args[0])
            if len(args) > 1 and args[1] is True:
                out["allowed_values_ignore_case"] = True
        else:
            notes.append(f"{where}: allowed values left out, not all literal: {_unresolved(args[0])}")
    elif name == "IntInSlice" and args and isinstance(args[0], list):
        if all(_number(v) is not None for v in args[0]):
            out["allowed_values"] = list(args[0])
        else:
            notes.append(f"{where}: allowed values left out, not all literal: {_unresolved(args[0])}")
    elif name in ("IntBetween", "intBetween", "FloatBetween", "ValidateNullableIntBetween") and len(args) == 2:
        lo, hi = _number(args[0]), _bound(args[1])
        if lo is not None:
            out["range"] = [lo, hi]
    elif name in ("IntAtLeast", "FloatAtLeast") and args and _number(args[0]) is not None:
        out["range"] = [args[0], None]
    elif name in ("IntAtMost", "FloatAtMost") and args and _number(args[0]) is not None:
        out["range"] = [None, args[0]]
    elif name == "StringLenBetween" and len(args) == 2 and _number(args[0]) is not None:
        out["length"] = [args[0], _bound(args[1])]
    elif name == "StringLenAtLeast" and args and _number(args[0]) is not None:
        out["length"] = [args[0], None]
    elif name in ("StringMatch", "ValidateRegexp") and args:
        pattern = _regexp_arg(args[0]) if name == "StringMatch" else args[0]
        if isinstance(pattern, str):
            _pattern(pattern, out, notes, where)
        elif isinstance(args[0], (Opaque, Call)):
            notes.append(f"{where}: StringMatch pattern is not a literal")


def _any_of(ev: Evaluator, parts: list[Any], out: dict[str, Any], notes: list[str], where: str) -> None:
    """validation.Any of enums (and of small int ranges, spelled out) is the union of their values.

    `Any(IntBetween(1, 9), IntInSlice([]int{12, 24, 36}))` is how periods are validated; a mix
    that cannot be listed (a wide range plus a sentinel such as -1) is left out.
    """
    values: list[Any] = []
    for part in parts:
        one: dict[str, Any] = {}
        apply(ev, part, one, notes, where)
        lo, hi = one.get("range", [None, None])
        if set(one) == {"range"} and isinstance(lo, int) and isinstance(hi, int) and 0 <= hi - lo <= MAX_SPELLED:
            one = {"allowed_values": list(range(lo, hi + 1))}
        if set(one) - {"allowed_values", "allowed_values_ignore_case"} or "allowed_values" not in one:
            return
        values.extend(v for v in one["allowed_values"] if v not in values)
    if values:
        out["allowed_values"] = values


def _pattern(go_regex: str, out: dict[str, Any], notes: list[str], where: str) -> None:
    pattern, reason = python_pattern(go_regex)
    if pattern is not None:
        out["validation_pattern"] = pattern
    else:
        notes.append(f"{where}: pattern {go_regex!r} omitted: {reason}")
