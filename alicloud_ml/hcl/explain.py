"""Paths into synthesized values and the rules that explain a difference between two synths.

`diff` lists where a variant's synth differs from the base (`GONE`, `NEW`, or the variant's value);
`cond`/`value_rule` turn what a field's values do to an attribute into HCL; the path helpers read
and rewrite the same places in the HCL values (`Json` members included, `#json` in a path).
"""

from __future__ import annotations

import json
import re
from typing import Any

from alicloud_ml.hcl.probe import Sentinel, Variant
from alicloud_ml.hcl.render import Cond, Json, value
from alicloud_ml.hcl.subst import exprs_in

GONE = object()  # the variant has no such resource, attribute or member
NEW = object()   # only the variant has it (the probe must enable everything: this is a spec error)


def input_sentinels(name: str, probe: Any) -> list[Sentinel]:
    """Sentinels of a dependency input given as a literal probe value (a list input: the list and its items)."""
    if isinstance(probe, (list, tuple)):
        return [Sentinel(list(probe), f"var.{name}"), *(Sentinel(p, f"var.{name}[{i}]") for i, p in enumerate(probe))]
    return [Sentinel(probe, f"var.{name}")]


def element(expr: str, marker: str, kind: str, iterator: str) -> str:
    """An element marker (`§taints[0]`) replaced by the iterator of the `for` or dynamic block collapsing it."""
    if kind == "list":
        return expr.replace(marker + ".", iterator + ".").replace(marker, iterator)
    key, val = (f"{iterator}.key", f"{iterator}.value") if iterator not in ("k",) else ("k", "v")
    return expr.replace(marker + ".key", key).replace(marker + ".value", val)


def all_exprs(v: Any) -> list[str]:
    return exprs_in(v)


def diff(a: Any, b: Any, path: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], Any]]:
    """(path, variant value or GONE/NEW) for every difference between two synthesized values."""
    if isinstance(a, str) and isinstance(b, str) and a[:1] in "{[" and b[:1] in "{[" and a != b:
        try:
            return diff(json.loads(a), json.loads(b), (*path, "#json"))
        except ValueError:
            pass
    if isinstance(a, dict) and isinstance(b, dict):
        out = [((*path, k), GONE) for k in a if k not in b] + [((*path, k), NEW) for k in b if k not in a]
        for k in a:
            if k in b:
                out.extend(diff(a[k], b[k], (*path, k)))
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in diff(x, y, (*path, i))]
    return [] if a == b else [(path, b)]


def at(body: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        if p == "#json":
            body = json.loads(body)
        else:
            body = body[p]
    return body


def get(body: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        body = body.value if p == "#json" else body[p]
    return body


def put(body: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if head == "#json":
        return Json(put(body.value, rest, new))
    if isinstance(body, Cond):
        return Cond(body.cond, put(body.value, path, new))
    if isinstance(body, list):
        items = list(body)
        items[head] = put(items[head], rest, new)
        return items
    members = dict(body)
    members[head] = put(members.get(head), rest, new) if rest else new
    return members


def path_text(name: str, path: tuple[Any, ...]) -> str:
    text = name
    for p in path:
        text += "#" if p == "#json" else (f"[{p}]" if isinstance(p, int) else ("" if text.endswith("#") else ".") + p)
    return text


def parse_path(text: str) -> tuple[Any, ...]:
    out: list[Any] = []
    for m in re.finditer(r"#|\[(\d+)\]|([^.#\[\]]+)", text):
        out.append("#json" if m.group(0) == "#" else (int(m.group(1)) if m.group(1) else m.group(2)))
    return tuple(out)


def cond(v: Variant, present: set[Any]) -> str:
    """HCL condition that holds exactly for the field values in `present`."""
    if v.switch:  # a build switch: its field is its own HCL condition
        return v.field if present == {True} else f"!({v.field})"
    ref = f"var.{v.field}"
    if v.choices[:1] == ("set",):
        empty = v.choices[1]
        text = "!= null" if empty is None else ("> 0" if empty == "empty" else f"!= {value(empty)}")
        if empty == "empty":
            return f"length({ref}) > 0" if present == {"set"} else f"length({ref}) == 0"
        return f"{ref} {text}" if present == {"set"} else f"{ref} == {value(empty)}"
    if v.choices == (True, False):
        return ref if present == {True} else f"!{ref}"
    absent = [c for c in v.choices if c not in present]
    if len(present) == 1:
        return f"{ref} == {value(next(iter(present)))}"
    if len(absent) == 1:
        return f"{ref} != {value(absent[0])}"
    return f"contains({value(sorted(p for p in present if p is not None))}, {ref})"


def value_rule(v: Variant, table: dict[Any, Any]) -> str | None | bool:
    """How an attribute follows a field: None (it does not), an HCL expression, or False (cannot say)."""
    distinct = {value(x) for x in table.values()}
    if len(distinct) <= 1:
        return None
    ref = v.field if v.switch else f"var.{v.field}"
    if v.choices[:1] == ("set",):
        return False
    if all(x == k for k, x in table.items()):
        return ref
    if all(isinstance(x, bool) for x in table.values()):
        return cond(v, {k for k, x in table.items() if x})
    if len(distinct) == 2:
        first = next(iter(table.values()))
        keys = {k for k, x in table.items() if x == first}
        other = next(x for x in table.values() if x != first)
        return f"{cond(v, keys)} ? {value(first)} : {value(other)}"
    return False
