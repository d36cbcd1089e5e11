from __future__ import annotations

import pytest
from conftest import synth

from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.constructs.node_pool import GpuNodePool
from alicloud_ml.constructs.security import TrainingSecurityGroup
from alicloud_ml.errors import InputError, InputErrors


@pytest.fixture
def pool_scope(stack, network):
    cluster = AckCluster(stack, "Cluster", network=network, props={"name": "ml"})
    group = TrainingSecurityGroup(stack, "Training", network=network, props={"name": "training"})

    def make(**props):
        return GpuNodePool(stack, "Gpu", cluster=cluster, security_group=group,
                           props={"instance_types": ["ecs.gn7i-c16g1.4xlarge"], **props})

    return make


def test_gpu_node_pool_defaults_are_tainted_labelled_essd_and_string_desired_size(stack, pool_scope):
    pool_scope()

    pool = synth(stack).one("alicloud_cs_kubernetes_node_pool")

    assert pool["node_pool_name"] == "gpu"
    assert "name" not in pool and "node_count" not in pool
    assert pool["desired_size"] == "0"
    assert pool["taints"] == [{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}]
    assert {"key": "ack.node.gpu.schedule", "value": "default"} in pool["labels"]
    assert {"key": "workload-type", "value": "training"} in pool["labels"]
    assert (pool["system_disk_category"], pool["system_disk_size"]) == ("cloud_essd", 200)
    assert pool["data_disks"] == [{"category": "cloud_essd", "size": 200, "performance_level": "PL1"}]
    assert pool["update_nodes"] is True
    assert pool["management"] == [{"enable": True, "auto_repair": True, "max_unavailable": 1}]
    assert pool["scaling_config"] == [{"enable": True, "min_size": 0, "max_size": 4, "type": "gpu"}]
    assert pool["security_group_ids"][0].startswith("${alicloud_security_group.")
    assert pool["ram_role_name"].endswith(".role_name}")


def test_gpu_node_pool_uses_the_configured_taint_and_desired_size(stack, pool_scope):
    pool_scope(taints=[{"key": "specialized-workload", "value": "true"}], min_size=1, desired_size=3, max_size=6)

    pool = synth(stack).one("alicloud_cs_kubernetes_node_pool")

    assert pool["taints"] == [{"key": "specialized-workload", "value": "true", "effect": "NoSchedule"}]
    assert pool["desired_size"] == "3"


def test_gpu_node_pool_spot_with_price_limit_emits_one_limit_per_type(stack, pool_scope):
    pool_scope(instance_types=["ecs.gn7e-c16g1.16xlarge", "ecs.ebmgn7ex.32xlarge"], spot_strategy="SpotWithPriceLimit",
               spot_price_limits={"ecs.gn7e-c16g1.16xlarge": 80, "ecs.ebmgn7ex.32xlarge": 150.5},
               checkpoint_target="cpfs://data/ckpt")

    pool = synth(stack).one("alicloud_cs_kubernetes_node_pool")

    assert pool["spot_strategy"] == "SpotWithPriceLimit"
    assert pool["spot_price_limit"] == [{"instance_type": "ecs.gn7e-c16g1.16xlarge", "price_limit": "80"},
                                        {"instance_type": "ecs.ebmgn7ex.32xlarge", "price_limit": "150.5"}]
    assert pool["scaling_config"][0]["type"] == "spot"


def test_gpu_node_pool_rejects_unknown_instance_type_naming_path_field_and_families(pool_scope):
    with pytest.raises(InputError) as err:
        pool_scope(instance_types=["ecs.gn99-c8g1.2xlarge"])

    message = str(err.value)
    assert "test/Gpu: instance_types[0]: unknown instance type 'ecs.gn99-c8g1.2xlarge'" in message
    assert "accepted: catalogued GPU types of families" in message and "gn7i" in message


def test_gpu_node_pool_rejects_max_size_not_above_min_size(pool_scope):
    with pytest.raises(InputError, match=r"test/Gpu: max_size: must be greater than min_size \(4\), got 2; accepted: 5..1000"):
        pool_scope(min_size=4, max_size=2)


def test_gpu_node_pool_rejects_desired_size_above_max_size_naming_bounds(pool_scope):
    with pytest.raises(InputError, match=r"desired_size: must be between min_size \(0\) and max_size \(4\), got 6"):
        pool_scope(desired_size=6)


def test_gpu_node_pool_rejects_pl2_system_disk_below_461_gib(pool_scope):
    with pytest.raises(InputError, match=r"system_disk_size_gib: 200 GiB is below the PL2 floor of 461 GiB; accepted: 461..2048"):
        pool_scope(system_disk_performance_level="PL2")


def test_gpu_node_pool_rejects_spot_without_checkpoint_target_and_missing_prices(pool_scope):
    with pytest.raises(InputErrors) as err:
        pool_scope(spot_strategy="SpotWithPriceLimit")

    message = str(err.value)
    assert "checkpoint_target: spot_strategy SpotWithPriceLimit needs a checkpoint target" in message
    assert "spot_price_limits: no price limit for ecs.gn7i-c16g1.4xlarge" in message


def test_gpu_node_pool_rejects_erdma_on_types_without_eri(pool_scope):
    with pytest.raises(InputError, match=r"instance_types\[0\]: ecs.gn7e-c16g1.16xlarge \(family gn7e\) has no eRDMA"):
        pool_scope(instance_types=["ecs.gn7e-c16g1.16xlarge"], erdma=True)


def test_gpu_node_pool_rejects_taint_effect_typo_listing_accepted_effects(pool_scope):
    with pytest.raises(InputError) as err:
        pool_scope(taints=[{"key": "gpu", "effect": "NoSchedul"}])

    assert ("test/Gpu: taints[0].effect: invalid value 'NoSchedul'; accepted: NoSchedule, PreferNoSchedule, NoExecute"
            in str(err.value))


def test_gpu_node_pool_rejects_pool_without_noschedule_taint(pool_scope):
    with pytest.raises(InputError, match="taints: a GPU pool needs at least one NoSchedule taint"):
        pool_scope(taints=[])
