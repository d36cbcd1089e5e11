"""Monthly cost estimates per resource from the dated price table, at minimum, configured and maximum scale.

Infracost does not cover Alibaba Cloud, so this prices the few things that dominate an ML bill
(GPU node pools, EAS instances, CPFS, NAT, EIP) from `catalog/prices.csv` plus a user file. A
resource with no matching row is reported as not priced with the SKU to add, never as zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from alicloud_ml.catalog.pricing import HOURS_PER_MONTH, PriceBook
from alicloud_ml.eas_service_config import decode
from alicloud_ml.errors import InputError
from alicloud_ml.props.node_pool import SPOT_STRATEGIES
from alicloud_ml.props.notebooks import REAPER_ESTIMATE_TAGS, WEEKNIGHTS_PER_MONTH
from alicloud_ml.synthesized import Stack

DEFAULT_SPOT_DISCOUNT = 0.7  # spot nodes cost list price × (1 − 0.7); Alibaba advertises up to 90 % off

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
})
# Billed by what is stored, read or sent: no configuration-time figure exists.
USAGE_TYPES = {
    "alicloud_oss_bucket": "usage-based: stored GB, requests and traffic",
    "alicloud_ots_instance": "usage-based: capacity units and storage",
    "alicloud_ots_table": "usage-based: capacity units and storage",
    "alicloud_log_store": "usage-based: ingested and stored GB",
    "alicloud_kms_key": "not priced: KMS bills each key per month and its API calls (SKU `kms.key`, not in the table)",
    "alicloud_kms_secret": "not priced: Secrets Manager bills each secret per month and its API calls (SKU "
                           "`kms.secret`, not in the table)",
}


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

    def to_json(self) -> dict[str, Any]:
        return {
            "address": self.address, "type": self.type, "construct_path": self.construct_path, "status": self.status,
            "monthly": self.monthly.to_json() if self.status == "estimated" else None,
            "sizes": None if self.sizes is None else {"unit": self.size_unit, **self.sizes.to_json()},
            "components": [{"label": c.label, "sku": c.sku, "unit": c.unit, "unit_price": c.unit_price,
                            "monthly": c.monthly.to_json()} for c in self.components],
            "reason": self.reason or None, "notes": self.notes,
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


class _NotPriced(Exception):
    """A resource this run cannot price; the message says why and what to add."""


class CostModel:
    """Prices synthesized resources; one instance per run so provenance covers every row used."""

    def __init__(self, book: PriceBook, spot_discount: float = DEFAULT_SPOT_DISCOUNT):
        if not 0 <= spot_discount < 1:
            raise InputError("--spot-discount", "", f"invalid value {spot_discount}", accepted="a fraction in [0, 1), e.g. 0.7")
        self.book, self.spot_discount = book, spot_discount
        self._models: dict[str, Callable[[ResourceCost, dict[str, Any]], None]] = {
            "alicloud_cs_kubernetes_node_pool": self._node_pool, "alicloud_pai_service": self._eas,
            "alicloud_nas_file_system": self._file_system, "alicloud_nat_gateway": self._nat,
            "alicloud_eip_address": self._eip, "alicloud_cs_managed_kubernetes": self._cluster,
            "alicloud_ecs_disk": self._disk, "alicloud_nas_protocol_service": self._protocol_service,
            "alicloud_cr_ee_instance": self._registry, "alicloud_fcv3_function": self._function,
            "alicloud_gpdb_instance": self._vector_store,
        }

    def stack(self, stack: Stack) -> StackCost:
        return StackCost(stack.name, stack.region, [self.resource(r.type, r.name, dict(r.attrs), r.path, r.address)
                                                    for r in sorted(stack.resources, key=lambda r: r.address)])

    def resource(self, rtype: str, name: str, attrs: dict[str, Any], construct_path: str = "",
                 address: str | None = None) -> ResourceCost:
        """Cost of one resource; `address` names it when it is not `type.name` (a module address in a plan)."""
        rc = ResourceCost(address or f"{rtype}.{name}", rtype, construct_path, "estimated")
        if rtype in FREE_TYPES:
            rc.status = "free"
            return rc
        model = self._models.get(rtype)
        try:
            if model is None:
                raise _NotPriced(USAGE_TYPES.get(rtype, f"no cost model for `{rtype}`"))
            model(rc, attrs)
        except _NotPriced as exc:
            rc.status, rc.reason, rc.monthly, rc.components = "unpriced", str(exc), Range(), []
            return rc
        for c in rc.components:
            rc.monthly = rc.monthly + c.monthly
        return rc

    def _priced(self, rc: ResourceCost, label: str, skus: tuple[str, ...], counts: str, quantity: Range,
                factor: float = 1.0) -> None:
        price = self.book.lookup(*skus)
        if price is None:
            raise _NotPriced(f"no price for {' or '.join(f'`{s}`' for s in skus)} in the price table"
                             f" - add a row with unit {_unit_hint(counts)} to --prices")
        monthly = Range(*(self.book.monthly(price, counts, q) * factor for q in (quantity.min, quantity.desired, quantity.max)))
        rc.components.append(Component(label, price.sku, price.unit, price.price, monthly))

    def _node_pool(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        types = attrs.get("instance_types") or []
        scaling = _first(attrs.get("scaling_config"))
        desired_raw = attrs.get("desired_size", attrs.get("node_count"))
        if scaling and str(scaling.get("enable", True)).lower() != "false":
            low = _count(scaling.get("min_size", 0), "scaling_config.min_size")
            high = _count(scaling.get("max_size", low), "scaling_config.max_size")
            desired = low if desired_raw is None else _count(desired_raw, "desired_size")
        else:
            low = desired = high = 0 if desired_raw is None else _count(desired_raw, "desired_size")
        rc.sizes, rc.size_unit = Range(low, desired, high), "nodes"
        if not types or not isinstance(types[0], str) or "${" in types[0]:
            raise _NotPriced("instance_types is not set to a literal type (instance_patterns are not priced)")
        if len(types) > 1:
            rc.notes.append(f"priced as `{types[0]}`, the first of {len(types)} instance types")
        spot = attrs.get("spot_strategy") in SPOT_STRATEGIES
        factor = 1 - self.spot_discount if spot else 1.0
        if attrs.get("instance_charge_type") == "PrePaid":
            rc.notes.append("PrePaid nodes priced at the pay-as-you-go list price")
        self._priced(rc, "per node", (types[0],), "count", rc.sizes, factor)
        if spot:
            c = rc.components[-1]
            rc.notes.append(f"spot ({attrs['spot_strategy']}): list price × (1 − {self.spot_discount:.2f}) = "
                            f"{self.book.table.prices[c.sku].currency} {c.unit_price * factor:,.2f}/{c.unit} "
                            "(--spot-discount)")
        rc.notes.append("system and data disks not included")

    def _eas(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        config, problem = decode(attrs.get("service_config"))
        if config is None:
            raise _NotPriced(f"service_config {problem}")
        meta, scaler = config.metadata, config.autoscaler or {}
        configured = _count(meta.get("instance", 1), "service_config.metadata.instance")
        low = _count(scaler.get("min", configured), "service_config.autoscaler.min")
        high = _count(scaler.get("max", configured), "service_config.autoscaler.max")
        rc.sizes, rc.size_unit = Range(low, configured, high), "instances"
        itype = config.instance_type
        if config.resource_group:
            raise _NotPriced(f"runs on dedicated resource group `{config.resource_group}`: its nodes are billed, "
                             "and no sourced price exists for EAS resource groups")
        if not isinstance(itype, str):
            raise _NotPriced("no cloud.computing.instance_type: spec-based (cpu/memory/gpu) EAS pricing is not in the table")
        price = self.book.lookup(f"eas.{itype}")
        if price is None and self.book.lookup(itype) is not None:
            rc.notes.append(f"EAS instances priced at the ECS list price of `{itype}` (no `eas.{itype}` row)")
        self._priced(rc, "per instance", (f"eas.{itype}", itype), "count", rc.sizes)

    def _file_system(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        fs_type, storage = attrs.get("file_system_type", "standard"), attrs.get("storage_type")
        if fs_type == "standard":
            raise _NotPriced("usage-based: General-purpose NAS bills stored GB")
        capacity = attrs.get("capacity")
        if capacity is None:
            raise _NotPriced("capacity is not set")
        gib = _count(capacity, "capacity")
        sku = f"{fs_type}.{storage}" if fs_type in ("cpfs", "cpfsse") else f"nas.{fs_type}.{storage}"
        self._priced(rc, f"per GiB × {gib:,} GiB", (sku,), "GiB", Range(gib, gib, gib))

    def _nat(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        nat_type = str(attrs.get("nat_type", "Enhanced")).lower()
        self._priced(rc, "per gateway", (f"nat.{nat_type}",), "count", Range(1, 1, 1))
        rc.notes.append("capacity-unit (LCU) and traffic charges not included")

    def _eip(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        self._priced(rc, "per address", ("eip",), "count", Range(1, 1, 1))
        if attrs.get("internet_charge_type", "PayByBandwidth") == "PayByBandwidth" and attrs.get("bandwidth"):
            mbps = _count(attrs["bandwidth"], "bandwidth")
            if self.book.lookup("eip.bandwidth") is not None:
                self._priced(rc, f"per Mbps × {mbps} Mbps", ("eip.bandwidth",), "Mbps", Range(mbps, mbps, mbps))
            else:
                rc.notes.append("bandwidth not included (no `eip.bandwidth` row, unit Mbps-hour)")
        else:
            rc.notes.append("traffic charges not included")

    def _cluster(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        spec = attrs.get("cluster_spec", "ack.standard")
        self._priced(rc, "per cluster", (str(spec),), "count", Range(1, 1, 1))
        rc.notes.append("worker nodes are priced in their node pools")

    def _disk(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        category, level = attrs.get("category", "cloud_efficiency"), attrs.get("performance_level")
        gib = _count(attrs.get("size", 0), "size")
        skus = ((f"disk.{category}.{level}",) if level else ()) + (f"disk.{category}",)
        self._priced(rc, f"per GiB × {gib:,} GiB", skus, "GiB", Range(gib, gib, gib))

    def _protocol_service(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        spec = attrs.get("protocol_spec", "General")
        self._priced(rc, "per service", (f"cpfs.protocol_service.{spec}",), "count", Range(1, 1, 1))

    def _registry(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        """ACR EE: a subscription per instance edition (`cr.ee.<instance_type>`, unit `month`)."""
        edition = attrs.get("instance_type")
        if not isinstance(edition, str) or "${" in edition:
            raise _NotPriced("instance_type is not known until apply")
        sku = f"cr.ee.{edition}"
        if self.book.lookup(sku) is None:
            raise _NotPriced(f"subscription: no price for `{sku}` in the price table - add a row with unit `month` "
                             "to --prices (the ACR EE price of that edition in your region)")
        self._priced(rc, f"per instance ({edition})", (sku,), "count", Range(1, 1, 1))
        rc.notes.append("subscription billed per period; storage and traffic not included")

    def _vector_store(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        """AnalyticDB for PostgreSQL, elastic storage: compute nodes by spec (`gpdb.<spec>`, unit `hour`, per node)
        plus ESSD storage (`gpdb.storage.cloud_essd`, unit `GiB-month`); no sourced rows ship, so it names both."""
        spec, nodes, size = attrs.get("instance_spec"), attrs.get("seg_node_num"), attrs.get("storage_size")
        if not isinstance(spec, str) or nodes is None or size is None:
            raise _NotPriced("instance_spec, seg_node_num and storage_size must be literals to price AnalyticDB")
        count, gib = _count(nodes, "seg_node_num"), _count(size, "storage_size")
        skus = (f"gpdb.{spec}", "gpdb.storage.cloud_essd")
        if any(self.book.lookup(sku) is None for sku in skus):
            raise _NotPriced(f"no price for `{skus[0]}` (unit `hour`, per compute node) or `{skus[1]}` (unit "
                             "`GiB-month`) in the price table - add both rows to --prices (AnalyticDB pricing of "
                             "your region)")
        self._priced(rc, f"per compute node × {count}", (skus[0],), "count", Range(count, count, count))
        total = count * gib
        self._priced(rc, f"per GiB × {total:,} GiB", (skus[1],), "GiB", Range(total, total, total))

    def _function(self, rc: ResourceCost, attrs: dict[str, Any]) -> None:
        """FC 3.0 bills vCPU-seconds, GB-seconds and requests: usage-based. The reaper's savings are noted."""
        rc.savings = self._reaper_savings(attrs.get("tags") or {})
        if rc.savings is not None:
            rc.notes.append(f"{rc.savings.label}: {self.book.table.prices[rc.savings.sku].currency} "
                            f"{rc.savings.monthly:,.2f}/month, {rc.savings.assumption}")
        raise _NotPriced("usage-based: Function Compute bills vCPU-seconds, GB-seconds and requests (SKUs "
                         "`fc.vcpu-second`, `fc.gb-second`, `fc.request` are not in the table)")

    def _reaper_savings(self, tags: dict[str, Any]) -> Saving | None:
        keys = REAPER_ESTIMATE_TAGS
        if not isinstance(tags, dict) or keys["notebooks"] not in tags:
            return None
        try:
            notebooks = int(tags[keys["notebooks"]])
            hours = float(tags[keys["hours_per_night"]])
            itype = str(tags[keys["instance_type"]])
        except (KeyError, TypeError, ValueError):
            return None
        price = self.book.lookup(f"dsw.{itype}", itype)
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


def _count(value: Any, field_name: str) -> int:
    if isinstance(value, bool):
        raise _NotPriced(f"{field_name} is not a number")
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, str) and "${" in value:
        raise _NotPriced(f"{field_name} is not known until apply")
    raise _NotPriced(f"{field_name} is not a number ({value!r})")


def _unit_hint(counts: str) -> str:
    return {"count": "`hour`", "GiB": "`GiB-month`", "Mbps": "`Mbps-hour`"}[counts]
