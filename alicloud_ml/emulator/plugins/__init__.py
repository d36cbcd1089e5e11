"""Cloud-side checks: what the Alibaba Cloud APIs would reject even though the schema accepts it.

Each check module registers functions per resource type. A check receives a `Context` (the
emulated cloud, the provider's region, whether this is plan or apply) and the planned state,
and raises nothing: it returns `CloudError`s, each worded like an API error code plus a message
naming the resource, the attribute and what is accepted. Unknown values are skipped at plan
time; at apply time everything is known. Checks that compare with other objects' current
state (CIDR containment, overlap, same VPC) run at apply, when dependencies already exist.
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
_CHECKS: dict[str, list[Check]] = defaultdict(list)
_ANY: list[Check] = []


def check(*types: str) -> Callable[[Check], Check]:
    """Register a check for the given resource types (none = every type)."""

    def register(fn: Check) -> Check:
        if not types:
            _ANY.append(fn)
        for t in types:
            _CHECKS[t].append(fn)
        return fn

    return register


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
        from alicloud_ml.emulator.checks import compute, network, references, serving, storage  # noqa: F401

        _loaded = True
