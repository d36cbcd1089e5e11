"""`GpuNodePool`: an ACK node pool of GPU instances, tainted, labelled, sized and (optionally) spot.

Why the defaults: an untainted GPU node accepts any pod, so the pool is tainted `NoSchedule`;
the provider's default 40 GiB `cloud_efficiency` system disk cannot hold GPU images, so the pool
gets a 200 GiB ESSD plus a data disk for the container image store; spot capacity is reclaimed
without notice to the job, so spot pools must name a checkpoint target. Changes to labels and
taints reach existing nodes (`update_nodes=true`).

Cloud facts (provider v1.289.0 `website/docs/r/cs_kubernetes_node_pool.html.markdown` unless noted):
- nodes join the cluster's own security group (where ACK keeps the rules nodes, pods and the
  control plane need; ACK adds no rules to a group you bring: "Configure and manage cluster
  security groups", https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-security-group-rules-to-enforce-access-control-on-ack-clusters)
  and the workload group; all groups of one node must be of one type
  (https://help.aliyun.com/en/ecs/user-guide/basic-security-groups-and-advanced-security-groups);
- autoscaled pools need the cluster's autoscaler (`AckCluster.enable_autoscaler`), and carry no
  `desired_size`: the provider reads it back from the scaling group (resource file, Read), so a
  fixed value would fight the autoscaler, and the docs' autoscaling examples set none;
- `ram_role_name` is left unset so nodes use the cluster's default worker role ("If it is empty,
  the default Worker RAM role created in the cluster will be used"); pods get their own roles
  through RRSA (`WorkloadRoles`);
- eRDMA pools need the `ack-erdma-controller` add-on ("Use eRDMA to accelerate container
  networking" and https://www.alibabacloud.com/help/en/ack/product-overview/ack-erdma-controller;
  `preferDriver: ofed` for NCCL on GPUs), Kubernetes ≥ 1.24 ("Add eRDMA nodes to ACK clusters",
  https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/add-an-erdma-node-to-the-ack)
  and Alibaba Cloud Linux 3 (the controller's README);
- CPFS volumes cannot be mounted on ContainerOS nodes and need x86 (ACK CPFS overview,
  https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/cpfs-volume-overview),
  so pools that mount CPFS are pinned to `AliyunLinux3`.

What replaces the pool (GPU nodes included): `security_group_ids` (the groups you pass),
`ram_role_name` and the cluster itself. Instance types, disks, labels, taints, image type, spot
settings and scaling bounds update in place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from constructs import Construct

from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.constructs.security import WorkloadSecurityGroup
from alicloud_ml.errors import Problem, raise_problems
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.node_pool import GpuNodePoolProps
from alicloud_ml.provider.ack import (
    CsKubernetesNodePool,
    CsKubernetesNodePoolDataDisks,
    CsKubernetesNodePoolLabels,
    CsKubernetesNodePoolManagement,
    CsKubernetesNodePoolScalingConfig,
    CsKubernetesNodePoolSpotPriceLimit,
    CsKubernetesNodePoolTaints,
)

#: eRDMA controller add-on: name and GPU/NCCL driver mode (see the module docstring).
ERDMA_ADDON = "ack-erdma-controller"
ERDMA_ADDON_CONFIG = {"agent": {"preferDriver": "ofed", "allocateAllDevices": True}}


class GpuNodePool(Construct):
    """A GPU node pool in an `AckCluster`, in a training or serving security group.

    Attributes: `node_pool`, `node_pool_id`, `labels` (what nodes carry), `props`.
    """

    def __init__(self, scope: Construct, id: str, *, cluster: AckCluster,
                 security_group: WorkloadSecurityGroup, props: GpuNodePoolProps | Mapping[str, Any]) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(GpuNodePoolProps, props, self.node.path)
        name = p.node_pool_name or id.lower()
        zones: Sequence[str] = p.zones or cluster.network.zones
        vswitch_ids = [cluster.network.vswitch_for(z, field=f"zones[{i}]", where=self.node.path).id for i, z in enumerate(zones)]

        groups = [cluster.security_group_id, security_group.security_group_id]
        check_security_group_types(cluster, [security_group], self.node.path)
        if p.erdma:
            cluster.ensure_addon(ERDMA_ADDON, config=ERDMA_ADDON_CONFIG)
        if p.autoscaling:
            cluster.enable_autoscaler()

        self.labels = {"ack.node.gpu.schedule": p.gpu_schedule, "workload-type": p.workload_type, **p.labels}
        if p.is_spot:
            self.labels.setdefault("ml.alicloud/capacity", "spot")
        if p.erdma:
            self.labels.setdefault("ml.alicloud/erdma", "true")

        data_disks = None
        if p.create_data_disk:
            data_disks = [CsKubernetesNodePoolDataDisks(category="cloud_essd", size=p.data_disk_size_gib,
                                                        performance_level="PL1")]
        spot_limits = [CsKubernetesNodePoolSpotPriceLimit(instance_type=t, price_limit=f"{price:g}")
                       for t, price in p.spot_price_limits.items()] or None

        self.node_pool = CsKubernetesNodePool(
            self, "Resource",
            cluster_id=cluster.cluster_id,
            node_pool_name=name,
            instance_types=list(p.instance_types),
            vswitch_ids=vswitch_ids,
            security_group_ids=groups,
            ram_role_name=cluster.worker_role_name,
            instance_charge_type="PostPaid",
            image_type=p.resolved_image_type,
            desired_size=None if p.autoscaling else str(p.resolved_desired_size),
            scaling_config=CsKubernetesNodePoolScalingConfig(
                enable=True, min_size=p.min_size, max_size=p.max_size, type="spot" if p.is_spot else "gpu")
            if p.autoscaling else None,
            scaling_policy=p.scaling_policy,
            system_disk_category=p.system_disk_category,
            system_disk_size=p.system_disk_size_gib,
            system_disk_performance_level=p.system_disk_performance_level if p.system_disk_category == "cloud_essd" else None,
            data_disks=data_disks,
            labels=[CsKubernetesNodePoolLabels(key=k, value=v) for k, v in self.labels.items()],
            taints=[CsKubernetesNodePoolTaints(key=t.key, value=t.value, effect=t.effect.value) for t in p.taints],
            update_nodes=True,
            spot_strategy=p.spot_strategy.value,
            spot_price_limit=spot_limits,
            spot_instance_remedy=True if p.is_spot else None,
            management=CsKubernetesNodePoolManagement(enable=True, auto_repair=p.auto_repair,
                                                      max_unavailable=p.max_unavailable),
            tags=({**p.tags, "ml-checkpoint-target": p.checkpoint_target} if p.checkpoint_target else p.tags) or None,
        )

    @property
    def node_pool_id(self) -> str:
        return self.node_pool.node_pool_id


def check_security_group_types(cluster: AckCluster, groups: Sequence[WorkloadSecurityGroup], where: str) -> None:
    """Refuse groups whose type differs from the cluster's: one node cannot join a basic and an enterprise
    group at once (https://help.aliyun.com/en/ecs/user-guide/basic-security-groups-and-advanced-security-groups)."""
    wanted = cluster.props.security_group_type
    problems = [Problem("security_group", f"{g.node.path} is a {g.props.security_group_type} group but the "
                        f"cluster's group is {wanted}: a node cannot join both types", wanted,
                        "set AckClusterProps.security_group_type to match the workload groups")
                for g in groups if g.props.security_group_type != wanted]
    raise_problems(where, problems)
