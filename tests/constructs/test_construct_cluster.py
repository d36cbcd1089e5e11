from __future__ import annotations

import json

import pytest
from conftest import synth

from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.constructs.observability import Observability
from alicloud_ml.errors import InputError


def test_cluster_api_endpoint_is_private_and_reuses_the_network_nat(stack, network):
    AckCluster(stack, "Cluster", network=network, props={"name": "ml"})

    cluster = synth(stack).one("alicloud_cs_managed_kubernetes")

    assert cluster["slb_internet_enabled"] is False
    assert cluster["new_nat_gateway"] is False
    assert cluster["cluster_spec"] == "ack.pro.small"
    assert cluster["vswitch_ids"][0].startswith("${alicloud_vswitch.")


def test_cluster_asks_ack_for_a_nat_when_the_network_has_none(stack):
    net = MlNetwork(stack, "Net", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b"], "create_nat_gateway": False})
    AckCluster(stack, "Cluster", network=net, props={"name": "ml"})

    assert synth(stack).one("alicloud_cs_managed_kubernetes")["new_nat_gateway"] is True


def test_cluster_manages_ai_add_ons_as_separate_resources(stack, network):
    AckCluster(stack, "Cluster", network=network, props={"name": "ml", "shared_gpu_scheduling": True,
                                                         "log_project": "ml-logs"})

    out = synth(stack)

    addons = {a["name"]: a for a in out.resources("alicloud_cs_kubernetes_addon").values()}
    assert set(addons) == {"csi-plugin", "csi-provisioner", "arms-prometheus", "logtail-ds", "ack-ai-installer",
                           "ack-pod-identity-webhook"}  # RRSA is on by default and needs the webhook
    assert '"sls_project_name": "ml-logs"' in addons["logtail-ds"]["config"]
    assert out.one("alicloud_cs_managed_kubernetes")["addons"] == [{"name": "flannel"}]
    assert out.resources("alicloud_ram_role") == {}  # nodes keep ACK's default worker role


def test_cluster_with_cpfs_support_installs_the_mount_proxy_and_turns_its_feature_gate_on(stack, network):
    AckCluster(stack, "Cluster", network=network, props={"name": "ml", "cpfs_mount_support": True})

    addons = {a["name"]: a for a in synth(stack).resources("alicloud_cs_kubernetes_addon").values()}

    assert "cnfs-nas-daemon" in addons
    assert json.loads(addons["csi-plugin"]["config"]) == {"FeatureGate": "AlinasMountProxy=true"}


def test_logtail_ds_depends_on_the_log_project_it_ships_to(stack, network):
    logs = Observability(stack, "Logs", props={"project_name": "ml-dev-logs"})
    AckCluster(stack, "Cluster", network=network, log_project=logs.project, props={"name": "ml"})

    logtail = next(a for a in synth(stack).resources("alicloud_cs_kubernetes_addon").values()
                   if a["name"] == "logtail-ds")

    assert logtail["depends_on"] == ["alicloud_log_project.Logs_6819BB44"]
    assert json.loads(logtail["config"]) == {"sls_project_name": "${alicloud_log_project.Logs_6819BB44.project_name}"}


def test_every_add_on_waits_for_the_system_pool_including_those_asked_for_later(stack, network):
    # GIVEN a cluster whose default add-ons exist before its system pool, and one asked for after it
    from alicloud_ml.constructs.system_pool import SystemNodePool

    cluster = AckCluster(stack, "Cluster", network=network, props={"name": "ml"})
    SystemNodePool(stack, "System", cluster=cluster)
    cluster.ensure_addon("ack-ai-installer")

    out = synth(stack)

    # THEN every add-on depends on the pool: add-on pods need a schedulable node, and the pool is that node
    (pool,) = out.resources("alicloud_cs_kubernetes_node_pool")
    addons = out.resources("alicloud_cs_kubernetes_addon").values()
    assert len(addons) >= 5 and all(a["depends_on"] == [f"alicloud_cs_kubernetes_node_pool.{pool}"] for a in addons)


def test_cluster_deletion_protection_and_enterprise_group_reach_the_resource(stack, network):
    AckCluster(stack, "Cluster", network=network, props={"name": "ml", "deletion_protection": True,
                                                         "security_group_type": "enterprise"})

    cluster = synth(stack).one("alicloud_cs_managed_kubernetes")

    assert cluster["deletion_protection"] is True and cluster["is_enterprise_security_group"] is True


def test_cluster_rejects_pod_cidr_inside_the_vpc(stack, network):
    with pytest.raises(InputError, match=r"test/Cluster: pod_cidr: 10.0.128.0/17 overlaps the VPC 10.0.0.0/16; accepted"):
        AckCluster(stack, "Cluster", network=network, props={"name": "ml", "pod_cidr": "10.0.128.0/17"})


def test_cluster_rejects_unknown_cluster_spec_listing_accepted_values(stack, network):
    with pytest.raises(InputError) as err:
        AckCluster(stack, "Cluster", network=network, props={"name": "ml", "cluster_spec": "ack.pro.large"})

    assert "cluster_spec: invalid value 'ack.pro.large'; accepted: ack.standard, ack.pro.small" in str(err.value)
