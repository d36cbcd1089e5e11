"""ACK node pool checks: catalogued instance types, GPU pools on GPU types, scaling bounds."""

from __future__ import annotations

from typing import Any

import pytest

from alicloud_ml.catalog import InstanceType
from alicloud_ml.emulator import plugins
from alicloud_ml.emulator.plugins import compute
from alicloud_ml.emulator.store import Store
from tests.emulator.conftest import VPC, Workspace, errors, ref

GPU_TYPE = "ecs.gn7i-c8g1.2xlarge"


def _network_and_cluster() -> dict[str, Any]:
    return {
        **VPC,
        "alicloud_vswitch": {"b": {"vpc_id": ref("alicloud_vpc.main.id"), "cidr_block": "10.0.1.0/24",
                                   "zone_id": "cn-shanghai-b"}},
        "alicloud_security_group": {"sg": {"vpc_id": ref("alicloud_vpc.main.id")}},
        "alicloud_cs_managed_kubernetes": {"ack": {"name": "ack", "vswitch_ids": [ref("alicloud_vswitch.b.id")]}},
    }


def _pool(**overrides: Any) -> dict[str, Any]:
    pool = {"cluster_id": ref("alicloud_cs_managed_kubernetes.ack.id"), "node_pool_name": "gpu",
            "vswitch_ids": [ref("alicloud_vswitch.b.id")], "instance_types": [GPU_TYPE],
            "security_group_ids": [ref("alicloud_security_group.sg.id")],
            "scaling_config": [{"min_size": 0, "max_size": 4, "type": "gpu"}]}
    pool.update(overrides)
    return pool


def test_unknown_instance_type_fails_at_plan_and_catalogued_pool_is_created(ws: Workspace) -> None:
    ws.write({**_network_and_cluster(), "alicloud_cs_kubernetes_node_pool": {
        "typo": _pool(instance_types=["ecs.gn7i-c8g1.2xlargee"]), "good": _pool()}})
    result = ws.apply(ok=False)
    assert "InvalidInstanceType.NotFound: alicloud_cs_kubernetes_node_pool instance_types[0] " \
           "ecs.gn7i-c8g1.2xlargee is not a known instance type; accepted:" in errors(result)
    assert ws.state_list() == set()  # caught at plan time, before anything is created
    ws.write({**_network_and_cluster(), "alicloud_cs_kubernetes_node_pool": {"good": _pool()}})
    ws.apply()
    assert "alicloud_cs_kubernetes_node_pool.good" in ws.state_list()


@pytest.mark.parametrize(("scaling", "desired", "message"), [
    ({"min_size": 4, "max_size": 4}, None, "scaling_config min_size 4 / max_size 4 are not valid; accepted: "
                                           "0 <= min_size < max_size <= 1000"),
    ({"min_size": 0, "max_size": 1500}, None, "max_size 1500 are not valid"),
    ({"min_size": 1, "max_size": 4}, "6", "desired_size 6 is outside scaling_config bounds; accepted: 1 to 4"),
    ({"min_size": 1, "max_size": 4}, "two", "desired_size 'two' is not a whole number"),
])
def test_node_pool_scaling_bounds_fail_at_plan(ws: Workspace, scaling: dict[str, int], desired: str | None,
                                               message: str) -> None:
    extra = {"desired_size": desired} if desired is not None else {}
    ws.write({**_network_and_cluster(), "alicloud_cs_kubernetes_node_pool": {
        "bad": _pool(scaling_config=[{**scaling, "type": "gpu"}], **extra)}})
    result = ws.run("plan", "-input=false", ok=False)
    assert result.returncode == 1
    assert message in errors(result)


def test_node_pool_with_desired_size_inside_bounds_is_created(ws: Workspace) -> None:
    ws.write({**_network_and_cluster(), "alicloud_cs_kubernetes_node_pool": {
        "ok": _pool(desired_size="2", scaling_config=[{"min_size": 1, "max_size": 1000, "type": "gpu"}])}})
    ws.apply()
    assert ws.plan_exit_code() == 0


def test_node_pool_security_group_change_plans_replacement(ws: Workspace) -> None:
    from tests.emulator.conftest import actions

    stack = _network_and_cluster()
    stack["alicloud_security_group"]["other"] = {"vpc_id": ref("alicloud_vpc.main.id")}
    ws.write({**stack, "alicloud_cs_kubernetes_node_pool": {"gpu": _pool()}})
    ws.apply()
    ws.write({**stack, "alicloud_cs_kubernetes_node_pool": {"gpu": _pool(
        security_group_ids=[ref("alicloud_security_group.other.id")])}})
    plan = ws.plan_json()
    assert actions(plan)["alicloud_cs_kubernetes_node_pool.gpu"] == ["delete", "create"]
    change = next(rc for rc in plan["resource_changes"] if rc["address"] == "alicloud_cs_kubernetes_node_pool.gpu")
    assert change["change"]["replace_paths"] == [["security_group_ids"]]
    # instance_types is not force-new: changing it updates the pool in place
    ws.write({**stack, "alicloud_cs_kubernetes_node_pool": {"gpu": _pool(instance_types=["ecs.gn7i-c16g1.4xlarge"])}})
    assert actions(ws.plan_json())["alicloud_cs_kubernetes_node_pool.gpu"] == ["update"]


# The catalog holds GPU types only, so a CPU type can only be shown through a catalog entry made here.
CPU = InstanceType("ecs.g7.xlarge", "g7", 4, 16, 0, "", 0, 2.5, False, False)


@pytest.mark.parametrize("gpu_marker", [
    {"scaling_config": [{"min_size": 0, "max_size": 2, "type": "gpu"}]},
    {"labels": [{"key": "ack.node.gpu.schedule", "value": "default"}]},
])
def test_gpu_pool_on_a_cpu_type_is_refused_and_cpu_pool_is_not(tmp_path: Any, monkeypatch: pytest.MonkeyPatch,
                                                               gpu_marker: dict[str, Any]) -> None:
    monkeypatch.setattr(compute, "get_instance_type", lambda name: CPU if name == CPU.instance_type else None)
    ctx = plugins.Context(Store(tmp_path), "cn-shanghai", "plan", compute.POOL)
    refused = plugins.run(ctx, compute.POOL, {"instance_types": [CPU.instance_type], **gpu_marker})
    assert [e.code for e in refused] == ["InvalidInstanceType.NotGpu"]
    assert "ecs.g7.xlarge has no GPU, but the pool needs GPU types because" in refused[0].message
    assert plugins.run(ctx, compute.POOL, {"instance_types": [CPU.instance_type],
                                          "scaling_config": [{"min_size": 0, "max_size": 2, "type": "cpu"}]}) == []


def test_cluster_creates_its_own_security_group_which_pools_join_with_a_cpu_system_pool(ws: Workspace) -> None:
    cluster_group = ref("alicloud_cs_managed_kubernetes.ack.security_group_id")
    ws.write({**_network_and_cluster(), "alicloud_cs_kubernetes_node_pool": {
        "system": {"cluster_id": ref("alicloud_cs_managed_kubernetes.ack.id"), "node_pool_name": "system",
                   "vswitch_ids": [ref("alicloud_vswitch.b.id")], "instance_types": ["ecs.g7.xlarge", "ecs.c7.2xlarge"],
                   "security_group_ids": [cluster_group], "desired_size": "2"},
        "gpu": _pool(security_group_ids=[cluster_group, ref("alicloud_security_group.sg.id")])}})
    ws.apply()
    values = {r["address"]: r["values"] for r in ws.show()["values"]["root_module"]["resources"]}
    group_id = values["alicloud_cs_managed_kubernetes.ack"]["security_group_id"]
    assert group_id.startswith("sg-") and group_id in values["alicloud_cs_kubernetes_node_pool.gpu"]["security_group_ids"]
    owned = Store(ws.cloud).get("alicloud_security_group", group_id)
    assert owned["security_group_type"] == "normal" and owned["vpc_id"] == values["alicloud_vpc.main"]["id"]
    assert ws.plan_exit_code() == 0
    ws.run("destroy", "-auto-approve", "-input=false")
    assert Store(ws.cloud).count() == 0  # ACK removes its group with the cluster


def test_pool_joining_a_basic_and_an_enterprise_group_is_refused(ws: Workspace) -> None:
    network = _network_and_cluster()
    network["alicloud_security_group"]["ent"] = {"vpc_id": ref("alicloud_vpc.main.id"),
                                                 "security_group_type": "enterprise"}
    ws.write({**network, "alicloud_cs_kubernetes_node_pool": {"gpu": _pool(security_group_ids=[
        ref("alicloud_cs_managed_kubernetes.ack.security_group_id"), ref("alicloud_security_group.ent.id")])}})
    text = errors(ws.apply(ok=False))
    assert "InvalidSecurityGroup.TypeMismatch: alicloud_cs_kubernetes_node_pool mixes basic and enterprise security " \
           "groups" in text and "(enterprise)" in text and "accepted: groups of one type" in text


def test_cluster_with_deletion_protection_is_not_deleted(ws: Workspace) -> None:
    network = _network_and_cluster()
    network["alicloud_cs_managed_kubernetes"]["ack"]["deletion_protection"] = True
    ws.write(network)
    ws.apply()
    result = ws.run("destroy", "-auto-approve", "-input=false", ok=False)
    assert "ErrorDeletionProtection: alicloud_cs_managed_kubernetes c" in errors(result)
    assert "alicloud_cs_managed_kubernetes.ack" in ws.state_list()
