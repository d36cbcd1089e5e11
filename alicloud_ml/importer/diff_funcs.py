"""Classify a schema's DiffSuppressFunc and StateFunc into the few kinds the emulator's planner models.

The SDK drops a change its DiffSuppressFunc calls equal (terraform-plugin-sdk v1.17.2
helper/schema/schema.go:966) and stores what StateFunc returns (`diffString` :1346). The provider's
functions are Go code; most are one of a handful of shapes, read here from the function's own text:

| kind | diff_suppress when the function only ... | state_func when it only returns ... |
|---|---|---|
| `json` | compares with `compareJsonTemplateAreEquivalent` / `compareArrayJsonTemplateAreEquivalent` (common.go:750) | `normalizeJsonString(v)` |
| `yaml` | compares with `compareYamlTemplateAreEquivalent` | `normalizeYamlString(v)` |
| `case_insensitive` | compares `strings.ToLower`/`ToUpper` of old and new, or `strings.EqualFold` | — |
| `trim_space` | — | `strings.TrimSpace(v.(string))` |

A function that does anything else (reads other attributes, depends on the billing method) is left out,
never approximated: the emulator then compares values exactly.
"""

from __future__ import annotations

import re
from typing import Any

from alicloud_ml.importer.go_eval import Evaluator, Opaque, Sym
from alicloud_ml.importer.go_index import text

_BODY = re.compile(r"\)\s*(?:bool|string)\s*\{(.*)\}\s*$", re.S)  # after the signature's result type
_SUPPRESS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("json", re.compile(r"^(\w+), _ :?= compare(?:Array)?JsonTemplateAreEquivalent\((old|new), (old|new)\)\s*"
                        r"return \1$")),
    ("yaml", re.compile(r"^(\w+), _ :?= compareYamlTemplateAreEquivalent\((old|new), (old|new)\)\s*return \1$")),
    ("case_insensitive", re.compile(r"^return (?:strings\.To(Lower|Upper)\((old|new)\) == strings\.To\1\((old|new)\)"
                                    r"|strings\.EqualFold\((old|new), (old|new)\))$")),
)
_STATE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("json", re.compile(r"^(\w+), _ :?= normalizeJsonString\(v\)\s*return \1$")),
    ("yaml", re.compile(r"^(\w+), _ :?= normalizeYamlString\(v\)\s*return \1$")),
    ("trim_space", re.compile(r"^return strings\.TrimSpace\(v\.\(string\)\)$")),
)


def _statements(source: str) -> str | None:
    """The body of a Go function (literal or declaration) with whitespace collapsed, or None."""
    match = _BODY.search(source)
    if match is None:
        return None
    lines = [line.strip() for line in match.group(1).splitlines()]
    return " ".join(line for line in lines if line and not line.startswith("//")).replace("  ", " ")


def _source(ev: Evaluator, value: Any) -> str | None:
    if isinstance(value, Opaque) and value.reason == "function literal":
        return value.text
    if isinstance(value, Sym) and value.name in ev.pkg.funcs:
        return text(ev.pkg.funcs[value.name].node)
    return None


def _classify(ev: Evaluator, value: Any, table: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    source = _source(ev, value)
    body = _statements(source) if source is not None else None
    if body is None:
        return None
    body = re.sub(r"^if (.*) \{ return true \} return false$", r"return \1", body)
    for kind, pattern in table:
        match = pattern.match(body)
        if match and {g for g in match.groups()[1:] if g in ("old", "new")} in ({"old", "new"}, set()):
            return kind
    return None


def diff_suppress(ev: Evaluator, value: Any) -> str | None:
    """The DiffSuppressFunc's kind (`json`, `yaml`, `case_insensitive`), or None."""
    return _classify(ev, value, _SUPPRESS)


def state_func(ev: Evaluator, value: Any) -> str | None:
    """The StateFunc's kind (`json`, `yaml`, `trim_space`), or None."""
    return _classify(ev, value, _STATE)
