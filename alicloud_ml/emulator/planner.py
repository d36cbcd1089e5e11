"""Plan a resource change the way the SDK v1 provider would: defaults, computed values, replacement.

Rules (per attribute, recursively through nested blocks):
- set in config → the config value (JSON documents compared by meaning, `service_config`
  normalised like the provider's StateFunc);
- unset with a schema default → the default (so apply-then-plan is stable);
- unset and computed → the prior value, or unknown on create (apply fills it);
- otherwise null.
Optional+computed blocks left out of config keep their prior value. A force-new attribute or
block whose planned value differs from the prior one is reported as RequiresReplace.
"""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.emulator.spec import MISSING, Block
from alicloud_ml.emulator.wire import UNKNOWN

#: String attributes that hold JSON documents: compared by meaning (the provider's DiffSuppress).
JSON_ATTRS = {
    ("alicloud_pai_service", "service_config"),
    ("alicloud_ram_role", "assume_role_policy_document"),
    ("alicloud_ram_policy", "policy_document"),
    ("alicloud_oss_bucket", "policy"),
    ("alicloud_cs_kubernetes_addon", "config"),
}
#: JSON attributes the provider also normalises before storing (StateFunc).
NORMALISED_JSON_ATTRS = {("alicloud_pai_service", "service_config")}


def normalise_json(text: str) -> str:
    return json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))


def _json_equal(a: Any, b: Any) -> bool:
    try:
        return json.loads(a) == json.loads(b)
    except (TypeError, ValueError):
        return False


def plan(type_name: str, spec: Block, config: dict[str, Any], prior: dict[str, Any] | None) -> dict[str, Any]:
    planned = _plan_block(spec, config, prior)
    for key in ("service_config", "assume_role_policy_document", "policy_document", "policy", "config"):
        if (type_name, key) not in JSON_ATTRS:
            continue
        value, old = planned.get(key), (prior or {}).get(key)
        if not isinstance(value, str):
            continue
        if isinstance(old, str) and _json_equal(value, old):
            planned[key] = old
        elif (type_name, key) in NORMALISED_JSON_ATTRS:
            try:
                planned[key] = normalise_json(value)
            except ValueError:
                pass  # left as written; the cloud-side check reports it
    return planned


def _plan_block(spec: Block, config: dict[str, Any] | None, prior: dict[str, Any] | None) -> dict[str, Any]:
    config = config or {}
    out: dict[str, Any] = {}
    for name, attr in spec.attrs.items():
        value = config.get(name)
        if value is not None:
            out[name] = value
        elif attr.default is not MISSING:
            out[name] = attr.default
        elif attr.computed:
            out[name] = prior.get(name) if prior is not None else UNKNOWN
        else:
            out[name] = None
    for name, nested in spec.blocks.items():
        value = config.get(name)
        old = prior.get(name) if prior is not None else None
        if value is UNKNOWN:
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
    keys = [n for n, a in spec.attrs.items() if not a.computed]
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
