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


def test_gpu_node_pool_defaults_are_tainted_labelled_essd_and_autoscaled_without_desired_size(stack, pool_scope):
    pool_scope()

    out = synth(stack)
    pool = out.one("alicloud_cs_kubernetes_node_pool")

    assert pool["node_pool_name"] == "gpu"
    assert "name" not in pool and "node_count" not in pool
    assert "desired_size" not in pool  # the autoscaler owns the count; a fixed value would be read back as drift
    assert pool["taints"] == [{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}]
    assert {"key": "ack.node.gpu.schedule", "value": "default"} in pool["labels"]
    assert {"key": "workload-type", "value": "training"} in pool["labels"]
    assert (pool["system_disk_category"], pool["system_disk_size"]) == ("cloud_essd", 200)
    assert pool["data_disks"] == [{"category": "cloud_essd", "size": 200, "performance_level": "PL1"}]
    assert pool["update_nodes"] is True
    assert pool["management"] == [{"enable": True, "auto_repair": True, "max_unavailable": 1}]
    assert pool["scaling_config"] == [{"enable": True, "min_size": 0, "max_size": 4, "type": "gpu"}]
    # the cluster's own group (ACK's node rules) and the workload group
    cluster_group, workload_group = pool["security_group_ids"]
    assert cluster_group.startswith("${alicloud_cs_managed_kubernetes.") and cluster_group.endswith(".security_group_id}")
    assert workload_group.startswith("${alicloud_security_group.")
    assert "ram_role_name" not in pool  # nodes keep ACK's default worker role; pods use RRSA roles
    assert out.one("alicloud_cs_autoscaling_config")["cluster_id"].endswith(".id}")


def test_gpu_node_pool_uses_the_configured_taint(stack, pool_scope):
    pool_scope(taints=[{"key": "specialized-workload", "value": "true"}], min_size=1, max_size=6)

    pool = synth(stack).one("alicloud_cs_kubernetes_node_pool")

    assert pool["taints"] == [{"key": "specialized-workload", "value": "true", "effect": "NoSchedule"}]
    assert pool["scaling_config"] == [{"enable": True, "min_size": 1, "max_size": 6, "type": "gpu"}]


def test_fixed_size_gpu_pool_has_desired_size_and_no_autoscaler(stack, pool_scope):
    pool_scope(autoscaling=False, desired_size=3)

    out = synth(stack)
    pool = out.one("alicloud_cs_kubernetes_node_pool")

    assert pool["desired_size"] == "3" and "scaling_config" not in pool
    assert out.resources("alicloud_cs_autoscaling_config") == {}


def test_gpu_node_pool_refuses_a_workload_group_of_another_type_than_the_cluster_group(stack, network):
    cluster = AckCluster(stack, "Cluster", network=network, props={"name": "ml"})
    group = TrainingSecurityGroup(stack, "Training", network=network,
                                  props={"name": "training", "security_group_type": "enterprise"})

    with pytest.raises(InputError) as err:
        GpuNodePool(stack, "Gpu", cluster=cluster, security_group=group,
                    props={"instance_types": ["ecs.gn7i-c16g1.4xlarge"]})

    assert "test/Gpu: security_group: test/Training is a enterprise group but the cluster's group is normal" \
        in str(err.value)


def test_erdma_pool_installs_the_erdma_controller_once_and_pins_alinux3(stack, network):
    cluster = AckCluster(stack, "Cluster", network=network, props={"name": "ml"})
    group = TrainingSecurityGroup(stack, "Training", network=network, props={"name": "training"})
    for name in ("A", "B"):
        GpuNodePool(stack, name, cluster=cluster, security_group=group,
                    props={"instance_types": ["ecs.ebmgn8v.48xlarge"], "erdma": True})

    out = synth(stack)

    addons = [a for a in out.resources("alicloud_cs_kubernetes_addon").values() if a["name"] == "ack-erdma-controller"]
    assert len(addons) == 1 and '"preferDriver": "ofed"' in addons[0]["config"]
    assert {p["image_type"] for p in out.resources("alicloud_cs_kubernetes_node_pool").values()} == {"AliyunLinux3"}


def test_cpfs_pool_is_pinned_to_alinux3(stack, pool_scope):
    pool_scope(mounts_cpfs=True)

    assert synth(stack).one("alicloud_cs_kubernetes_node_pool")["image_type"] == "AliyunLinux3"


def test_cpfs_pool_refuses_containeros(pool_scope):
    with pytest.raises(InputError, match=r"image_type: ContainerOS cannot be used: CPFS volumes need x86 nodes that "
                                         r"do not run ContainerOS; accepted: AliyunLinux3"):
        pool_scope(mounts_cpfs=True, image_type="ContainerOS")


def test_gpu_node_pool_spot_with_price_limit_emits_one_limit_per_type(stack, pool_scope):
    pool_scope(instance_types=["ecs.gn7e-c16g1.16xlarge", "ecs.ebmgn7ex.32xlarge"], spot_strategy="SpotWithPriceLimit",
               spot_price_limits={"ecs.gn7e-c16g1.16xlarge": 80, "ecs.ebmgn7ex.32xlarge": 150.5},
               checkpoint_target="cpfs://data/ckpt")

    pool = synth(stack).one("alicloud_cs_kubernetes_node_pool")

    assert pool["spot_strategy"] == "SpotWithPriceLimit"
    assert pool["spot_price_limit"] == [{"instance_type": "ecs.gn7e-c16g1.16xlarge", "price_limit": "80"},
                                        {"instance_type": "ecs.ebmgn7ex.32xlarge", "price_limit": "150.5"}]
    assert pool["scaling_config"][0]["type"] == "spot"


def test_gpu_node_pool_rejects_a_misspelt_instance_type_suggesting_the_catalogued_one(pool_scope):
    with pytest.raises(InputError) as err:
        pool_scope(instance_types=["ecs.gn7i-c8g1.2xlarg"])

    assert str(err.value) == ("test/Gpu: instance_types[0]: unknown instance type 'ecs.gn7i-c8g1.2xlarg'; accepted: a GPU "
                              "instance type listed by `alicloud-ml catalog --gpu` - did you mean `ecs.gn7i-c8g1.2xlarge`?")


def test_gpu_node_pool_rejects_a_cpu_type_without_calling_it_a_gpu_type(pool_scope):
    with pytest.raises(InputError) as err:
        pool_scope(instance_types=["ecs.g7.xlarge"])

    assert "instance_types[0]: ecs.g7.xlarge has no GPU; accepted: a GPU instance type listed by `alicloud-ml catalog " \
           "--gpu`" in str(err.value)


def test_gpu_node_pool_rejects_max_size_not_above_min_size(pool_scope):
    with pytest.raises(InputError, match=r"test/Gpu: max_size: must be greater than min_size \(4\), got 2; accepted: 5..1000"):
        pool_scope(min_size=4, max_size=2)


def test_gpu_node_pool_rejects_desired_size_on_an_autoscaled_pool(pool_scope):
    with pytest.raises(InputError, match=r"desired_size: is not used on an autoscaled pool: the autoscaler owns the "
                                         r"node count - set min_size for warm nodes, or autoscaling = false"):
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


@pytest.mark.parametrize("instance_type", ["ecs.gn7e-c16g1.16xlarge", "ecs.ebmgn7ex.32xlarge"])
def test_gpu_node_pool_rejects_erdma_on_types_without_documented_eri(pool_scope, instance_type):
    family = instance_type.split(".")[1].split("-")[0]
    with pytest.raises(InputError, match=rf"instance_types\[0\]: {instance_type} \(family {family}\) has no eRDMA "
                                         r"interface; accepted: families ebmgn8is, ebmgn8v, gn8is, gn8v"):
        pool_scope(instance_types=[instance_type], erdma=True)


def test_gpu_node_pool_rejects_taint_effect_typo_listing_accepted_effects(pool_scope):
    with pytest.raises(InputError) as err:
        pool_scope(taints=[{"key": "gpu", "effect": "NoSchedul"}])

    assert ("test/Gpu: taints[0].effect: invalid value 'NoSchedul'; accepted: NoSchedule, PreferNoSchedule, NoExecute"
            in str(err.value))


def test_gpu_node_pool_rejects_pool_without_noschedule_taint(pool_scope):
    with pytest.raises(InputError, match="taints: a GPU pool needs at least one NoSchedule taint"):
        pool_scope(taints=[])


def test_a_misspelt_prop_gets_the_closest_field_like_a_toml_file_does(pool_scope):
    with pytest.raises(InputError) as err:
        pool_scope(max_sise=4)

    assert str(err.value) == "test/Gpu: max_sise: unknown field - did you mean `max_size`?"


def test_an_unknown_prop_with_no_close_field_lists_the_fields_and_points_at_the_construct_docs(pool_scope):
    with pytest.raises(InputError) as err:
        pool_scope(colour="blue")

    message = str(err.value)
    assert message.startswith("test/Gpu: colour: unknown field; accepted: auto_repair, autoscaling, ")
    assert message.endswith("see the construct's props in docs/construct-defaults.md") and "alicloud-ml schema" not in message
