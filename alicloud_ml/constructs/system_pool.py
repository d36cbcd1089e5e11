"""`SystemNodePool`: the untainted, fixed-size CPU pool where CoreDNS and the other add-ons run.

Why it exists: every GPU pool is tainted `NoSchedule` and autoscaled, and ACK labels autoscaled
nodes `k8s.aliyun.com=true` "to prevent system pods such as coredns, metrics-servers from being
scheduled to elastic nodes" (provider v1.289.0 `website/docs/r/cs_kubernetes_node_pool.html.markdown`;
ACK "Enable node auto scaling" advises running such components "in node pools with auto scaling
disabled", https://www.alibabacloud.com/help/en/document_detail/119099.html). Without a pool like
this, CoreDNS, metrics-server, the ARMS operator and the CSI controllers stay Pending.

Why these defaults: ACK runs at least two CoreDNS replicas, each needing 1 vCPU and 1 GiB
("Configure CoreDNS for high availability",
https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-coredns-for-high-availability),
so the pool has ≥ 2 nodes of 4 vCPU / 16 GiB (`ecs.g7.xlarge`, catalogued from the ECS instance
family docs), spread evenly over the cluster's zones (`multi_az_policy = "BALANCE"`) so one zone
failure leaves a replica running. It is not autoscaled: the autoscaler would label its nodes
`k8s.aliyun.com=true` and could remove them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from constructs import Construct

from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.system_pool import SystemNodePoolProps
from alicloud_ml.provider.ack import (
    CsKubernetesNodePool,
    CsKubernetesNodePoolLabels,
    CsKubernetesNodePoolManagement,
)

SYSTEM_LABEL = "ml.alicloud/system-pool"


class SystemNodePool(Construct):
    """Fixed-size, untainted CPU pool in the cluster's own security group, spread over its zones.

    Attributes: `node_pool`, `node_pool_id`, `props`.
    """

    def __init__(self, scope: Construct, id: str, *, cluster: AckCluster,
                 props: SystemNodePoolProps | Mapping[str, Any] | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(SystemNodePoolProps, props, self.node.path)
        zones: Sequence[str] = p.zones or cluster.network.zones
        vswitch_ids = [cluster.network.vswitch_for(z, field=f"zones[{i}]", where=self.node.path).id
                       for i, z in enumerate(zones)]
        labels = {SYSTEM_LABEL: "true", "workload-type": "system", **p.labels}
        self.node_pool = CsKubernetesNodePool(
            self, "Resource", cluster_id=cluster.cluster_id, node_pool_name=p.node_pool_name,
            instance_types=list(p.instance_types), vswitch_ids=vswitch_ids,
            security_group_ids=[cluster.security_group_id], ram_role_name=cluster.worker_role_name,
            instance_charge_type="PostPaid", desired_size=str(p.size), multi_az_policy="BALANCE",
            image_type=p.image_type, system_disk_category="cloud_essd", system_disk_size=p.system_disk_size_gib,
            system_disk_performance_level="PL1",
            labels=[CsKubernetesNodePoolLabels(key=k, value=v) for k, v in labels.items()],
            update_nodes=True,
            management=CsKubernetesNodePoolManagement(enable=True, auto_repair=True, max_unavailable=1),
            tags=p.tags or None)
        cluster.install_addons_after(self.node_pool)

    @property
    def node_pool_id(self) -> str:
        return self.node_pool.node_pool_id
