"""Assemble one `Review` from changes, costs and the policy delta, in the order reports print it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from alicloud_ml.review.cost import CostModel, Range, ResourceCost
from alicloud_ml.review.model import Action, ResourceChange, StackChanges
from alicloud_ml.review.policy import PolicyDelta, not_run


@dataclass
class ChangeCost:
    before: ResourceCost | None
    after: ResourceCost | None

    @property
    def delta(self) -> Range:
        return _monthly(self.after) - _monthly(self.before)

    @property
    def priced(self) -> bool:
        return any(c is not None and c.status == "estimated" for c in (self.before, self.after))


@dataclass
class StackReview:
    changes: StackChanges
    costs: dict[str, ChangeCost]            # by address of the change (head address, base for deletes)

    @property
    def name(self) -> str:
        return self.changes.name

    @cached_property
    def before(self) -> Range:
        return _sum(c.before for c in self.costs.values())

    @cached_property
    def after(self) -> Range:
        return _sum(c.after for c in self.costs.values())

    def cost_of(self, rc: ResourceChange) -> ChangeCost:
        return self.costs[_key(rc)]

    def head_costs(self) -> list[ResourceCost]:
        return [c.after for c in self.costs.values() if c.after is not None]


@dataclass
class Review:
    source: dict[str, Any]
    stacks: list[StackReview]
    policy: PolicyDelta
    provenance: dict[str, Any]
    spot_discount: float
    notes: list[str] = field(default_factory=list)

    @cached_property
    def before(self) -> Range:
        return _sum_ranges(s.before for s in self.stacks)

    @cached_property
    def after(self) -> Range:
        return _sum_ranges(s.after for s in self.stacks)

    def counts(self) -> dict[str, int]:
        out = {a.value: 0 for a in Action}
        for s in self.stacks:
            for k, v in s.changes.counts().items():
                out[k] += v
        return out

    def destructive(self) -> list[ResourceChange]:
        return sorted((c for s in self.stacks for c in s.changes.changes if c.destructive),
                      key=lambda c: (c.stack, *c.sort_key()))

    def resource_counts(self) -> dict[str, int]:
        out = {"estimated": 0, "free": 0, "unpriced": 0}
        for s in self.stacks:
            for c in s.head_costs():
                out[c.status] += 1
        return out

    def unpriced(self) -> list[tuple[str, ResourceCost]]:
        return [(s.name, c) for s in self.stacks for c in sorted(s.head_costs(), key=lambda c: c.address)
                if c.status == "unpriced"]


def build(stacks: list[StackChanges], model: CostModel, source: dict[str, Any], policy: PolicyDelta | None = None,
          notes: list[str] | None = None) -> Review:
    """Price both sides of every change (no-ops too, so stack totals are whole) and attach the policy delta."""
    reviews = []
    for sc in stacks:
        costs = {}
        for rc in sc.changes:
            before = None if rc.before is None else model.resource(rc.type, rc.name, rc.before, rc.construct_path,
                                                                   rc.address, region=sc.region)
            if before is not None and rc.moved_from:
                before.address = rc.address
            if rc.action is Action.NO_OP:
                after = before  # what Terraform keeps prices the same: half the work on a big synth
            else:
                after = None if rc.after is None else model.resource(rc.type, rc.name, rc.after, rc.construct_path,
                                                                     rc.address, region=sc.region)
            costs[_key(rc)] = ChangeCost(before, after)
        reviews.append(StackReview(sc, costs))
    return Review(source, reviews, policy or not_run("not requested"), model.book.provenance(),
                  model.spot_discount, notes or [])


def _key(rc: ResourceChange) -> str:
    return ("-" if rc.action is Action.DELETE else "") + rc.address


def _monthly(cost: ResourceCost | None) -> Range:
    return cost.monthly if cost is not None else Range()


def _sum(costs: Any) -> Range:
    return _sum_ranges(_monthly(c) for c in costs)


def _sum_ranges(ranges: Any) -> Range:
    total = Range()
    for r in ranges:
        total = total + r
    return total
