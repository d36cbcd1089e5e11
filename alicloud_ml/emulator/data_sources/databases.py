"""Catalog data sources of the database, storage and network services: what RDS, PolarDB, ClickHouse, EBS and
CEN sell where.

Like `catalog.py`, these answer from tables with their sources, never from the account. Class names come from
the provider's own acceptance tests and docs at v1.289.0 (the classes the provider team creates instances of);
where the real API returns per-zone stock the emulator cannot know, every zone of the region (`catalog.zones`)
offers every class, a stand-in named in the report's assumptions.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.data_sources.base import DataSourceError, Query, reader
from alicloud_ml.emulator.data_sources.catalog import ZONE_LETTERS, zones

#: RDS classes by (engine, category), from the provider's v1.289.0 acceptance tests (alicloud/):
#: `mysql.n2.medium.2c` resource_alicloud_db_instance_test.go:3558 and `mysql.n4.medium.2c` :3530 (HighAvailability);
#: `mysql.x2.medium.xc` :2687 (category `cluster`, which that test reads as `instance_classes.1`, so a second
#: class `mysql.x2.large.xc` is an assumption); `pg.n2.2c.2m` resource_alicloud_db_connection_test.go:244.
#: `mysql.n2.medium.1` for Basic follows the Basic Edition naming (`.1` suffix): an assumption.
RDS_CLASSES: dict[tuple[str, str], tuple[str, ...]] = {
    ("MySQL", "Basic"): ("mysql.n2.medium.1",),
    ("MySQL", "HighAvailability"): ("mysql.n2.medium.2c", "mysql.n4.medium.2c"),
    ("MySQL", "cluster"): ("mysql.x2.medium.xc", "mysql.x2.large.xc"),
    ("PostgreSQL", "HighAvailability"): ("pg.n2.2c.2m",),
}
#: Storage a class accepts, GB, on cloud disks: provider v1.289.0 website/docs/r/db_instance.html.markdown:561-566
#: ("[20,1000] for MySQL 5.7 basic single node edition", "Increase progressively at a rate of 5 GB"). The
#: maximum for ESSD is an assumption (that page's ranges are older than ESSD).
STORAGE_RANGE = {"min": "20", "max": "32000", "step": "5"}
CATEGORIES = ("Basic", "HighAvailability", "cluster")


@reader("alicloud_db_instance_classes")
def _db_instance_classes(query: Query) -> dict[str, Any]:
    c = query.config
    engine, category = c.get("engine") or "MySQL", c.get("category")
    region_zones = zones(query.region)
    zone = c.get("zone_id")
    if zone and zone not in region_zones:
        raise DataSourceError(f"alicloud_db_instance_classes zone_id {zone!r} is not a zone of region {query.region}; "
                              f"accepted: {', '.join(region_zones)}")
    rows = []
    for (eng, cat), classes in RDS_CLASSES.items():
        if eng.lower() != str(engine).lower() or (category and cat != category):
            continue
        for name in classes:
            if c.get("db_instance_class") and c["db_instance_class"] != name:
                continue
            rows.append({"instance_class": name, "price": "", "storage_range": dict(STORAGE_RANGE),
                         "zone_ids": [{"id": z, "sub_zone_ids": [z]} for z in ([zone] if zone else region_zones)]})
    return {"ids": [r["instance_class"] for r in rows], "instance_classes": rows}


#: PolarDB node classes the provider's v1.289.0 docs create nodes with: `polar.mysql.x4.large`
#: (website/docs/r/das_switch_das_pro.html.markdown:51), `polar.pg.x4.medium` (r/polardb_dynamo_item:37).
POLARDB_CLASSES = {"MySQL": ("polar.mysql.x4.large",), "PostgreSQL": ("polar.pg.x4.medium",)}


@reader("alicloud_polardb_node_classes")
def _polardb_node_classes(query: Query) -> dict[str, Any]:
    c = query.config
    region = c.get("region_id") or query.region
    db_type = c.get("db_type") or "MySQL"
    classes = [n for n in POLARDB_CLASSES.get(db_type, ()) if not c.get("db_node_class") or n == c["db_node_class"]]
    wanted_zone = c.get("zone_id")
    rows = [{"zone_id": z, "supported_engines": [{"engine": f"{db_type}{c.get('db_version') or ''}",
                                                   "available_resources": [{"db_node_class": n} for n in classes]}]}
            for z in zones(region) if not wanted_zone or z == wanted_zone]
    return {"classes": rows if classes else []}


def _regions(query: Query, zone_row: Any) -> dict[str, Any]:
    """`regions` of a service: the asked region (or the provider's; every catalogued one when neither), zones each."""
    c = query.config
    wanted = c.get("region_id") or (query.region if c.get("current") else None)
    ids = [wanted] if wanted else sorted(ZONE_LETTERS)
    if wanted and wanted not in ZONE_LETTERS:
        raise DataSourceError(f"{query.type_name} region_id {wanted!r} is not a region the emulator knows; accepted: "
                              f"{', '.join(sorted(ZONE_LETTERS))}")
    return {"regions": [{"region_id": r, "zone_ids" if query.type_name.endswith("click_house_regions") else "zones":
                         [zone_row(z) for z in zones(r)]} for r in ids]}


@reader("alicloud_click_house_regions")
def _click_house_regions(query: Query) -> dict[str, Any]:
    """ClickHouse (DescribeRegions): each region's zones, all VPC-enabled (stand-in: every catalogued zone)."""
    return _regions(query, lambda z: {"zone_id": z, "vpc_enabled": True})


@reader("alicloud_ebs_regions")
def _ebs_regions(query: Query) -> dict[str, Any]:
    """EBS (DescribeRegions of async replication): the region's zones (stand-in: every catalogued zone)."""
    return _regions(query, lambda z: {"zone_id": z})


@reader("alicloud_cen_transit_router_available_resources")
def _transit_router_zones(query: Query) -> dict[str, Any]:
    """Zones a transit router can use as primary and secondary (DescribeTransitRouterAvailableResource). Stand-in:
    every catalogued zone of the region is both, multicast supported."""
    region_zones = zones(query.region)
    return {"resources": [{"master_zones": region_zones, "slave_zones": region_zones, "available_zones": region_zones,
                           "support_multicast": True}]}


#: ApsaraDB MyBase (CDDC) host types on ESSD, (RDS class, cores, GB): "Host specifications that can be upgraded",
#: https://www.alibabacloud.com/help/en/apsaradb-for-mybase/latest/upgrade-host-specifications-1 (general-purpose
#: g6, memory-optimized r6, compute-optimized c6). The ECS class behind each (`ecs.g6.2xlarge` for
#: `rds.g6.2xlarge`) follows the shared naming: an assumption.
CDDC_ESSD_HOSTS = (("rds.g6.2xlarge", 8, 32), ("rds.g6.4xlarge", 16, 64), ("rds.r6.2xlarge", 8, 64),
                   ("rds.c6.2xlarge", 8, 16))


@reader("alicloud_cddc_host_ecs_level_infos")
def _cddc_host_levels(query: Query) -> dict[str, Any]:
    c = query.config
    if str(c.get("storage_type") or "").lower() != "cloud_essd":
        raise DataSourceError(f"alicloud_cddc_host_ecs_level_infos storage_type {c.get('storage_type')!r}: the "
                              "emulator knows MyBase's ESSD host types only; accepted: cloud_essd")
    zone = c.get("zone_id")
    if zone and zone not in zones(query.region):
        raise DataSourceError(f"alicloud_cddc_host_ecs_level_infos zone_id {zone!r} is not a zone of region "
                              f"{query.region}; accepted: {', '.join(zones(query.region))}")
    rows = [{"res_class_code": name, "ecs_class_code": name.replace("rds.", "ecs.", 1),
             "ecs_class": f"{cores} cores, {memory} GB", "description": f"{cores} cores, {memory} GB, ESSD"}
            for name, cores, memory in CDDC_ESSD_HOSTS]
    return {"infos": rows}
