"""Values the cloud reports that the config cannot set: stand-ins for Computed-only strings, IPv6 blocks that
follow their settings through updates, a public address only with bandwidth.

Found by replaying the provider team's acceptance tests (`make acceptance`): their checks expect such values
set after create (`CHECKSET`), and a vSwitch's IPv6 block to appear and go as `enable_ipv6` changes.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from alicloud_ml.emulator import spec, values
from alicloud_ml.emulator.wire import UNKNOWN
from tests.emulator.conftest import Workspace, errors, ref


def _filled(type_name: str, state: dict[str, Any]) -> dict[str, Any]:
    block = spec.resource(type_name)
    planned = {name: state.get(name, UNKNOWN if attr.computed else None) for name, attr in block.attrs.items()}
    return values.fill(type_name, block, planned, "cn-hangzhou", lambda _type, _id: None)


def test_a_computed_only_string_no_rule_names_comes_back_set() -> None:
    # KMS reports a key's primary key version; the provider's Read copies it (its tests check it is set)
    key = _filled("alicloud_kms_key", {"description": "k"})
    assert isinstance(key["primary_key_version"], str) and key["primary_key_version"]


def test_an_instance_has_a_public_address_only_with_outbound_bandwidth() -> None:
    base = {"instance_type": "ecs.g7.large", "image_id": "ubuntu_22_04_x64_20G_alibase_20240101.vhd"}
    assert _filled("alicloud_instance", base)["public_ip"] == ""
    with_bandwidth = _filled("alicloud_instance", {**base, "internet_max_bandwidth_out": 10})
    assert ipaddress.ip_address(with_bandwidth["public_ip"]).version == 4


def _ipv6_network(vswitch: dict[str, Any]) -> dict[str, Any]:
    return {"alicloud_vpc": {"v6": {"vpc_name": "v6", "cidr_block": "10.0.0.0/16", "enable_ipv6": True}},
            "alicloud_vswitch": {"s": {"vpc_id": ref("alicloud_vpc.v6.id"), "cidr_block": "10.0.1.0/24",
                                       "zone_id": "cn-shanghai-b", **vswitch}}}


def _values(ws: Workspace) -> dict[str, dict[str, Any]]:
    return {r["address"]: r["values"] for r in ws.show()["values"]["root_module"]["resources"]}


def test_a_vswitch_ipv6_block_lies_in_its_vpc_block_and_follows_enable_ipv6_through_updates(ws: Workspace) -> None:
    # GIVEN a vSwitch created with an IPv6 mask in a VPC with IPv6
    ws.write(_ipv6_network({"ipv6_cidr_block_mask": 8}))
    ws.apply()
    got = _values(ws)
    vpc_block = ipaddress.ip_network(got["alicloud_vpc.v6"]["ipv6_cidr_block"])
    block = ipaddress.ip_network(got["alicloud_vswitch.s"]["ipv6_cidr_block"])
    assert block.prefixlen == 64 and block.subnet_of(vpc_block)  # type: ignore[arg-type]
    assert got["alicloud_vswitch.s"]["enable_ipv6"] is True
    assert ws.plan_exit_code() == 0

    # WHEN IPv6 is turned off on the existing vSwitch THEN its block is gone and nothing drifts
    ws.write(_ipv6_network({"ipv6_cidr_block_mask": 8, "enable_ipv6": False}))
    ws.apply()
    assert _values(ws)["alicloud_vswitch.s"]["ipv6_cidr_block"] == ""
    assert ws.plan_exit_code() == 0

    # AND turned on again, it has one again
    ws.write(_ipv6_network({"ipv6_cidr_block_mask": 8, "enable_ipv6": True}))
    ws.apply()
    assert ipaddress.ip_network(_values(ws)["alicloud_vswitch.s"]["ipv6_cidr_block"]) == block


def test_turning_ipv6_on_for_an_existing_vswitch_without_a_mask_is_refused(ws: Workspace) -> None:
    ws.write(_ipv6_network({}))
    ws.apply()
    assert _values(ws)["alicloud_vswitch.s"]["ipv6_cidr_block"] == ""
    ws.write(_ipv6_network({"enable_ipv6": True}))
    result = ws.apply(ok=False)
    assert result.returncode != 0
    assert "`ipv6_cidr_block_mask` is required when enabling `enable_ipv6`" in errors(result)


def test_a_node_pool_without_image_runtime_or_groups_reports_acks_defaults_and_the_clusters_group() -> None:
    cluster = {"id": "c-1", "security_group_id": "sg-cluster"}
    block = spec.resource("alicloud_cs_kubernetes_node_pool")
    planned = {name: UNKNOWN if attr.computed else None for name, attr in block.attrs.items()}
    planned.update(cluster_id="c-1", node_pool_name="np", vswitch_ids=["vsw-1"], instance_types=["ecs.g7.large"])
    pool = values.fill("alicloud_cs_kubernetes_node_pool", block, planned, "cn-hangzhou",
                       lambda type_name, id_: cluster if (type_name, id_) == ("alicloud_cs_managed_kubernetes", "c-1")
                       else None)
    assert (pool["image_type"], pool["platform"], pool["runtime_name"]) == ("AliyunLinux3", "AliyunLinux", "containerd")
    assert pool["image_id"].startswith("aliyun_3_x64") and pool["runtime_version"]
    assert pool["security_group_ids"] == ["sg-cluster"] and pool["security_group_id"] == "sg-cluster"


def test_an_instance_left_unnamed_is_named_after_its_id() -> None:
    instance = _filled("alicloud_kms_instance", {"product_version": "3"})
    assert instance["instance_name"] == instance["id"] != ""


def test_an_analyticdb_whitelist_group_left_unnamed_is_the_default_group_not_a_second_one() -> None:
    from alicloud_ml.emulator import read_model

    state = {"ip_whitelist": [{"ip_group_name": "", "ip_group_attribute": "", "security_ip_list": "10.0.0.1"}]}
    groups = read_model.cloud_state("alicloud_gpdb_instance", state)["ip_whitelist"]
    assert groups == [{"ip_group_name": "default", "ip_group_attribute": "", "security_ip_list": "10.0.0.1"}]
