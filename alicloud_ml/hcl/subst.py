"""Turn a synthesized resource body into HCL values: probe values become `var.…`, references become addresses.

The body keeps its shape (blocks stay lists of objects, JSON-string attributes become `Json` trees),
so later passes can address a value by the same path the differential synth reports.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from alicloud_ml.hcl.probe import Sentinel
from alicloud_ml.hcl.render import Cond, Dynamic, Expr, Json, Template

REF = re.compile(r"\$\{([a-z0-9_]+)\.([A-Za-z0-9_\-]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}")
MIN_EMBED = 4  # shorter probe values are only replaced when they are the whole string

Translate = Callable[[str, str, str], str]  # (type, logical id, ".attr…") -> HCL expression


AMBIGUOUS = "AMBIGUOUS"


class Table:
    """Probe value → expression lookups. A value two fields share is ambiguous: where it appears in
    the output, generation fails (make the probe unique, or map that attribute)."""

    def __init__(self, items: list[Sentinel]):
        self.strings: dict[str, str] = {}
        self.numbers: dict[float, str] = {}
        self.whole: list[tuple[Any, str]] = []
        for s in items:
            if isinstance(s.value, (list, dict)):
                self.whole.append((s.value, s.expr))
            elif isinstance(s.value, str):
                self._put(self.strings, s.value, s.expr)
            else:
                self._put(self.numbers, float(s.value), s.expr)
                self.strings.setdefault(_num_text(s.value), s.expr)

    @staticmethod
    def _put(table: dict[Any, str], value: Any, expr: str) -> None:
        if value in table and table[value] != expr:
            expr = f"{AMBIGUOUS}({table[value]}|{expr})"
        table[value] = expr

    def copy(self) -> Table:
        out = Table([])
        out.strings, out.numbers, out.whole = dict(self.strings), dict(self.numbers), list(self.whole)
        return out

    def embedded(self) -> list[tuple[str, str]]:
        return sorted(((v, e) for v, e in self.strings.items() if len(v) >= MIN_EMBED),
                      key=lambda item: -len(item[0]))


def _num_text(v: float | int) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def substitute(value: Any, table: Table, translate: Translate) -> Any:
    """`value` with probe values and references replaced (see the module docstring)."""
    for whole, expr in table.whole:
        if value == whole and isinstance(value, type(whole)):
            return Expr(expr)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return Expr(table.numbers[float(value)]) if float(value) in table.numbers else value
    if isinstance(value, str):
        stripped = value.strip()
        if stripped[:1] in "{[" and stripped[-1:] in "}]":
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if isinstance(parsed, (dict, list)):
                return Json(substitute(parsed, table, translate))
        return _string(value, table, translate)
    if isinstance(value, list):
        return [substitute(v, table, translate) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, table, translate) for k, v in value.items()}
    return value


def _string(text: str, table: Table, translate: Translate) -> Any:
    if text in table.strings:
        return Expr(table.strings[text])
    parts: list[str | Expr] = []
    pos = 0
    for m in REF.finditer(text):
        parts.append(text[pos:m.start()])
        parts.append(Expr(translate(m.group(1), m.group(2), m.group(3))))
        pos = m.end()
    parts.append(text[pos:])
    for probe, expr in table.embedded():
        out: list[str | Expr] = []
        for part in parts:
            if isinstance(part, Expr) or probe not in part:
                out.append(part)
                continue
            pieces = part.split(probe)
            for i, piece in enumerate(pieces):
                if i:
                    out.append(Expr(expr))
                out.append(piece)
        parts = out
    return Template.of(parts)


def rewrite(value: Any, fn: Callable[[str], str]) -> Any:
    """Apply `fn` to every expression inside `value` (templates, JSON, conditions, dynamic blocks)."""
    if isinstance(value, Expr):
        return Expr(fn(value))
    if isinstance(value, Template):
        return Template(tuple(Expr(fn(p)) if isinstance(p, Expr) else p for p in value.parts))
    if isinstance(value, Json):
        return Json(rewrite(value.value, fn))
    if isinstance(value, Cond):
        return Cond(fn(value.cond), rewrite(value.value, fn))
    if isinstance(value, Dynamic):
        return Dynamic(Expr(fn(value.for_each)), rewrite(value.content, fn))
    if isinstance(value, list):
        return [rewrite(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: rewrite(v, fn) for k, v in value.items()}
    return value


def exprs_in(value: Any) -> list[str]:
    """Every expression text inside `value`."""
    found: list[str] = []

    def keep(expr: str) -> str:
        found.append(expr)
        return expr

    rewrite(value, keep)
    return found


def leftovers(value: Any, table: Table, path: str = "") -> list[str]:
    """Paths where a probe value survived substitution (a derived value the spec must map)."""
    out: list[str] = []
    if isinstance(value, str) and not isinstance(value, Expr):
        if value in table.strings or any(p in value for p, _ in table.embedded()):
            out.append(f"{path} = {value!r}")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value) in table.numbers and abs(value) >= 10:
            out.append(f"{path} = {value!r}")
    elif isinstance(value, Template):
        out.extend(leftovers(p, table, path) for p in value.parts if not isinstance(p, Expr))  # type: ignore[misc]
        out = [x for group in out for x in (group if isinstance(group, list) else [group])]
    elif isinstance(value, Json):
        out.extend(leftovers(value.value, table, path + "#json"))
    elif isinstance(value, Cond):
        out.extend(leftovers(value.value, table, path))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(leftovers(v, table, f"{path}[{i}]"))
    elif isinstance(value, dict):
        for k, v in value.items():
            out.extend(leftovers(v, table, f"{path}.{k}" if path else k))
    return out
