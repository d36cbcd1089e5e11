"""The committed full schema (alicloud_ml/schema/alicloud-1.289.0.zip): coverage and known facts.

Facts are from the provider's Go source at v1.289.0 (commit 28ee93b); re-run
`alicloud-ml bindings import` when the pin changes and these tests say what moved.
"""

from __future__ import annotations

import json
import zipfile
from functools import cache
from pathlib import Path

from alicloud_ml.importer.write import encode, read

SCHEMA = Path(__file__).resolve().parents[2] / "alicloud_ml" / "schema" / "alicloud-1.289.0.zip"
PROVIDER = "registry.terraform.io/aliyun/alicloud"


@cache
def doc() -> dict:
    return read(SCHEMA)


def resource(name: str) -> dict:
    return doc()["provider_schemas"][PROVIDER]["resource_schemas"][name]["block"]


def test_committed_schema_covers_every_resource_and_data_source_of_the_pinned_provider():
    provider = doc()["provider_schemas"][PROVIDER]
    unreadable = doc()["importer"]["unreadable"]
    total = len(provider["resource_schemas"]) + len(provider["data_source_schemas"]) + len(unreadable)

    assert doc()["provider_version"] == "1.289.0"
    assert doc()["source"]["commit"] == "28ee93bc63fa0e5f919a21fc1711bde8c45d7b44"
    assert len(provider["resource_schemas"]) >= 1130
    assert len(provider["data_source_schemas"]) >= 740
    assert len(unreadable) < 0.02 * total
    assert all(u["reason"] for u in unreadable)


def test_committed_schema_is_stored_deterministically_one_member_per_type():
    with zipfile.ZipFile(SCHEMA) as zf:
        infos = zf.infolist()
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        names = [i.filename for i in infos]
        assert names[0] == "schema.json"
        for kind in ("resource/", "data_source/"):
            members = [n for n in names if n.startswith(kind)]
            assert members == sorted(members) and len(members) > 700
        text = zf.read("resource/alicloud_vpc.json").decode()
    assert text == json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert encode(read(SCHEMA)) == SCHEMA.read_bytes()  # reading and writing again gives the same bytes


def test_node_pool_desired_size_is_a_string_conflicting_with_instances_and_node_count():
    desired = resource("alicloud_cs_kubernetes_node_pool")["attributes"]["desired_size"]

    assert desired["type"] == "string"
    assert sorted(desired["conflicts_with"]) == ["instances", "node_count"]


def test_vswitch_cidr_block_forces_replacement():
    # Go: Optional + Computed + ForceNew (the docs add: required unless is_default is set).
    cidr = resource("alicloud_vswitch")["attributes"]["cidr_block"]

    assert cidr["type"] == "string" and cidr["force_new"] is True
    assert cidr.get("optional") is True and cidr.get("computed") is True


def test_zones_data_source_exports_computed_ids():
    zones = doc()["provider_schemas"][PROVIDER]["data_source_schemas"]["alicloud_zones"]["block"]

    assert zones["attributes"]["ids"]["computed"] is True
    assert zones["attributes"]["ids"]["type"] == ["list", "string"]


def test_nas_file_system_type_allows_cpfs():
    fs_type = resource("alicloud_nas_file_system")["attributes"]["file_system_type"]

    assert "cpfs" in fs_type["allowed_values"] and fs_type["force_new"] is True


def test_oss_bucket_storage_class_resolves_the_oss_sdk_constants():
    storage = resource("alicloud_oss_bucket")["attributes"]["storage_class"]

    assert storage["default"] == "Standard" and "DeepColdArchive" in storage["allowed_values"]


def test_pages_give_subcategories_and_descriptions():
    entry = doc()["provider_schemas"][PROVIDER]["resource_schemas"]["alicloud_cs_kubernetes_node_pool"]

    assert entry["subcategory"] == "Container Service for Kubernetes (ACK)"
    assert entry["block"]["attributes"]["cluster_id"]["description"] == "The id of kubernetes cluster."


def test_docs_only_values_are_marked_as_such():
    taints = resource("alicloud_cs_kubernetes_node_pool")["block_types"]["taints"]["block"]["attributes"]

    assert taints["effect"]["allowed_values"] == ["NoSchedule", "PreferNoSchedule", "NoExecute"]
    assert taints["effect"]["allowed_values_source"] == "docs"
