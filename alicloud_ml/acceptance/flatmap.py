"""Judge state the way terraform-plugin-sdk v1.17.2's test helpers do, on `terraform show -json` values.

The SDK checks a flatmap of the state (internal/configs/hcl2shim/flatmap.go): null values are left out,
a list or set `x` gives `x.#` (its length) and `x.0.y`..., a map gives `x.%` and `x.key`, numbers and
bools are strings. The checks (helper/resource/testing.go):

- `TestCheckResourceAttr` (line 1139): equal; expecting "0" for a `.#`/`.%` key also passes when absent;
- `TestCheckResourceAttrSet` (1104): present and not "";
- `TestCheckNoResourceAttr` (1194): absent (or "0" for a `.#`/`.%` key);
- `TestMatchResourceAttr`: the regular expression matches (search).

A set element's key upstream is its hash (`rules.1234567.port`); the SDK's set hash needs the provider's
hash function, so a numeric key segment past the collection's length matches any element here.

ImportStateVerify (helper/resource/testing_import_state.go:116-227) compares the imported flatmap with
the state's, both without empty `.#`/`.%` entries and without keys under an ImportStateVerifyIgnore
prefix; `timeouts` is not part of the SDK's flatmap (it lives in the instance's meta).
"""

from __future__ import annotations

import re
from typing import Any

CHECKSET, NOSET, REGEXMATCH, EMPTYMAP = "#CHECKSET", "#NOSET", "#REGEXMATCH:", "#EMPTYMAP"
_META = ("timeouts",)


def flatten(values: dict[str, Any]) -> dict[str, str]:
    """A resource's `values` from `terraform show -json` as the SDK's flatmap."""
    out: dict[str, str] = {}
    for key, value in values.items():
        if key not in _META:
            _flat(out, key, value, top=True)
    return out


def _flat(out: dict[str, str], key: str, value: Any, top: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        out[key] = "true" if value else "false"
    elif isinstance(value, (int, float)):
        out[key] = _number(value)
    elif isinstance(value, str):
        out[key] = value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):  # a nested block's element: an object, no count
                for k, v in item.items():
                    _flat(out, f"{key}.{i}.{k}", v)
            else:
                _flat(out, f"{key}.{i}", item)
        out[f"{key}.#"] = str(len(value))
    elif isinstance(value, dict):  # a map attribute
        for k, v in value.items():
            _flat(out, f"{key}.{k}", v)
        out[f"{key}.%"] = str(len(value))


def _number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def _candidates(flat: dict[str, str], key: str) -> list[str]:
    """`key` itself, or when a numeric segment indexes past a collection (a set hash), every element's key."""
    if key in flat:
        return [key]
    parts = key.split(".")
    for i, part in enumerate(parts):
        if not part.isdigit() or i == 0:
            continue
        count = flat.get(".".join(parts[:i]) + ".#")
        if count is not None and count.isdigit() and int(part) >= int(count):
            pattern = re.compile(re.escape(".".join(parts[:i])) + r"\.\d+\." + re.escape(".".join(parts[i + 1:])) + "$"
                                 if i + 1 < len(parts) else re.escape(".".join(parts[:i])) + r"\.\d+$")
            return [k for k in flat if pattern.match(k)]
    return []


def check(flat: dict[str, str] | None, resource: str, key: str, expected: str) -> str | None:
    """None when the check holds, else the SDK's message."""
    if flat is None:
        return f"{resource}: not found in state"
    if expected == EMPTYMAP:
        return f'{resource}: the parameter "checkMap" is nil or empty'
    container = key.endswith((".#", ".%"))
    keys = _candidates(flat, key)
    values = [flat[k] for k in keys]
    if expected == CHECKSET:
        return None if any(v != "" for v in values) else f"{resource}: Attribute '{key}' expected to be set"
    if expected == NOSET:
        if not values or (container and values == ["0"]):
            return None
        return f"{resource}: Attribute '{key}' found when not expected"
    if expected.startswith(REGEXMATCH):
        try:
            pattern = re.compile(expected[len(REGEXMATCH):])
        except re.error:
            return None  # upstream ignores a pattern that does not compile
        if any(pattern.search(v) for v in values):
            return None
        return f"{resource}: Attribute '{key}' didn't match {pattern.pattern!r}, got {values[0]!r}" if values \
            else f"{resource}: Attribute '{key}' not found"
    if expected in values:
        return None
    if not values:
        return None if container and expected == "0" else f"{resource}: Attribute '{key}' not found"
    return f"{resource}: Attribute '{key}' expected {expected!r}, got {values[0]!r}"


def import_difference(imported: dict[str, str], state: dict[str, str], ignore: tuple[str, ...],
                      removed: frozenset[str] = frozenset()) -> dict[str, tuple[str | None, str | None]]:
    """Keys whose imported value differs from the state's: {key: (imported, state)}; empty when equal."""
    def kept(flat: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in flat.items()
                if not (k.endswith((".#", ".%")) and v == "0") and not any(k.startswith(p) for p in ignore)
                and k.split(".")[0] not in removed}
    actual, expected = kept(imported), kept(state)
    return {k: (actual.get(k), expected.get(k)) for k in sorted(set(actual) | set(expected))
            if actual.get(k) != expected.get(k)}
