"""Per-type plug-ins: what the Alibaba Cloud APIs do beyond what the schema says.

The emulator handles every type generically from the schema (defaults, documented defaults, id
formats, aliases, empty values). A plug-in module per service adds what only that service does:

- `@check(types...)` registers a cloud-side check. It receives a `Context` (the emulated cloud, the
  provider's region, plan or apply) and the planned state and returns `CloudError`s, each worded like
  an API error code plus a message naming the resource, the attribute and what is accepted.
  Unknown values are skipped at plan time; checks comparing with other objects run at apply.
- `@computed(type, attr)` computes an attribute the cloud fills in (a cluster's endpoints, a log
  store's shards); `before_id=True` for values the id is built from; `refresh=True` for values an update
  can change (a vSwitch's IPv6 block once IPv6 is turned on): the plan keeps the prior value, as the SDK's
  does for a Computed attribute, and apply reports the new one, which Terraform accepts from a provider on
  the legacy SDK (`legacy_type_system`).
- `@identifier(type)` builds an id the provider composes in a way its docs do not state.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.plugins.registry import (
    _BEFORE_ID, _CHECKS, _COMPUTED, _IDS, _ANY, _REFRESHED, CloudError, Context, Lookup, known,
)
from alicloud_ml.emulator.wire import UNKNOWN

__all__ = ["CloudError", "Context", "before_id_attrs", "computed_value", "custom_id", "known", "refresh", "run"]


def computed_value(type_name: str, attr: str, state: dict[str, Any], region: str, lookup: Lookup,
                   before_id: bool = False) -> Any:
    _load()
    fn = (_BEFORE_ID if before_id else _COMPUTED).get((type_name, attr))
    return fn(state, region, lookup) if fn is not None else UNKNOWN


def refresh(type_name: str, state: dict[str, Any], region: str, lookup: Lookup) -> None:
    """After an update: recompute, in place, what the cloud derives from settings the update may have changed."""
    _load()
    for (t, attr), fn in _REFRESHED.items():
        if t == type_name:
            value = fn(state, region, lookup)
            if value is not UNKNOWN:
                state[attr] = value


def before_id_attrs(type_name: str) -> list[str]:
    _load()
    return [a for (t, a) in _BEFORE_ID if t == type_name]


def custom_id(type_name: str, state: dict[str, Any]) -> str | None:
    _load()
    fn = _IDS.get(type_name)
    return fn(state) if fn is not None else None


def run(ctx: Context, type_name: str, state: dict[str, Any]) -> list[CloudError]:
    _load()
    errors: list[CloudError] = []
    for fn in (*_ANY, *_CHECKS.get(type_name, ())):
        errors.extend(fn(ctx, state))
    return errors


_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        from alicloud_ml.emulator.plugins import (  # noqa: F401
            bucket_objects, compute, data_stores, functions, identity, kms, network, references, serving, storage,
            vector_store,
        )

        _loaded = True
