"""Monthly cost estimates per resource from region-scoped price rows, at minimum, configured and maximum scale.

Infracost does not cover Alibaba Cloud, so this prices every billable resource type the platforms
use from the price book (official rows shipped in `catalog/prices.csv`, billing-API rows from
`alicloud-ml prices refresh`, a user file), in the stack's region. Fixed charges (instances,
capacity, management fees, shards) make the monthly range; usage charges (traffic, CUs, requests)
are listed apart with their unit prices, and priced only for a declared usage (`--usage`). A
resource with no matching row is reported as not priced with the SKU and region to add, never as zero.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable

from alicloud_ml.catalog.prices import Price
from alicloud_ml.catalog.pricing import HOURS_PER_MONTH, USAGE_UNITS, PriceBook
from alicloud_ml.eas_service_config import decode
from alicloud_ml.errors import InputError
from alicloud_ml.props.node_pool import SPOT_STRATEGIES
from alicloud_ml.props.notebooks import REAPER_ESTIMATE_TAGS, WEEKNIGHTS_PER_MONTH
from alicloud_ml.synthesized import Stack
from alicloud_ml.review import cost_services
from alicloud_ml.review.cost_items import (Component, NotPriced, Range, ResourceCost, Saving, StackCost, UsageItem,
                                           count_of)

DEFAULT_SPOT_DISCOUNT = 0.7  # spot nodes cost list price × (1 − 0.7) unless --spot-discount says otherwise
#: "discounts of up to 90% off the pay-as-you-go price" (https://www.alibabacloud.com/help/en/ecs/instance-types,
#: last updated 2025-12-03, read 2026-12-07): a spot node costs between 10 % and 100 % of its list price.
SPOT_DISCOUNT_RANGE = "documented range 0-90 % off list"

# Billed through something else, or not billed at all.
FREE_TYPES = frozenset({
    "alicloud_vpc", "alicloud_vswitch", "alicloud_security_group", "alicloud_security_group_rule",
    "alicloud_ram_role", "alicloud_ram_policy", "alicloud_ram_role_policy_attachment", "alicloud_cs_kubernetes_addon",
    "alicloud_nas_access_group", "alicloud_nas_access_rule", "alicloud_nas_mount_target",
    "alicloud_nas_protocol_mount_target", "alicloud_eip_association", "alicloud_snat_entry",
    "alicloud_oss_bucket_public_access_block", "alicloud_oss_bucket_server_side_encryption",
    "alicloud_oss_bucket_versioning", "alicloud_ecs_deployment_set", "alicloud_pai_workspace_workspace",
    "alicloud_log_project", "alicloud_cs_autoscaling_config", "alicloud_nas_fileset", "terraform_data", "null_resource",
    "time_sleep",
    # ACR EE parts billed in the instance's subscription; FC triggers; PAI workspace metadata
    "alicloud_cr_ee_namespace", "alicloud_cr_ee_repo", "alicloud_cr_vpc_endpoint_linked_vpc",
    "alicloud_cr_internet_endpoint", "alicloud_cr_endpoint_acl_policy", "alicloud_fcv3_trigger",
    "alicloud_pai_workspace_dataset", "alicloud_pai_workspace_code_source", "alicloud_pai_workspace_member",
    "alicloud_pai_workspace_experiment",
    # the RAG tier: accounts and backup policies are part of the AnalyticDB instance; bucket ACLs are settings
    "alicloud_gpdb_account", "alicloud_gpdb_backup_policy", "alicloud_oss_bucket_acl",
    # an object's bytes are billed as its bucket's storage (function code packages: constructs/_fc_code.py)
    "alicloud_oss_bucket_object",
})
# No official document reachable when the table was built lists a unit price for these: each stays unpriced
# with its reason until a refreshed or user price file has the row (docs/cost.md "What is not priced").
UNSOURCED = {
    "alicloud_oss_bucket": ("oss.storage.<storage_class>", "OSS publishes storage, request and traffic prices only "
                            "on its dynamic price page"),
    "alicloud_ots_instance": ("ots.<instance_type>", "Tablestore publishes CU and storage prices only on its dynamic "
                              "price page"),
    "alicloud_ots_table": ("ots.<instance_type>", "Tablestore bills the instance's CUs and storage; no official "
                           "unit price was found"),
    "alicloud_kms_secret": ("kms.secret", "the KMS price document names no per-secret price"),
}
class CostModel:
    """Prices synthesized resources; one instance per run so provenance covers every row used.

    `usage` declares usage quantities per month, by resource address or by resource type:
    `{"alicloud_fcv3_function.reaper": {"invocations_per_month": 9000, "seconds_per_invocation": 2}}`.
    """

    def __init__(self, book: PriceBook, spot_discount: float = DEFAULT_SPOT_DISCOUNT,
                 usage: dict[str, dict[str, float]] | None = None):
        if not 0 <= spot_discount < 1:
            raise InputError("--spot-discount", "", f"invalid value {spot_discount}", accepted="a fraction in [0, 1), e.g. 0.7")
        self.book, self.spot_discount, self.declared = book, spot_discount, usage or {}
        self._models: dict[str, Callable[[ResourceCost, dict[str, Any], str], None]] = {
            "alicloud_cs_kubernetes_node_pool": self._node_pool, "alicloud_pai_service": self._eas,
            "alicloud_nas_file_system": self._file_system, "alicloud_nat_gateway": partial(cost_services.nat, self),
            "alicloud_eip_address": partial(cost_services.eip, self), "alicloud_cs_managed_kubernetes": self._cluster,
            "alicloud_ecs_disk": self._disk, "alicloud_nas_protocol_service": self._protocol_service,
            "alicloud_cr_ee_instance": self._registry, "alicloud_fcv3_function": self._function,
            "alicloud_gpdb_instance": self._vector_store, "alicloud_log_store": partial(cost_services.log_store, self),
            "alicloud_kms_key": partial(cost_services.kms_key, self),
        }

    def stack(self, stack: Stack) -> StackCost:
        return StackCost(stack.name, stack.region, [self.resource(r.type, r.name, dict(r.attrs), r.path, r.address,
                                                                  region=stack.region)
                                                    for r in sorted(stack.resources, key=lambda r: r.address)])

    def resource(self, rtype: str, name: str, attrs: dict[str, Any], construct_path: str = "",
                 address: str | None = None, *, region: str | None = None) -> ResourceCost:
        """Cost of one resource in `region`; `address` names it when it is not `type.name` (a module address)."""
        rc = ResourceCost(address or f"{rtype}.{name}", rtype, construct_path, "estimated")
        if rtype in FREE_TYPES:
            rc.status = "free"
            return rc
        model = self._models.get(rtype)
        try:
            if region is None:
                raise NotPriced("the stack's region is unknown (no provider `region`), so no regional price applies")
            if model is None:
                sku, why = UNSOURCED.get(rtype, ("", ""))
                raise NotPriced(f"{why}: add `{sku}` rows for {region} with --prices" if sku else
                                 f"no cost model for `{rtype}` (new resource types are listed here until one is added)")
            model(rc, attrs, region)
        except NotPriced as exc:
            rc.status, rc.reason, rc.monthly, rc.components, rc.usage = "unpriced", str(exc), Range(), [], []
            return rc
        for c in rc.components:
            rc.monthly = rc.monthly + c.monthly
        return rc

    # -- building blocks, also used by cost_services ----------------------------------------------------------
    def price(self, region: str, *skus: str, unit_hint: str) -> Price:
        """The row of the first of `skus` in `region`, or `NotPriced` naming what to add."""
        price = self.book.lookup(region, *skus)
        if price is None:
            raise NotPriced(f"no price for {' or '.join(f'`{s}`' for s in skus)} in {region}"
                             f" - add a row with unit {unit_hint} (`alicloud-ml prices refresh`, or --prices)")
        return price

    def priced(self, rc: ResourceCost, region: str, label: str, skus: tuple[str, ...], counts: str, quantity: Range,
               factor: float = 1.0) -> None:
        price = self.price(region, *skus, unit_hint=_unit_hint(counts))
        monthly = Range(*(self.book.monthly(price, counts, q) * factor for q in (quantity.min, quantity.desired, quantity.max)))
        rc.components.append(Component(label, price.sku, price.unit, price.price, monthly))

    def usage(self, rc: ResourceCost, region: str, label: str, sku: str, key: str, quantity: float | None = None) -> None:
        """A usage charge: the unit price is required (else not priced), the quantity comes from `--usage`."""
        price = self.price(region, sku, unit_hint=f"one of {', '.join(USAGE_UNITS)}")
        declared = self.declared.get(rc.address, self.declared.get(rc.type, {}))
        if quantity is None and key in declared:
            quantity = float(declared[key])
        rc.usage.append(UsageItem(label, price.sku, price.unit, price.price, key, quantity,
                                  self.book.usage_monthly(price, quantity)))

    # -- resource models ---------------------------------------------------------------------------------------
    def _node_pool(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        types = attrs.get("instance_types") or []
        scaling = _first(attrs.get("scaling_config"))
        desired_raw = attrs.get("desired_size", attrs.get("node_count"))
        if scaling and str(scaling.get("enable", True)).lower() != "false":
            low = count_of(scaling.get("min_size", 0), "scaling_config.min_size")
            high = count_of(scaling.get("max_size", low), "scaling_config.max_size")
            desired = low if desired_raw is None else count_of(desired_raw, "desired_size")
        else:
            low = desired = high = 0 if desired_raw is None else count_of(desired_raw, "desired_size")
        rc.sizes, rc.size_unit = Range(low, desired, high), "nodes"
        if not types or not isinstance(types[0], str) or "${" in types[0]:
            raise NotPriced("instance_types is not set to a literal type (instance_patterns are not priced)")
        if len(types) > 1:
            rc.notes.append(f"priced as `{types[0]}`, the first of {len(types)} instance types")
        spot = attrs.get("spot_strategy") in SPOT_STRATEGIES
        factor = 1 - self.spot_discount if spot else 1.0
        if attrs.get("instance_charge_type") == "PrePaid":
            rc.notes.append("PrePaid nodes priced at the pay-as-you-go list price")
        self.priced(rc, region, "per node", (types[0],), "count", rc.sizes, factor)
        if spot:
            c = rc.components[-1]
            rc.notes.append(f"spot ({attrs['spot_strategy']}): list price × (1 − {self.spot_discount:.2f}) = "
                            f"{self.book.lookup(region, c.sku).currency} {c.unit_price * factor:,.2f}/{c.unit} "  # type: ignore[union-attr]
                            f"(--spot-discount; {SPOT_DISCOUNT_RANGE})")
        self._node_disks(rc, attrs, region)

    def _node_disks(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        """System disks per node (`system_disk_category`/`_size`/`_performance_level`), when a disk row exists."""
        category, size = attrs.get("system_disk_category", "cloud_efficiency"), attrs.get("system_disk_size", 120)
        level = attrs.get("system_disk_performance_level")
        skus = ((f"disk.{category}.{level}",) if level else ()) + (f"disk.{category}",)
        if not isinstance(size, (int, float)) or self.book.lookup(region, *skus) is None:
            rc.notes.append(f"system disks not included (no `{skus[-1]}` row in {region}); data disks not included")
            return
        gib = int(size)
        assert rc.sizes is not None
        self.priced(rc, region, f"system disk {gib:,} GiB per node", skus, "GiB", rc.sizes.scaled(gib))

    def _eas(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        config, problem = decode(attrs.get("service_config"))
        if config is None:
            raise NotPriced(f"service_config {problem}")
        meta, scaler = config.metadata, config.autoscaler or {}
        configured = count_of(meta.get("instance", 1), "service_config.metadata.instance")
        low = count_of(scaler.get("min", configured), "service_config.autoscaler.min")
        high = count_of(scaler.get("max", configured), "service_config.autoscaler.max")
        rc.sizes, rc.size_unit = Range(low, configured, high), "instances"
        itype = config.instance_type
        if config.resource_group:
            raise NotPriced(f"runs on dedicated resource group `{config.resource_group}`: its nodes are billed, "
                             "and no sourced price exists for EAS resource groups")
        if not isinstance(itype, str):
            raise NotPriced("no cloud.computing.instance_type: spec-based (cpu/memory/gpu) EAS pricing is not in the table")
        if self.book.lookup(region, f"eas.{itype}") is None and self.book.lookup(region, itype) is not None:
            rc.notes.append(f"EAS instances priced at the ECS list price of `{itype}` (no `eas.{itype}` row; "
                            "EAS public-resource prices may differ)")
        self.priced(rc, region, "per instance", (f"eas.{itype}", itype), "count", rc.sizes)

    def _file_system(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        fs_type, storage = attrs.get("file_system_type", "standard"), attrs.get("storage_type")
        if fs_type == "standard":
            raise NotPriced("usage-based: General-purpose NAS bills stored GB, and no official unit price was found")
        capacity = attrs.get("capacity")
        if capacity is None:
            raise NotPriced("capacity is not set")
        gib = count_of(capacity, "capacity")
        sku = f"{fs_type}.{storage}" if fs_type in ("cpfs", "cpfsse") else f"nas.{fs_type}.{storage}"
        self.priced(rc, region, f"per GiB × {gib:,} GiB", (sku,), "GiB", Range(gib, gib, gib))

    def _cluster(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        spec = attrs.get("cluster_spec", "ack.standard")
        if spec == "ack.standard":
            rc.notes.append("ACK Basic has no cluster management fee")
            return
        self.priced(rc, region, "management fee per cluster", (str(spec),), "count", Range(1, 1, 1))
        rc.notes.append("worker nodes are priced in their node pools; the API server's CLB is billed by CLB")

    def _disk(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        category, level = attrs.get("category", "cloud_efficiency"), attrs.get("performance_level")
        gib = count_of(attrs.get("size", 0), "size")
        skus = ((f"disk.{category}.{level}",) if level else ()) + (f"disk.{category}",)
        self.priced(rc, region, f"per GiB × {gib:,} GiB", skus, "GiB", Range(gib, gib, gib))

    def _protocol_service(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        spec = attrs.get("protocol_spec", "General")
        self.priced(rc, region, "per service", (f"cpfs.protocol_service.{spec}",), "count", Range(1, 1, 1))

    def _registry(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        """ACR EE: a subscription per instance edition (`cr.ee.<instance_type>`, unit `month`)."""
        edition = attrs.get("instance_type")
        if not isinstance(edition, str) or "${" in edition:
            raise NotPriced("instance_type is not known until apply")
        self.priced(rc, region, f"per instance ({edition})", (f"cr.ee.{edition}",), "count", Range(1, 1, 1))
        rc.notes.append("subscription billed per period; storage and traffic not included")

    def _vector_store(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        """AnalyticDB for PostgreSQL, elastic storage: compute nodes by spec (`gpdb.<spec>`, unit `hour`, per node)
        plus ESSD storage (`gpdb.storage.cloud_essd`, unit `GiB-month`)."""
        spec, nodes, size = attrs.get("instance_spec"), attrs.get("seg_node_num"), attrs.get("storage_size")
        if not isinstance(spec, str) or nodes is None or size is None:
            raise NotPriced("instance_spec, seg_node_num and storage_size must be literals to price AnalyticDB")
        count, gib = count_of(nodes, "seg_node_num"), count_of(size, "storage_size")
        self.priced(rc, region, f"per compute node × {count}", (f"gpdb.{spec}",), "count", Range(count, count, count))
        total = count * gib
        self.priced(rc, region, f"per GiB × {total:,} GiB", ("gpdb.storage.cloud_essd",), "GiB", Range(total, total, total))

    def _function(self, rc: ResourceCost, attrs: dict[str, Any], region: str) -> None:
        """FC 3.0 bills CUs (usage, shown apart); the reaper's expected savings are noted."""
        rc.savings = self._reaper_savings(attrs.get("tags") or {}, region)
        if rc.savings is not None:
            rc.notes.append(f"{rc.savings.label}: {self.book.lookup(region, rc.savings.sku).currency} "  # type: ignore[union-attr]
                            f"{rc.savings.monthly:,.2f}/month, {rc.savings.assumption}")
        cost_services.function(self, rc, attrs, region)

    def _reaper_savings(self, tags: dict[str, Any], region: str) -> Saving | None:
        keys = REAPER_ESTIMATE_TAGS
        if not isinstance(tags, dict) or keys["notebooks"] not in tags:
            return None
        try:
            notebooks = int(tags[keys["notebooks"]])
            hours = float(tags[keys["hours_per_night"]])
            itype = str(tags[keys["instance_type"]])
        except (KeyError, TypeError, ValueError):
            return None
        price = self.book.lookup(region, f"dsw.{itype}", itype)
        if price is None or notebooks <= 0:
            return None
        monthly = self.book.monthly(price, "count", notebooks) / HOURS_PER_MONTH * hours * WEEKNIGHTS_PER_MONTH
        basis = ("DSW list price" if price.sku.startswith("dsw.") else
                 "ECS list price of the same type (DSW's own price for it may differ)")
        return Saving(
            label="expected savings (estimate) from stopping notebooks on weeknights", sku=price.sku,
            unit_price=price.price, monthly=monthly,
            assumption=(f"{notebooks} × `{itype}` notebooks left running, stopped {hours:g} h each weeknight "
                        f"(Mon-Fri, {WEEKNIGHTS_PER_MONTH:.2f} nights/month; weekends not counted) at "
                        f"{price.currency} {price.price:,.2f}/{price.unit}, the {basis}, {price.date}"))


def _first(value: Any) -> dict[str, Any]:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return value if isinstance(value, dict) else {}


def _unit_hint(counts: str) -> str:
    return {"count": "`hour`, `day` or `month`", "GiB": "`GiB-month`", "Mbps": "`Mbps-day`"}[counts]

