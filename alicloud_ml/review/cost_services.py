"""Cost models of the network, logging, key and function services: a fixed part plus usage shown apart.

Each function prices one resource type for `CostModel` in the stack's region: the fixed charges go into
the monthly range (a gateway's hourly fee, a log store's shards, a key's versions), the usage charges
(CUs, traffic, requests) into `rc.usage` with their unit prices, priced only for a declared quantity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from alicloud_ml.review.cost_items import NotPriced, Range, ResourceCost, count_of

if TYPE_CHECKING:
    from alicloud_ml.review.cost import CostModel

ONE = Range(1, 1, 1)
#: FC 3.0 converts usage to CUs: active vCPU 1 CU per vCPU-second, memory 0.15 CU per GB-second, calls
#: 75 CU per 10,000 (https://alibabacloud.com/help/zh/functioncompute/fc-3-0/product-overview/pay-as-you-go-billing-method-1,
#: "各资源使用量的CU转换系数", read 2026-12-07).
FC_CU_PER_VCPU_SECOND = 1.0
FC_CU_PER_GB_SECOND = 0.15
FC_CU_PER_10K_CALLS = 75.0
#: EIP pay-by-bandwidth prices the first 5 Mbps at one rate and each Mbps above at another (the EIP price
#: documents cited in prices.csv: "带宽费以5 Mbps为界，实行阶梯定价").
EIP_FIRST_TIER_MBPS = 5


def nat(model: CostModel, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
    """Enhanced NAT pay-by-CU (`PayByLcu`): an hourly instance fee plus CUs per hour (usage)."""
    nat_type = str(attrs.get("nat_type", "Enhanced")).lower()
    model.priced(rc, region, "instance fee per gateway", (f"nat.{nat_type}",), "count", ONE)
    model.usage(rc, region, "capacity units (max of connections/1,000 CPS, 10,000 concurrent, 1 GB processed)",
                f"nat.{nat_type}.cu", "cu_per_hour")


def eip(model: CostModel, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
    """Pay-by-traffic: hourly configuration fee plus outbound GB (usage); pay-by-bandwidth: daily fee plus Mbps."""
    charge = attrs.get("internet_charge_type", "PayByBandwidth")
    if charge == "PayByTraffic":
        model.priced(rc, region, "configuration fee per address", ("eip.traffic",), "count", ONE)
        model.usage(rc, region, "outbound traffic", "eip.traffic.out", "outbound_gb_per_month")
        rc.notes.append("the configuration fee is waived while bound to a VPC ECS instance, not to a NAT gateway")
        return
    if charge != "PayByBandwidth":
        raise NotPriced(f"internet_charge_type {charge!r} has no cost model (PayByTraffic, PayByBandwidth are priced)")
    model.priced(rc, region, "configuration fee per address", ("eip.bandwidth",), "count", ONE)
    mbps = count_of(attrs.get("bandwidth", 5), "bandwidth")
    first, over = min(mbps, EIP_FIRST_TIER_MBPS), max(mbps - EIP_FIRST_TIER_MBPS, 0)
    if first:
        model.priced(rc, region, f"bandwidth, first {first} Mbps", ("eip.bandwidth.first5",), "Mbps", Range(first, first, first))
    if over:
        model.priced(rc, region, f"bandwidth above {EIP_FIRST_TIER_MBPS} Mbps × {over}", ("eip.bandwidth.over5",), "Mbps",
                     Range(over, over, over))


def log_store(model: CostModel, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
    """SLS: active shards rented per day (fixed: `shard_count`, up to `max_split_shard_count` with auto split)."""
    shards = count_of(attrs.get("shard_count", 2), "shard_count")
    top = count_of(attrs.get("max_split_shard_count", shards), "max_split_shard_count") if attrs.get("auto_split") else shards
    model.priced(rc, region, "active shards", ("sls.shard",), "count", Range(shards, shards, max(top, shards)))
    for label, sku, key in (("written traffic", "sls.write", "write_gb_per_month"),
                            ("index traffic", "sls.index", "index_gb_per_month"),
                            ("log storage", "sls.storage", "stored_gb"),
                            ("read/write requests", "sls.requests", "requests_million_per_month")):
        model.usage(rc, region, label, sku, key)


def kms_key(model: CostModel, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
    """A software key bills each key version per day (automatic rotation adds versions); API calls are usage."""
    if attrs.get("dkms_instance_id"):
        raise NotPriced("keys in a KMS instance are billed with the instance; no official instance price was found")
    level = str(attrs.get("protection_level", "SOFTWARE")).lower()
    model.priced(rc, region, "key version (one, before any rotation)", (f"kms.key.{level}",), "count", ONE)
    model.usage(rc, region, "API calls", "kms.api", "api_calls_10k_per_month")
    if attrs.get("automatic_rotation") == "Enabled":
        rc.notes.append(f"each automatic rotation ({attrs.get('rotation_interval', 'interval unset')}) adds a billed version")


def function(model: CostModel, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
    """FC 3.0: CUs from declared invocations × seconds × (vCPU + 0.15 × GB) + 75 per 10,000 calls (usage)."""
    declared = model.declared.get(rc.address, model.declared.get(rc.type, {}))
    quantity = None
    if "invocations_per_month" in declared:
        calls = float(declared["invocations_per_month"])
        seconds = float(declared.get("seconds_per_invocation", 1))
        cpu = float(attrs.get("cpu") or 0)
        memory_gb = float(attrs.get("memory_size") or 0) / 1024
        quantity = calls * seconds * (cpu * FC_CU_PER_VCPU_SECOND + memory_gb * FC_CU_PER_GB_SECOND) \
            + calls / 10_000 * FC_CU_PER_10K_CALLS
    model.usage(rc, region, "CUs (vCPU-seconds, GB-seconds, calls)", "fc.cu", "invocations_per_month", quantity)
