"""Data sources through real Terraform: listings see the emulated cloud, catalog answers are region-aware."""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.catalog.regions import zone_in_region
from tests.emulator.conftest import REGION, Workspace, errors, provider_only, ref


def _write(ws: Workspace, resources: dict[str, Any], data: dict[str, Any], outputs: dict[str, str],
           region: str = REGION) -> None:
    doc = provider_only(region)
    if resources:
        doc["resource"] = resources
    doc["data"] = data
    doc["output"] = {k: {"value": ref(v)} for k, v in outputs.items()}
    (ws.root / "main.tf.json").write_text(json.dumps(doc, indent=2))


def _outputs(ws: Workspace) -> dict[str, Any]:
    return {k: v["value"] for k, v in json.loads(ws.run("output", "-json").stdout).items()}


def test_listing_sees_resources_created_earlier_in_the_same_cloud(ws: Workspace) -> None:
    # GIVEN two VPCs created by one apply
    ws.write({"alicloud_vpc": {"a": {"vpc_name": "train-a", "cidr_block": "10.0.0.0/16"},
                               "b": {"vpc_name": "serve-b", "cidr_block": "10.1.0.0/16", "tags": {"team": "ml"}}}})
    ws.apply()
    created = {r["values"]["vpc_name"]: r["values"]["id"] for r in ws.show()["values"]["root_module"]["resources"]}

    # WHEN a second configuration in the same emulated cloud lists them with the provider's filters
    _write(ws, {}, {"alicloud_vpcs": {"all": {}, "by_name": {"name_regex": "^train-"},
                                      "by_tag": {"tags": {"team": "ml"}}, "by_cidr": {"cidr_block": "10.1.0.0/16"}}},
           {"all": "data.alicloud_vpcs.all.ids", "by_name": "data.alicloud_vpcs.by_name.vpcs[*].vpc_name",
            "by_tag": "data.alicloud_vpcs.by_tag.ids", "by_cidr": "data.alicloud_vpcs.by_cidr.names",
            "count": "data.alicloud_vpcs.all.total_count"})
    (ws.root / "terraform.tfstate").unlink()
    ws.apply()

    # THEN each filter returns exactly the matching objects
    out = _outputs(ws)
    assert sorted(out["all"]) == sorted(created.values()) and out["count"] == 2
    assert out["by_name"] == ["train-a"]
    assert out["by_tag"] == [created["serve-b"]]
    assert out["by_cidr"] == ["serve-b"]


def test_vswitch_listing_filters_by_vpc_and_zone(ws: Workspace) -> None:
    zone = f"{REGION}-b"
    ws.write({"alicloud_vpc": {"v": {"vpc_name": "v", "cidr_block": "10.0.0.0/16"}},
              "alicloud_vswitch": {"s": {"vpc_id": ref("alicloud_vpc.v.id"), "cidr_block": "10.0.1.0/24",
                                         "zone_id": zone, "vswitch_name": "s"}}})
    ws.apply()
    vpc_id = next(r["values"]["id"] for r in ws.show()["values"]["root_module"]["resources"]
                  if r["type"] == "alicloud_vpc")
    _write(ws, {}, {"alicloud_vswitches": {"in_vpc": {"vpc_id": vpc_id, "zone_id": zone},
                                           "elsewhere": {"zone_id": f"{REGION}-c"}}},
           {"in_vpc": "data.alicloud_vswitches.in_vpc.vswitches[*].cidr_block",
            "elsewhere": "data.alicloud_vswitches.elsewhere.ids"})
    (ws.root / "terraform.tfstate").unlink()
    ws.apply()
    out = _outputs(ws)
    assert out["in_vpc"] == ["10.0.1.0/24"]
    assert out["elsewhere"] == []


def test_catalog_answers_use_the_region_zone_form(ws: Workspace) -> None:
    # GIVEN an international region, whose zones carry no hyphen before the letter
    _write(ws, {}, {"alicloud_zones": {"z": {"available_resource_creation": "VSwitch"}},
                    "alicloud_instance_types": {"t": {"cpu_core_count": 4, "memory_size": 16}},
                    "alicloud_images": {"i": {"name_regex": "^ubuntu_[0-9]+_[0-9]+_x64*", "most_recent": True,
                                              "owners": "system"}},
                    "alicloud_caller_identity": {"me": {}},
                    "alicloud_cs_kubernetes_version": {"k": {"cluster_type": "ManagedKubernetes"}},
                    "alicloud_nas_zones": {"n": {"file_system_type": "cpfs"}}},
           {"zones": "data.alicloud_zones.z.ids", "types": "data.alicloud_instance_types.t.ids",
            "image": "data.alicloud_images.i.images[0].id", "account": "data.alicloud_caller_identity.me.account_id",
            "k8s": "data.alicloud_cs_kubernetes_version.k.metadata[0].version",
            "cpfs": "data.alicloud_nas_zones.n.zones[0].instance_types[0].protocol_type"},
           region="ap-southeast-1")

    # WHEN Terraform reads them
    ws.apply()

    # THEN they answer with this region's facts
    out = _outputs(ws)
    assert out["zones"] and all(zone_in_region(z, "ap-southeast-1") for z in out["zones"])
    assert out["zones"][0] == "ap-southeast-1a"
    assert "ecs.g7.xlarge" in out["types"] and "ecs.c7.xlarge" not in out["types"]
    assert out["image"].startswith("ubuntu_22_04_x64")
    assert out["account"].isdigit()
    assert out["k8s"].startswith("1.3")
    assert out["cpfs"] == "cpfs"


def test_addons_data_source_lists_what_the_cluster_installed(ws: Workspace) -> None:
    ws.copy_fixture("full_stack.tf.json")
    ws.apply()
    cluster = next(r["values"] for r in ws.show()["values"]["root_module"]["resources"]
                   if r["type"] == "alicloud_cs_managed_kubernetes")
    _write(ws, {}, {"alicloud_cs_kubernetes_addons": {"a": {"cluster_id": cluster["id"]}}},
           {"names": "data.alicloud_cs_kubernetes_addons.a.names"})
    (ws.root / "terraform.tfstate").unlink()
    ws.apply()
    names = _outputs(ws)["names"]
    assert "coredns" in names
    assert {a["name"] for a in cluster["addons"]} <= set(names)


def test_a_data_source_the_emulator_cannot_answer_fails_naming_it(ws: Workspace) -> None:
    _write(ws, {}, {"alicloud_kms_secret_versions": {"s": {"secret_name": "db"}}},
           {"v": "data.alicloud_kms_secret_versions.s.id"})
    result = ws.apply(ok=False)
    assert result.returncode != 0
    assert "cannot answer data source alicloud_kms_secret_versions" in errors(result)


def test_an_unknown_zone_filter_is_refused_with_the_accepted_zones(ws: Workspace) -> None:
    _write(ws, {}, {"alicloud_instance_types": {"t": {"availability_zone": "cn-shanghai-z"}}},
           {"v": "data.alicloud_instance_types.t.ids"})
    result = ws.apply(ok=False)
    assert "availability_zone 'cn-shanghai-z' is not a zone of region cn-shanghai" in errors(result)
    assert "cn-shanghai-b" in errors(result)


def test_policy_documents_service_activation_and_product_zones_answer_like_the_provider(ws: Workspace) -> None:
    # GIVEN a policy document (assembled locally by the provider), a service activation and a product's zones
    _write(ws, {}, {
        "alicloud_ram_policy_document": {"trust": {"statement": [
            {"action": ["sts:AssumeRole"], "principal": [{"entity": "Service", "identifiers": ["ecs.aliyuncs.com"]}]},
            {"effect": "Deny", "action": ["oss:GetObject", "oss:ListObjects"], "resource": ["acs:oss:*:*:b/*"],
             "condition": [{"operator": "StringLike", "variable": "oss:Prefix", "values": ["a/*"]}]}]}},
        "alicloud_cr_service": {"on": {"enable": "On", "password": "Ab123456"}},
        "alicloud_alb_zones": {"z": {}}},
        {"doc": "data.alicloud_ram_policy_document.trust.document", "cr": "data.alicloud_cr_service.on.status",
         "alb": "data.alicloud_alb_zones.z.zones[*].zone_id"})

    # WHEN Terraform reads them
    ws.apply()

    # THEN the document is the provider's JSON: one action as a string, several as a list, principals as lists
    out = _outputs(ws)
    assert json.loads(out["doc"]) == {"Version": "1", "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}},
        {"Effect": "Deny", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": "acs:oss:*:*:b/*",
         "Condition": {"StringLike": {"oss:Prefix": "a/*"}}}]}
    assert out["cr"] == "Opened"
    assert out["alb"] and all(zone_in_region(z, REGION) for z in out["alb"])
