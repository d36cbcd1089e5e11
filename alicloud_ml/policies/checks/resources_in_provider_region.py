"""ALIML_012: every resource lives in its provider's region, and its zones belong to that region.

Stack-level. The region is the `region` of the `alicloud` provider block the resource uses (its
`provider = "alicloud.<alias>"`, else the default block). A zone belongs to region `cn-shanghai`
when it is `cn-shanghai-<letter>`, and to `ap-southeast-1` when it is `ap-southeast-1<letter>`
(`alicloud_ml.catalog.regions`, the one definition of both forms).
PASS: every literal `zone_id`/`availability_zone`/`zone`/`zone_ids` is in the region and every
literal `region_id` equals it.  FAIL: the provider sets no region, or a zone/region elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alicloud_ml.catalog.regions import zone_in_region
from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.values import is_reference, str_list

ZONE_KEYS = ("zone_id", "availability_zone", "zone", "zone_ids")

CHECK = PolicyCheck(
    id="ALIML_012",
    severity=Severity.HIGH,
    title="Ensure resources are in the provider's region and in zones of that region",
    why="A zone from another region fails at apply time at best; a bucket or file system in another region "
        "works and then bills cross-region traffic on every read (the egress trap).",
    fix="Set MlNetworkProps.zones to zones of MlNetworkProps.region (e.g. cn-shanghai-b for cn-shanghai).",
    resource_types=(),
    stack_level=True,
)


def provider_regions(data: Mapping[str, Any]) -> dict[str, str | None]:
    """`{"alicloud": region, "alicloud.<alias>": region}` from the provider blocks."""
    blocks = (data.get("provider") or {}).get("alicloud", [])
    blocks = [blocks] if isinstance(blocks, dict) else blocks
    out: dict[str, str | None] = {}
    for block in blocks if isinstance(blocks, list) else []:
        if isinstance(block, dict):
            key = f"alicloud.{block['alias']}" if block.get("alias") else "alicloud"
            out[key] = block.get("region")
    return out


def evaluate_resource(res: Resource, region: str) -> Result:
    wrong = []
    for key in ZONE_KEYS:
        for zone in str_list(res.attrs.get(key)):
            if not is_reference(zone) and not zone_in_region(zone, region):
                wrong.append(f"{key} {zone}")
    region_id = res.attrs.get("region_id")
    if region_id and not is_reference(region_id) and region_id != region:
        wrong.append(f"region_id {region_id}")
    if wrong:
        return Result.failed(f"{', '.join(wrong)} outside the provider region {region}",
                             field=wrong[0].split(" ", 1)[0])
    return Result.passed()


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    regions = provider_regions(stack.data)
    out: list[StackFinding] = []
    for key, region in regions.items():
        if not region:
            out.append(StackFinding(f"provider.{key}", Result.failed(
                f"provider {key} sets no region: resources would land wherever ALICLOUD_REGION points at deploy time",
                field="region")))
    for res in stack.resources:
        if not any(k in res.attrs for k in (*ZONE_KEYS, "region_id")):
            continue
        region = regions.get(str(res.attrs.get("provider") or "alicloud"))
        if region:
            out.append(StackFinding(res.address, evaluate_resource(res, region), res.path))
    return out
