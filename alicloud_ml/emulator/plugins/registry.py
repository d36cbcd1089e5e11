"""The plug-in API: what a plug-in module registers (checks, computed values, ids, statuses) and the
tables that hold it. `alicloud_ml.emulator.plugins` loads the plug-in modules and answers from these tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeGuard

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
#: Computed attributes an update recomputes (the provider's Read after Update reports what the cloud now holds).
_REFRESHED: dict[tuple[str, str], Compute] = {}
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


def computed(type_name: str, *attrs: str, before_id: bool = False, refresh: bool = False) -> Callable[[Compute], Compute]:
    """Register how the cloud computes `attrs` of `type_name`; `refresh`: also after every update, from the
    updated settings (the function then receives the prior value in the state and keeps what still holds)."""

    def register(fn: Compute) -> Compute:
        for attr in attrs:
            (_BEFORE_ID if before_id else _COMPUTED)[(type_name, attr)] = fn
            if refresh:
                _REFRESHED[(type_name, attr)] = fn
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
        _COMPUTED[(type_name, "status")] = _constant(value)


def _constant(value: str) -> Compute:
    def compute(state: dict[str, Any], region: str, lookup: Lookup) -> Any:
        return value

    return compute


def known(value: Any) -> TypeGuard[Any]:
    """Set and known at this phase (not None, not unknown until apply, not empty)."""
    return value is not None and value is not UNKNOWN and value != ""
