"""Catalog answers the docs examples needed: database classes, service regions, small ECS sizes (with sources)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alicloud_ml.catalog import family_source
from alicloud_ml.catalog import get_instance_type as priced_type
from alicloud_ml.emulator import plugins
from alicloud_ml.emulator.data_sources.catalog import zones
from alicloud_ml.emulator.plugins import compute
from alicloud_ml.emulator.store import Store
from tests.emulator.conftest import REGION, Workspace, provider_only, ref


def test_database_classes_service_regions_and_small_types_answer_with_the_cited_values(ws: Workspace) -> None:
    doc: dict[str, Any] = provider_only()
    doc["data"] = {
        "alicloud_db_instance_classes": {"ha": {"engine": "MySQL", "category": "HighAvailability",
                                                "db_instance_storage_type": "cloud_essd", "zone_id": f"{REGION}-b"}},
        "alicloud_click_house_regions": {"here": {"current": True}},
        "alicloud_ebs_regions": {"here": {"region_id": REGION}},
        "alicloud_polardb_node_classes": {"mysql": {"db_type": "MySQL", "db_version": "8.0", "pay_type": "PostPaid"}},
        "alicloud_cddc_host_ecs_level_infos": {"h": {"db_type": "mysql", "zone_id": f"{REGION}-b",
                                                     "storage_type": "cloud_essd"}},
        "alicloud_threat_detection_honeypot_images": {"meta": {"name_regex": "^meta"}},
        "alicloud_instance_types": {"small": {"cpu_core_count": 1, "memory_size": 2},
                                    "sn1ne": {"instance_type_family": "ecs.sn1ne"}},
    }
    doc["output"] = {
        "classes": {"value": ref("data.alicloud_db_instance_classes.ha.ids")},
        "storage_min": {"value": ref("data.alicloud_db_instance_classes.ha.instance_classes.0.storage_range.min")},
        "ch_zones": {"value": ref("data.alicloud_click_house_regions.here.regions.0.zone_ids[*].zone_id")},
        "ebs_zones": {"value": ref("data.alicloud_ebs_regions.here.regions.0.zones[*].zone_id")},
        "polar": {"value": ref("data.alicloud_polardb_node_classes.mysql.classes.0.supported_engines.0"
                               ".available_resources[*].db_node_class")},
        "hosts": {"value": ref("data.alicloud_cddc_host_ecs_level_infos.h.infos[*].res_class_code")},
        "honeypot": {"value": ref("data.alicloud_threat_detection_honeypot_images.meta.ids")},
        "small": {"value": ref("data.alicloud_instance_types.small.ids")},
        "sn1ne": {"value": ref("data.alicloud_instance_types.sn1ne.instance_types[*].memory_size")},
    }
    (ws.root / "main.tf.json").write_text(json.dumps(doc))
    ws.apply()
    out = {k: v["value"] for k, v in json.loads(ws.run("output", "-json").stdout).items()}
    assert out["classes"] == ["mysql.n2.medium.2c", "mysql.n4.medium.2c"]  # provider acceptance tests' classes
    assert out["storage_min"] == "20"  # r/db_instance docs: [20, ...] GB
    assert out["ch_zones"] == out["ebs_zones"] == zones(REGION)
    assert out["polar"] == ["polar.mysql.x4.large"]
    assert out["hosts"][0] == "rds.g6.2xlarge" and "rds.r6.2xlarge" in out["hosts"]  # MyBase host spec table
    assert out["honeypot"] == ["sha256:02882320c9a55303410127c5dc4ae2dc470150f9d7f2483102d994f5e5f4d9df"]  # d/ docs
    assert out["small"] == ["ecs.n4.small", "ecs.t5-lc1m2.small"]  # 1 vCPU / 2 GiB per the ECS family tables
    assert out["sn1ne"] == [4, 8, 16, 24, 32, 48, 64]  # the sn1ne table of the ECS instance-family page


def test_small_and_older_sizes_are_in_the_catalog_with_their_page() -> None:
    assert (priced_type("ecs.c6.xlarge").vcpu, priced_type("ecs.c6.xlarge").memory_gib) == (4, 8)
    assert "AlibabaCloudDocs/ecs" in family_source("c6") and "AlibabaCloudDocs/ecs" in family_source("n4")


def test_node_pool_accepts_an_uncatalogued_real_size_and_still_refuses_a_typo(tmp_path: Path) -> None:
    ctx = plugins.Context(Store(tmp_path), REGION, "plan", compute.POOL)
    assert plugins.run(ctx, compute.POOL, {"instance_types": ["ecs.c6.large", "ecs.c6.xlarge"]}) == []
    refused = plugins.run(ctx, compute.POOL, {"instance_types": ["ecs.c6.xlarg"]})
    assert [e.code for e in refused] == ["InvalidInstanceType.NotFound"]
