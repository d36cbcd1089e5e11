"""The values a cost estimate is made of: money ranges, priced components, usage items, per-resource and
per-stack results. Shared by the cost model (`review.cost`) and its per-service models (`review.cost_services`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Range:
    """Money (or sizes) at minimum, configured ("desired") and maximum scale."""

    min: float = 0.0
    desired: float = 0.0
    max: float = 0.0

    def __add__(self, other: Range) -> Range:
        return Range(self.min + other.min, self.desired + other.desired, self.max + other.max)

    def __sub__(self, other: Range) -> Range:
        return Range(self.min - other.min, self.desired - other.desired, self.max - other.max)

    def scaled(self, factor: float) -> Range:
        return Range(self.min * factor, self.desired * factor, self.max * factor)

    def rounded(self) -> Range:
        return Range(round(self.min, 2), round(self.desired, 2), round(self.max, 2))

    def to_json(self) -> dict[str, float]:
        r = self.rounded()
        return {"min": r.min, "desired": r.desired, "max": r.max}


@dataclass
class Component:
    label: str
    sku: str
    unit: str
    unit_price: float
    monthly: Range


@dataclass
class UsageItem:
    """A usage-priced charge: its cited unit price, and a monthly figure only for a declared quantity."""

    label: str
    sku: str
    unit: str
    unit_price: float
    usage_key: str                      # the `--usage` field that declares the quantity
    quantity: float | None = None
    monthly: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "sku": self.sku, "unit": self.unit, "unit_price": self.unit_price,
                "usage_key": self.usage_key, "quantity": self.quantity,
                "monthly": None if self.monthly is None else round(self.monthly, 2)}


@dataclass
class ResourceCost:
    address: str
    type: str
    construct_path: str
    status: str                             # "estimated" | "free" | "unpriced"
    monthly: Range = field(default_factory=Range)
    components: list[Component] = field(default_factory=list)
    sizes: Range | None = None              # nodes or instances at min / desired / max
    size_unit: str = ""
    reason: str = ""                        # why not priced, and which SKU would price it
    notes: list[str] = field(default_factory=list)
    savings: Saving | None = None           # what the resource is expected to save elsewhere (an estimate)
    usage: list[UsageItem] = field(default_factory=list)   # shown apart, never in `monthly`

    def to_json(self) -> dict[str, Any]:
        return {
            "address": self.address, "type": self.type, "construct_path": self.construct_path, "status": self.status,
            "monthly": self.monthly.to_json() if self.status == "estimated" else None,
            "sizes": None if self.sizes is None else {"unit": self.size_unit, **self.sizes.to_json()},
            "components": [{"label": c.label, "sku": c.sku, "unit": c.unit, "unit_price": c.unit_price,
                            "monthly": c.monthly.to_json()} for c in self.components],
            "reason": self.reason or None, "notes": self.notes,
            "usage": [u.to_json() for u in self.usage],
            **({"savings": self.savings.to_json()} if self.savings is not None else {}),
        }


@dataclass
class Saving:
    """Money a resource is expected to save per month elsewhere (e.g. notebooks the reaper stops): an estimate."""

    label: str
    sku: str
    unit_price: float
    monthly: float
    assumption: str

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "sku": self.sku, "unit_price": self.unit_price,
                "monthly": round(self.monthly, 2), "assumption": self.assumption, "estimate": True}


@dataclass
class StackCost:
    name: str
    region: str | None
    resources: list[ResourceCost]

    @property
    def total(self) -> Range:
        total = Range()
        for r in self.resources:
            total = total + r.monthly
        return total

    def by_address(self) -> dict[str, ResourceCost]:
        return {r.address: r for r in self.resources}

    def counts(self) -> dict[str, int]:
        out = {"estimated": 0, "free": 0, "unpriced": 0}
        for r in self.resources:
            out[r.status] += 1
        return out


class NotPriced(Exception):
    """A resource this run cannot price; the message says why and what to add."""


def count_of(value: Any, field_name: str) -> int:
    if isinstance(value, bool):
        raise NotPriced(f"{field_name} is not a number")
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, str) and "${" in value:
        raise NotPriced(f"{field_name} is not known until apply")
    raise NotPriced(f"{field_name} is not a number ({value!r})")
