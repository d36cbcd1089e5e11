"""What the cloud fills in, for any type: ids in the provider's formats, documented defaults, per-type aliases.

Regression tests for the review's fidelity defects: the `worker_vswitch_ids` crash, aliases shared across
types, CPU pools refused, and values the real cloud fills but the emulator used to leave empty.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from alicloud_ml.emulator import values
from alicloud_ml.emulator.plugins.compute import TRUST_TYPES_ENV
from tests.emulator.conftest import VPC, Workspace, errors, ref


def _resources(ws: Workspace) -> dict[str, dict[str, Any]]:
    return {r["address"]: r["values"] for r in ws.show()["values"]["root_module"]["resources"]}


def _network() -> dict[str, Any]:
    return {**VPC, "alicloud_vswitch": {"b": {"vpc_id": ref("alicloud_vpc.main.id"), "cidr_block": "10.0.1.0/24",
                                              "zone_id": "cn-shanghai-b"}}}


def test_cluster_with_deprecated_worker_vswitch_ids_applies_in_the_vswitch_vpc(ws: Workspace) -> None:
    # GIVEN a cluster using the deprecated (still accepted) worker_vswitch_ids; it used to crash apply
    ws.write({**_network(), "alicloud_cs_managed_kubernetes": {"ack": {
        "name_prefix": "ml-", "worker_vswitch_ids": [ref("alicloud_vswitch.b.id")]}}})

    # WHEN it is applied
    ws.apply()

    # THEN the cluster sits in the vSwitch's VPC and is named from its prefix, and nothing drifts
    got = _resources(ws)
    cluster = got["alicloud_cs_managed_kubernetes.ack"]
    assert cluster["vpc_id"] == got["alicloud_vpc.main"]["id"]
    assert re.fullmatch(r"ml-\d{14}[0-9a-f]{12}", cluster["name"]), cluster["name"]
    assert ws.plan_exit_code() == 0


def test_log_store_deprecated_fields_fill_the_log_store_fields_not_another_types() -> None:
    # The provider's Read sets `name` from `logstore_name` and `project` from `project_name` on a log store;
    # a project's own alias table must not leak into it.
    store = values.aliases("alicloud_log_store")
    assert store["project"] == ("project_name",) and store["name"] == ("logstore_name",)
    assert values.aliases("alicloud_log_project")["name"] == ("project_name",)


def test_log_store_written_with_deprecated_fields_reports_both_spellings(ws: Workspace) -> None:
    ws.write({"alicloud_log_project": {"p": {"project_name": "ml-logs"}},
              "alicloud_log_store": {"s": {"project": ref("alicloud_log_project.p.project_name"), "name": "audit"}}})
    ws.apply()
    log_store = _resources(ws)["alicloud_log_store.s"]
    assert (log_store["project_name"], log_store["logstore_name"]) == ("ml-logs", "audit")
    assert log_store["id"] == "ml-logs:audit"  # docs: <project_name>:<logstore_name>
    assert ws.plan_exit_code() == 0


def _cpu_pool(instance_type: str) -> dict[str, Any]:
    return {**_network(),
            "alicloud_cs_managed_kubernetes": {"ack": {"name": "ack", "vswitch_ids": [ref("alicloud_vswitch.b.id")]}},
            "alicloud_cs_kubernetes_node_pool": {"cpu": {
                "cluster_id": ref("alicloud_cs_managed_kubernetes.ack.id"), "node_pool_name": "cpu",
                "vswitch_ids": [ref("alicloud_vswitch.b.id")], "instance_types": [instance_type],
                "desired_size": "1"}}}


def test_cpu_node_pool_on_a_catalogued_cpu_type_is_created(ws: Workspace) -> None:
    ws.write(_cpu_pool("ecs.g7.xlarge"))
    ws.apply()
    assert _resources(ws)["alicloud_cs_kubernetes_node_pool.cpu"]["instance_types"] == ["ecs.g7.xlarge"]


def test_type_unknown_to_the_catalog_is_refused_unless_trusted(ws: Workspace) -> None:
    ws.write(_cpu_pool("ecs.c7z.xlarge"))  # a family the catalog does not list
    refused = ws.apply(ok=False)
    assert "ecs.c7z.xlarge is not a known instance type" in errors(refused)
    assert f"set {TRUST_TYPES_ENV}=1" in errors(refused)
    ws.env[TRUST_TYPES_ENV] = "1"
    ws.apply()
    assert "alicloud_cs_kubernetes_node_pool.cpu" in ws.state_list()


@pytest.mark.parametrize(("resource", "expected"), [
    ({"alicloud_ram_role": {"r": {"role_name": "reader", "assume_role_policy_document": (
        '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],'
        '"Version":"1"}')}}},
     {"max_session_duration": 3600}),
    ({**VPC, "alicloud_security_group": {"r": {"vpc_id": ref("alicloud_vpc.main.id")}}},
     {"security_group_type": "normal"}),
    ({"alicloud_eip_address": {"r": {}}},
     {"bandwidth": "5", "payment_type": "PayAsYouGo", "isp": "BGP", "netmode": "public"}),
    ({"alicloud_oss_bucket": {"r": {"bucket": "ml-artifacts-t3st1"}}}, {"acl": "private"}),
    ({"alicloud_vpc": {"r": {"vpc_name": "v6", "cidr_block": "10.0.0.0/16", "enable_ipv6": True}}},
     {"ipv6_cidr_block": re.compile(r"2408:[0-9a-f:]+/56")}),
])
def test_computed_attributes_are_filled_the_way_the_cloud_fills_them(ws: Workspace, resource: dict[str, Any],
                                                                     expected: dict[str, Any]) -> None:
    ws.write(resource)
    ws.apply()
    address = next(a for a in _resources(ws) if a.endswith(".r"))
    got = _resources(ws)[address]
    for name, want in expected.items():
        if isinstance(want, re.Pattern):
            assert want.fullmatch(got[name]), (name, got[name])
        else:
            assert got[name] == want, (name, got[name])
    assert ws.plan_exit_code() == 0
