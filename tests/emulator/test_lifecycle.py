"""A stack using every resource type of the pinned schema goes through the whole Terraform lifecycle."""

from __future__ import annotations

import json
import re

from alicloud_ml import schema
from alicloud_ml.emulator.store import Store
from tests.emulator.conftest import FIXTURES, Workspace

ID_SHAPES = {
    "alicloud_vpc": r"vpc-[a-z0-9]{21}",
    "alicloud_vswitch": r"vsw-[a-z0-9]{21}",
    "alicloud_security_group": r"sg-[a-z0-9]{20}",
    "alicloud_nat_gateway": r"ngw-[a-z0-9]{21}",
    "alicloud_eip_address": r"eip-[a-z0-9]{21}",
    "alicloud_cs_managed_kubernetes": r"c[0-9a-f]{32}",
    "alicloud_cs_kubernetes_node_pool": r"c[0-9a-f]{32}:np-[0-9a-f]{16}",  # docs: <cluster_id>:<node_pool_id>
}


def test_full_stack_inits_validates_applies_stays_stable_and_destroys(ws: Workspace) -> None:
    # GIVEN a hand-written stack with every resource type the ML platform uses
    ws.copy_fixture("full_stack.tf.json")
    ws.run("init", "-input=false")
    ws.run("validate")
    planned = {rc["type"] for rc in ws.plan_json()["resource_changes"]}
    fixture = json.loads((FIXTURES / "full_stack.tf.json").read_text())
    assert planned == set(fixture["resource"]) and len(planned) >= 34
    assert planned <= set(schema.resource_types())

    # WHEN it is applied
    ws.apply()

    # THEN every object exists with real-looking ids and no attribute left unknown, and a second
    # plan finds nothing to change
    state = ws.show()["values"]["root_module"]["resources"]
    by_address = {r["address"]: r["values"] for r in state}
    for r in state:
        if r["type"] in ID_SHAPES:
            assert re.fullmatch(ID_SHAPES[r["type"]], r["values"]["id"]), (r["address"], r["values"]["id"])
    assert re.fullmatch(r"cpfs-[0-9a-f]{16}", by_address["alicloud_nas_file_system.cpfs"]["id"])
    assert re.fullmatch(r"[0-9a-f]{10}", by_address["alicloud_nas_file_system.nfs"]["id"])
    assert by_address["alicloud_pai_service.llm"]["id"] == "llm_chat"
    pool = by_address["alicloud_cs_kubernetes_node_pool.gpu"]
    assert pool["id"] == f"{pool['cluster_id']}:{pool['node_pool_id']}"
    assert by_address["alicloud_snat_entry.nat"]["snat_table_id"] == \
        by_address["alicloud_nat_gateway.nat"]["snat_table_ids"]
    assert len(by_address["alicloud_log_store.audit"]["shards"]) == 2
    assert by_address["alicloud_security_group_rule.ssh"]["policy"] == "accept"  # schema default
    assert ws.plan_exit_code() == 0
    vpcs = sum(1 for r in state if r["type"] == "alicloud_vpc")  # each with its system route table (owned.py)
    assert Store(ws.cloud).count() == len(state) + vpcs

    # AND destroy empties the emulated cloud
    ws.run("destroy", "-auto-approve", "-input=false")
    assert Store(ws.cloud).count() == 0


def test_reformatted_service_config_json_plans_no_change(ws: Workspace) -> None:
    config = '{"metadata": {"name": "svc", "instance": 1}, "autoscaler": {"min": 1, "max": 2}}'
    ws.write({"alicloud_pai_service": {"svc": {"service_config": config}}})
    ws.apply()
    ws.write({"alicloud_pai_service": {"svc": {
        "service_config": '{"autoscaler":{"max":2,"min":1},\n "metadata":{"instance":1,"name":"svc"}}'}}})
    assert ws.plan_exit_code() == 0


def test_objects_removed_from_the_emulated_cloud_are_planned_again(ws: Workspace) -> None:
    ws.write({"alicloud_vpc": {"main": {"cidr_block": "10.0.0.0/16"}}})
    ws.apply()
    ws.run("state", "list")
    store = Store(ws.cloud)
    (vpc,) = store.find("alicloud_vpc")
    with store.transaction():
        store.delete("alicloud_vpc", vpc["id"])
    assert ws.plan_exit_code() == 2
