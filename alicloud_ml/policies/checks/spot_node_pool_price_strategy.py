"""ALIML_005: spot node pools have a complete price strategy.

A spot pool is one with `spot_strategy` SpotWithPriceLimit/SpotAsPriceGo or `scaling_config.type = spot`.
PASS: SpotAsPriceGo; or SpotWithPriceLimit with exactly one `spot_price_limit` block per instance type.
FAIL: a spot scaling type without a spot strategy (or with NoSpot); SpotWithPriceLimit with an
instance type lacking a price limit, or a limit for a type the pool does not use.
NOT APPLICABLE: on-demand pools.
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.props.node_pool import SPOT_STRATEGIES as SPOT
from alicloud_ml.policies.values import blocks, is_spot_pool, str_list

CHECK = PolicyCheck(
    id="ALIML_005",
    severity=Severity.HIGH,
    title="Ensure spot node pools set a spot strategy and one price limit per instance type",
    why="A spot pool without a strategy silently buys on-demand capacity, and SpotWithPriceLimit without a "
        "limit for each instance type fails to scale on the types that lack one.",
    fix="Set GpuNodePoolProps.spot_strategy and spot_price_limits (one per instance type), or use SpotAsPriceGo.",
    resource_types=("alicloud_cs_kubernetes_node_pool",),
)


def evaluate(resource: Resource) -> Result:
    attrs = resource.attrs
    if not is_spot_pool(attrs):
        return Result.not_applicable()
    strategy = attrs.get("spot_strategy")
    if strategy not in SPOT:
        return Result.failed(f"spot node pool has spot_strategy {strategy or 'unset'}; accepted: {', '.join(SPOT)}",
                             field="spot_strategy")
    if strategy == "SpotAsPriceGo":
        return Result.passed()
    types = str_list(attrs.get("instance_types"))
    limits = [str(b.get("instance_type", "")) for b in blocks(attrs, "spot_price_limit")]
    missing = [t for t in types if limits.count(t) != 1]
    extra = [t for t in limits if t not in types]
    if missing or extra or not types:
        parts = []
        if missing:
            parts.append(f"needs exactly one spot_price_limit for {', '.join(missing)}")
        if extra:
            parts.append(f"has limits for unused types {', '.join(extra)}")
        if not types:
            parts.append("has no instance_types")
        return Result.failed("SpotWithPriceLimit pool " + "; ".join(parts), field="spot_price_limit")
    return Result.passed()


check = checkov_check(CHECK, evaluate)
