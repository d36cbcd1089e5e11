"""Per-type plug-ins: what the Alibaba Cloud APIs do beyond what the schema says.

The emulator handles every type generically from the schema (defaults, documented defaults, id
formats, aliases, empty values). A plug-in module per service adds what only that service does:

- `@check(types...)` registers a cloud-side check. It receives a `Context` (the emulated cloud, the
  provider's region, plan or apply) and the planned state and returns `CloudError`s, each worded like
  an API error code plus a message naming the resource, the attribute and what is accepted.
  Unknown values are skipped at plan time; checks comparing with other objects run at apply.
- `@computed(type, attr)` computes an attribute the cloud fills in (a cluster's endpoints, a log
  store's shards); `before_id=True` for values the id is built from.
- `@identifier(type)` builds an id the provider composes in a way its docs do not state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from alicloud_ml.emulator.store import Store
from alicloud_ml.emulator.wire import UNKNOWN


@dataclass(frozen=True)
class CloudError:
    code: str
    message: str
    path: tuple[str | int, ...] = ()


@dataclass
class Context:
    store: Store
    region: str
    phase: str  # "plan" | "apply"
    type_name: str
    prior: dict[str, Any] | None = None

    @property
    def address(self) -> str:
        """How messages name the resource: its type (Terraform adds the resource address)."""
        return self.type_name

    @property
    def applying(self) -> bool:
        return self.phase == "apply"


Check = Callable[[Context, dict[str, Any]], list[CloudError]]
Lookup = Callable[[str, Any], Any]
#: (state, region, lookup) -> the value, or UNKNOWN when this plug-in has none for the state
Compute = Callable[[dict[str, Any], str, Lookup], Any]
_CHECKS: dict[str, list[Check]] = defaultdict(list)
_ANY: list[Check] = []
_COMPUTED: dict[tuple[str, str], Compute] = {}
_BEFORE_ID: dict[tuple[str, str], Compute] = {}
_IDS: dict[str, Callable[[dict[str, Any]], str]] = {}


def check(*types: str) -> Callable[[Check], Check]:
    """Register a check for the given resource types (none = every type)."""

    def register(fn: Check) -> Check:
        if not types:
            _ANY.append(fn)
        for t in types:
            _CHECKS[t].append(fn)
        return fn

    return register


def computed(type_name: str, *attrs: str, before_id: bool = False) -> Callable[[Compute], Compute]:
    """Register how the cloud computes `attrs` of `type_name`."""

    def register(fn: Compute) -> Compute:
        for attr in attrs:
            (_BEFORE_ID if before_id else _COMPUTED)[(type_name, attr)] = fn
        return fn

    return register


def identifier(type_name: str) -> Callable[[Callable[[dict[str, Any]], str]], Callable[[dict[str, Any]], str]]:
    """Register how the provider builds the id of `type_name` (when its docs state no format)."""

    def register(fn: Callable[[dict[str, Any]], str]) -> Callable[[dict[str, Any]], str]:
        _IDS[type_name] = fn
        return fn

    return register


def statuses(table: dict[str, str]) -> None:
    """Register the `status` each type reports once created (`running` clusters, `active` node pools)."""
    for type_name, value in table.items():
        _COMPUTED[(type_name, "status")] = lambda state, region, lookup, value=value: value


def computed_value(type_name: str, attr: str, state: dict[str, Any], region: str, lookup: Lookup,
                   before_id: bool = False) -> Any:
    _load()
    fn = (_BEFORE_ID if before_id else _COMPUTED).get((type_name, attr))
    return fn(state, region, lookup) if fn is not None else UNKNOWN


def before_id_attrs(type_name: str) -> list[str]:
    _load()
    return [a for (t, a) in _BEFORE_ID if t == type_name]


def custom_id(type_name: str, state: dict[str, Any]) -> str | None:
    _load()
    fn = _IDS.get(type_name)
    return fn(state) if fn is not None else None


def known(value: Any) -> bool:
    return value is not None and value is not UNKNOWN and value != ""


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
            compute, data_stores, identity, network, references, serving, storage, vector_store,
        )

        _loaded = True
