"""Catalog data sources: facts about the cloud itself (zones, instance types, images, versions).

Answers are region-aware and use the zone id form of the region (`cn-hangzhou-i`, `ap-southeast-1a`;
`alicloud_ml.catalog.regions`). Instance types come from the toolkit's catalog (every family the ECS
instance-family pages list, each citing its page); the tables below cite theirs.
Where the real API would return facts the emulator cannot know (per-zone stock, newest image builds), the
answer is a documented, stable stand-in; the README's "Assumptions" list names them.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.catalog import instance_types
from alicloud_ml.catalog.kubernetes import CONTAINERD, KUBERNETES_VERSIONS
from alicloud_ml.catalog.regions import zone_separator
from alicloud_ml.emulator import spec
from alicloud_ml.emulator.data_sources.base import DataSourceError, Query, object_keys, pattern, reader
from alicloud_ml.emulator.ids import ACCOUNT_ID

#: Zone letters per region: ECI "Regions and zones", https://www.alibabacloud.com/help/doc-detail/89155.html
#: (the zones ECI lists; ECS may sell in more), for the regions from cn-hangzhou to ap-southeast-2. The rest
#: are README assumption 14: `me-east-1a` appears in the provider's docs (website/docs/d/vpn_gateways.html.markdown),
#: the others and every region not listed are assumed to have zones a and b.
ZONE_LETTERS: dict[str, str] = {
    "cn-hangzhou": "befghijk", "cn-shanghai": "abcdefgklmn", "cn-qingdao": "bc", "cn-beijing": "cdefghijkl",
    "cn-zhangjiakou": "abc", "cn-huhehaote": "ab", "cn-wulanchabu": "abc", "cn-shenzhen": "abcde",
    "cn-heyuan": "ab", "cn-guangzhou": "ab", "cn-chengdu": "ab", "cn-hongkong": "bcd",
    "ap-northeast-1": "abc", "ap-southeast-1": "abc", "ap-southeast-2": "ab", "ap-southeast-3": "ab",
    "ap-southeast-5": "ab", "us-west-1": "ab", "us-east-1": "ab", "eu-central-1": "ab", "eu-west-1": "ab",
    "me-east-1": "a",
}
#: Region display names, for `local_name` (the names the console shows; stand-ins, README assumption 14).
REGION_NAMES: dict[str, str] = {
    "cn-hangzhou": "China (Hangzhou)", "cn-shanghai": "China (Shanghai)", "cn-qingdao": "China (Qingdao)",
    "cn-beijing": "China (Beijing)", "cn-zhangjiakou": "China (Zhangjiakou)", "cn-huhehaote": "China (Hohhot)",
    "cn-wulanchabu": "China (Ulanqab)", "cn-shenzhen": "China (Shenzhen)", "cn-heyuan": "China (Heyuan)",
    "cn-guangzhou": "China (Guangzhou)", "cn-chengdu": "China (Chengdu)", "cn-hongkong": "China (Hong Kong)",
    "ap-northeast-1": "Japan (Tokyo)", "ap-southeast-1": "Singapore", "ap-southeast-2": "Australia (Sydney)",
    "ap-southeast-3": "Malaysia (Kuala Lumpur)", "ap-southeast-5": "Indonesia (Jakarta)",
    "us-west-1": "US (Silicon Valley)", "us-east-1": "US (Virginia)", "eu-central-1": "Germany (Frankfurt)",
    "eu-west-1": "UK (London)", "me-east-1": "UAE (Dubai)",
}

#: Public images the provider's own examples name (website/docs at v1.289.0: `^ubuntu_[0-9]+_[0-9]+_x64*`,
#: `^ubuntu_18.*64`, `^centos_7_6_x64*`, `^aliyun_3_x64_20G_scc*`, `aliyun_3_x64_20G_container_optimized_…`).
IMAGES: tuple[tuple[str, str, str, str], ...] = (  # (image id, os name, platform, architecture)
    ("aliyun_3_x64_20G_alibase_20250629.vhd", "Alibaba Cloud Linux 3.2104 LTS 64 bit", "Aliyun", "x86_64"),
    ("aliyun_3_x64_20G_container_optimized_alibase_20250629.vhd",
     "Alibaba Cloud Linux 3.2104 LTS 64 bit Container Optimized", "Aliyun", "x86_64"),
    ("aliyun_3_x64_20G_scc_alibase_20250629.vhd", "Alibaba Cloud Linux 3.2104 LTS 64 bit SCC", "Aliyun", "x86_64"),
    ("aliyun_3_arm64_20G_alibase_20250629.vhd", "Alibaba Cloud Linux 3.2104 LTS 64 bit ARM", "Aliyun", "arm64"),
    ("ubuntu_22_04_x64_20G_alibase_20250630.vhd", "Ubuntu 22.04 64 bit", "Ubuntu", "x86_64"),
    ("ubuntu_20_04_x64_20G_alibase_20250630.vhd", "Ubuntu 20.04 64 bit", "Ubuntu", "x86_64"),
    ("ubuntu_18_04_x64_20G_alibase_20240710.vhd", "Ubuntu 18.04 64 bit", "Ubuntu", "x86_64"),
    ("centos_7_6_x64_20G_alibase_20211130.vhd", "CentOS 7.6 64 bit", "CentOS", "x86_64"),
)

#: Add-ons an ACK managed cluster reports (ACK "Component overview",
#: https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/component-overview);
#: versions and the `required` flags are stand-ins (README assumption 14).
CLUSTER_ADDONS: tuple[tuple[str, bool], ...] = (
    ("coredns", True), ("csi-plugin", False), ("csi-provisioner", False), ("terway-eniip", False),
    ("kube-proxy-master", True), ("ack-node-problem-detector", False), ("metrics-server", True),
    ("security-inspector", False), ("logtail-ds", False), ("ack-cost-exporter", False),
)


def zones(region: str) -> list[str]:
    return [f"{region}{zone_separator(region)}{c}" for c in ZONE_LETTERS.get(region, "ab")]


def _zone_name(region: str, zone: str) -> str:
    return f"{REGION_NAMES.get(region, region)} Zone {zone[-1].upper()}"


def _number(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _catalog_types(query: Query) -> list[Any]:
    """The catalog's instance types matching the query's filters (sizes compare exactly, as the API does)."""
    c = query.config
    family = c.get("instance_type_family")
    out = []
    for t in instance_types().values():
        if c.get("instance_type") and t.instance_type != c["instance_type"]:
            continue
        if family and f"ecs.{t.family}" != family:
            continue
        if _number(c.get("cpu_core_count")) not in (None, float(t.vcpu)):
            continue
        if _number(c.get("memory_size")) not in (None, float(t.memory_gib)):
            continue
        gpus = _number(c.get("gpu_amount"))
        if gpus is not None and gpus != t.gpu_count:
            continue
        if c.get("gpu_spec") and c["gpu_spec"].lower() not in t.gpu_model.lower():
            continue
        out.append(t)
    return sorted(out, key=lambda t: (t.vcpu, t.memory_gib, t.instance_type))


@reader("alicloud_zones")
def _zones(query: Query) -> dict[str, Any]:
    all_zones = zones(query.region)
    # The catalog does not track per-zone stock: every catalogued type is offered in every zone, and
    # filters by instance type, disk category or charge type keep them all (README assumption 14).
    types = [t.instance_type for t in instance_types().values()]
    rows = [{"id": z, "local_name": _zone_name(query.region, z), "available_instance_types": types,
             "available_disk_categories": ["cloud_essd", "cloud_auto", "cloud_efficiency", "cloud_ssd"],
             "available_resource_creation": ["VSwitch", "IoOptimized", "Instance", "Disk", "DedicatedHost"],
             "multi_zone_ids": [], "slb_slave_zone_ids": [z2 for z2 in all_zones if z2 != z][:1]} for z in all_zones]
    return {"ids": all_zones, "zones": rows}


@reader("alicloud_instance_types")
def _instance_types(query: Query) -> dict[str, Any]:
    zone = query.config.get("availability_zone")
    region_zones = zones(query.region)
    if isinstance(zone, str) and zone and zone not in region_zones:
        raise DataSourceError(f"alicloud_instance_types availability_zone {zone!r} is not a zone of region "
                              f"{query.region}; accepted: {', '.join(region_zones)}")
    rows = [{"id": t.instance_type, "family": f"ecs.{t.family}", "cpu_core_count": t.vcpu,
             "memory_size": t.memory_gib, "availability_zones": [zone] if zone else region_zones,
             "gpu": {"amount": str(t.gpu_count), "category": t.gpu_model} if t.is_gpu else {},
             "burstable_instance": {}, "local_storage": {}, "eni_amount": t.enis, "price": "",
             "nvme_support": "required" if t.family.startswith(("g8", "c8", "ebm")) else "unsupported"}
            for t in _catalog_types(query)]
    return {"ids": [r["id"] for r in rows], "instance_types": rows}


@reader("alicloud_images")
def _images(query: Query) -> dict[str, Any]:
    name = pattern(query, "name_regex")
    c = query.config
    rows = []
    for image_id, os_name, platform, arch in IMAGES:
        if name and not name.search(image_id):
            continue
        if c.get("image_id") and c["image_id"] != image_id:
            continue
        if c.get("architecture") and c["architecture"] != arch:
            continue
        if c.get("owners") not in (None, "", "system"):
            continue  # only system images exist in an empty account
        rows.append({"id": image_id, "image_id": image_id, "name": image_id, "os_name": os_name,
                     "os_name_en": os_name, "os_type": "linux", "platform": platform, "architecture": arch,
                     "image_owner_alias": "system", "status": "Available", "state": "Available", "size": 20,
                     "usage": "instance", "is_support_io_optimized": True, "progress": "100%",
                     "creation_time": f"{image_id.rsplit('_', 1)[-1][:8]}T00:00:00Z".replace(".vhd", "")})
    rows.sort(key=lambda r: str(r["creation_time"]), reverse=True)
    if c.get("most_recent") and rows:
        rows = rows[:1]
    return {"ids": [r["id"] for r in rows], "images": rows}


@reader("alicloud_regions")
def _regions(query: Query) -> dict[str, Any]:
    c = query.config
    ids = sorted(ZONE_LETTERS)
    if c.get("current"):
        ids = [query.region]
    if c.get("name"):
        ids = [r for r in ids if r == c["name"]]
    rows = [{"id": r, "region_id": r, "local_name": REGION_NAMES.get(r, r)} for r in ids]
    return {"ids": ids, "regions": rows, "current": bool(c.get("current")), "name": c.get("name") or ""}


@reader("alicloud_account")
def _account(query: Query) -> dict[str, Any]:
    return {"id": ACCOUNT_ID}


@reader("alicloud_caller_identity")
def _caller_identity(query: Query) -> dict[str, Any]:
    return {"id": ACCOUNT_ID, "account_id": ACCOUNT_ID, "arn": f"acs:ram::{ACCOUNT_ID}:root",
            "identity_type": "Account"}


@reader("alicloud_enhanced_nat_available_zones")
def _nat_zones(query: Query) -> dict[str, Any]:
    all_zones = zones(query.region)
    return {"ids": all_zones, "zones": [{"zone_id": z, "local_name": _zone_name(query.region, z)} for z in all_zones]}


@reader("alicloud_nas_zones")
def _nas_zones(query: Query) -> dict[str, Any]:
    """NAS/CPFS offer per zone. The stand-in: every zone sells standard/performance NFS and SMB, and
    CPFS (`file_system_type = "cpfs"`) with its `standard` storage type."""
    offers = nas_offers(cpfs=query.config.get("file_system_type") == "cpfs")
    return {"zones": [{"zone_id": z, "instance_types": offers} for z in zones(query.region)]}


def nas_offers(cpfs: bool) -> list[dict[str, str]]:
    """What every zone sells (the stand-in `alicloud_nas_zones` and `alicloud_nas_protocols` share)."""
    if cpfs:
        return [{"protocol_type": "cpfs", "storage_type": "advance_100"}]
    return [{"protocol_type": p, "storage_type": s} for s in ("Performance", "Capacity") for p in ("NFS", "SMB")]


@reader("alicloud_cs_kubernetes_version")
def _kubernetes_version(query: Query) -> dict[str, Any]:
    wanted = query.config.get("kubernetes_version")
    versions = [v for v in KUBERNETES_VERSIONS if not wanted or v.startswith(str(wanted))]
    if wanted and not versions:
        raise DataSourceError(f"alicloud_cs_kubernetes_version kubernetes_version {wanted!r} is not a version ACK "
                              f"offers; accepted: {', '.join(KUBERNETES_VERSIONS)}")
    return {"metadata": [{"version": v, "runtime": [{"name": "containerd", "version": CONTAINERD}]}
                         for v in versions]}


@reader("alicloud_cs_kubernetes_addons")
def _cluster_addons(query: Query) -> dict[str, Any]:
    cluster_id = query.config.get("cluster_id")
    cluster = query.store.get("alicloud_cs_managed_kubernetes", str(cluster_id))
    if cluster is None:
        raise DataSourceError(f"alicloud_cs_kubernetes_addons cluster_id {cluster_id!r} is not a cluster in the "
                              "emulated cloud; accepted: the id of an alicloud_cs_managed_kubernetes created here")
    installed = {a.get("name"): a for a in query.store.find("alicloud_cs_kubernetes_addon")
                 if a.get("cluster_id") == cluster_id}
    for block in cluster.get("addons") or []:
        installed.setdefault(block.get("name"), block)
    names = sorted({n for n, _ in CLUSTER_ADDONS} | {n for n in installed if n})
    name_regex = pattern(query, "name_regex")
    names = [n for n in names if not name_regex or name_regex.search(n)]
    required = dict(CLUSTER_ADDONS)
    rows = [{"name": n, "current_version": (installed.get(n) or {}).get("version") or "",
             "next_version": "", "required": required.get(n, False),
             "current_config": (installed.get(n) or {}).get("config") or "",
             "supported_actions": ["Upgrade"] if n in installed else ["Install"]} for n in names]
    return {"ids": names, "names": names, "addons": rows}


# ---------------------------------------------------------------- whole families of data sources

def _service_zones(query: Query) -> dict[str, Any]:
    """`alicloud_<product>_zones`: the region's zones, each object keyed the way that data source keys it."""
    all_zones = zones(query.region)
    keys = object_keys(query.type_name, "zones")
    rows = []
    for z in all_zones:
        row: dict[str, Any] = {"id": z, "zone_id": z, "local_name": _zone_name(query.region, z)}
        row |= {k: [z] for k in keys if k.endswith("_ids") and k not in row}  # eci_zones: zone_ids per zone
        rows.append({k: row.get(k) for k in keys} if keys else row)
    return {"ids": all_zones, "zones": rows}


def _service_activation(query: Query) -> dict[str, Any]:
    """`alicloud_<product>_service`: opening a pay-as-you-go service; `enable = "On"` reports it `Opened`."""
    on = query.config.get("enable") == "On"
    return {"status": "Opened" if on else "", "enable": query.config.get("enable") or "Off"}


def family_reader(type_name: str) -> Any:
    """A reader for a data source family (`*_zones`, `*_service`), or None."""
    if type_name.endswith("_zones") and object_keys(type_name, "zones"):
        return _service_zones
    if type_name.endswith("_service") and {"enable", "status"} <= set(spec.data_source(type_name).attrs):
        return _service_activation
    return None
