"""Plan a resource change the way the SDK v1 provider would: defaults, computed values, replacement.

Rules (per attribute, recursively through nested blocks), after terraform-plugin-sdk v1.17.2
`helper/schema/schema.go` (`diff` :939, `diffString` :1337, `finalizeDiff` :375):
- set in config → the config value, normalised by the attribute's StateFunc class (`state_func` in the
  schema: JSON re-encoded as Go's encoding/json writes it, surrounding space trimmed), and kept as the
  prior value when the attribute's DiffSuppressFunc class (`diff_suppress`: equivalent JSON or YAML,
  case-insensitive text) says they are the same (`diff` :966 drops a suppressed change);
- an Optional+Computed string set to `""` counts as unset: the prior value, or unknown on create
  (`finalizeDiff` :394 and :419: "a computed value with an old value set already, just let it go");
- unset with a schema default → the default (so apply-then-plan is stable);
- unset and computed → the prior value, or unknown on create (apply fills it);
- a `Removed` attribute → null (it stays in the schema only to be read as null);
- otherwise null.
Optional+computed blocks left out of config keep their prior value. Items of a set block are matched to
their prior items by the values of their user-provided attributes, as the SDK's set hash does
(`serialize.go:89` `SerializeResourceForHash` skips computed-only attributes). A force-new attribute or
block whose planned value differs from the prior one is reported as RequiresReplace.
"""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.emulator.spec import MISSING, Attr, Block
from alicloud_ml.emulator.wire import UNKNOWN

_GO_HTML_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def normalise_json(text: str) -> str:
    """`text` re-encoded as the provider's normalizeJsonString does (Go json.Unmarshal + json.Marshal):
    keys sorted, no spaces, integral floats without a fraction, `<`, `>`, `&` escaped."""
    encoded = json.dumps(_go_numbers(json.loads(text)), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    for char, escape in _GO_HTML_ESCAPES.items():
        encoded = encoded.replace(char, escape)
    return encoded


def _go_numbers(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(value)
    if isinstance(value, dict):
        return {k: _go_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_go_numbers(v) for v in value]
    return value


def _parsed(kind: str, text: str) -> Any:
    if kind == "yaml":
        import yaml  # type: ignore[import-untyped]  # PyYAML comes with checkov; without it YAML compares as text

        return yaml.safe_load(text)
    return json.loads(text)


def suppressed(kind: str | None, old: Any, new: Any) -> bool:
    """Whether the provider's DiffSuppressFunc class treats `old` and `new` as the same value."""
    if kind is None or not isinstance(old, str) or not isinstance(new, str):
        return False
    if kind == "case_insensitive":
        return old.lower() == new.lower()
    try:
        a, b = _parsed(kind, old), _parsed(kind, new)
    except Exception:  # noqa: BLE001 - the provider's compare functions treat a parse error as "different"
        return False
    return a is not None and type(a) is type(b) and a == b


def _state_value(attr: Attr, value: Any) -> Any:
    """The config value as the provider's StateFunc stores it."""
    if not isinstance(value, str):
        return value
    if attr.state_func == "json":
        try:
            return normalise_json(value)
        except ValueError:
            return value  # left as written; the cloud-side check reports it
    if attr.state_func == "trim_space":
        return value.strip()
    return value


def plan(type_name: str, spec: Block, config: dict[str, Any], prior: dict[str, Any] | None) -> dict[str, Any]:
    return _plan_block(spec, config, prior)


def _plan_attr(attr: Attr, value: Any, prior: dict[str, Any] | None) -> Any:
    old = prior.get(attr.name) if prior is not None else None
    if attr.removed:
        return None
    if attr.computed and attr.optional and value == "":
        value = None
    if value is not None:
        value = _state_value(attr, value)
        return old if old is not None and suppressed(attr.diff_suppress, old, value) else value
    if attr.default is not MISSING:
        return attr.default
    if attr.computed:
        return old if prior is not None else UNKNOWN
    return None


def _plan_block(spec: Block, config: dict[str, Any] | None, prior: dict[str, Any] | None) -> dict[str, Any]:
    config = config or {}
    out: dict[str, Any] = {name: _plan_attr(attr, config.get(name), prior) for name, attr in spec.attrs.items()}
    for name, nested in spec.blocks.items():
        value = config.get(name)
        old = prior.get(name) if prior is not None else None
        if nested.removed:
            out[name] = None if nested.mode == "single" else []
        elif value is UNKNOWN:
            out[name] = UNKNOWN
        elif nested.mode == "single":
            out[name] = None if value is None else _plan_block(nested.block, value, old if isinstance(old, dict) else None)
        elif not value and nested.computed and old:
            out[name] = old
        else:
            olds = old if isinstance(old, list) else []
            items: list[Any] = []
            for i, item in enumerate(value or []):
                if item is UNKNOWN:
                    items.append(UNKNOWN)
                    continue
                match = olds[i] if nested.mode == "list" and i < len(olds) else _set_match(nested.block, item, olds)
                items.append(_plan_block(nested.block, item, match))
            out[name] = items
    return out


def _set_match(spec: Block, item: dict[str, Any], olds: list[Any]) -> dict[str, Any] | None:
    """The prior item with the same user-provided values (an Optional+Computed one only when configured)."""
    keys = [n for n, a in spec.attrs.items() if (a.required or a.optional) and not (a.computed and item.get(n) is None)]
    for old in olds:
        if isinstance(old, dict) and all(old.get(k) == item.get(k) for k in keys):
            return old
    return None


def _same(a: Any, b: Any, is_set: bool = False) -> bool:
    if a is UNKNOWN or b is UNKNOWN:
        return False
    if is_set and isinstance(a, list) and isinstance(b, list):
        return sorted(map(repr, a)) == sorted(map(repr, b))
    return a == b


def replace_paths(spec: Block, prior: dict[str, Any], planned: dict[str, Any]) -> list[list[str | int]]:
    """Attribute paths whose change forces a new resource (force_new in the schema)."""
    if not spec.has_force_new:
        return []
    out: list[list[str | int]] = []
    _walk_replace(spec, prior, planned, [], out)
    return out


def _walk_replace(spec: Block, prior: dict[str, Any], planned: dict[str, Any], path: list[str | int],
                  out: list[list[str | int]]) -> None:
    for name, attr in spec.attrs.items():
        if attr.force_new and not _same(prior.get(name), planned.get(name), attr.is_set):
            out.append(path + [name])
    for name, nested in spec.blocks.items():
        if not (nested.force_new or nested.block.has_force_new):
            continue
        old, new = prior.get(name), planned.get(name)
        if _same(old, new):
            continue
        if nested.force_new or nested.mode != "list" or not isinstance(old, list) or not isinstance(new, list) \
                or len(old) != len(new):
            out.append(path + [name])
            continue
        for i, (o, n) in enumerate(zip(old, new)):
            if isinstance(o, dict) and isinstance(n, dict):
                _walk_replace(nested.block, o, n, path + [name, i], out)
            elif not _same(o, n):
                out.append(path + [name, i])
