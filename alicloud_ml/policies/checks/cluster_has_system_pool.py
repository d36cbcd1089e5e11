"""ALIML_018: every ACK cluster has an untainted, fixed-size node pool of at least two nodes.

Stack-level. A pool belongs to a cluster when its `cluster_id` references it. A pool qualifies when
it has no `NoSchedule`/`NoExecute` taint, is not autoscaled (no `scaling_config`, or `enable = false`:
ACK labels autoscaled nodes `k8s.aliyun.com=true` to keep CoreDNS and metrics-server off them,
provider v1.289.0 website/docs/r/cs_kubernetes_node_pool.html.markdown) and asks for ≥ 2 nodes
(`desired_size`, the deprecated `node_count`, or `instances`).
PASS: the cluster has such a pool.  FAIL: it has none (system pods would stay Pending).
NOT APPLICABLE: no cluster in the stack.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Stack
from alicloud_ml.policies.values import as_bool, as_int, blocks, first_block, str_list
from alicloud_ml.synthesized import parse_ref

CLUSTER_TYPES = ("alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes")
REPELLING_EFFECTS = ("NoSchedule", "NoExecute")
MIN_NODES = 2

CHECK = PolicyCheck(
    id="ALIML_018",
    severity=Severity.HIGH,
    title="Ensure every ACK cluster has an untainted, fixed-size node pool of at least 2 nodes for system pods",
    why="GPU pools are tainted and autoscaled, and ACK keeps CoreDNS, metrics-server, the ARMS operator and the "
        "CSI controllers off autoscaled nodes: without a plain pool they stay Pending and nothing resolves DNS.",
    fix="Keep the platform's system pool (PlatformConfig.system_pool, SystemNodePoolProps.size >= 2), or add a "
        "SystemNodePool to the cluster.",
    resource_types=CLUSTER_TYPES,
    stack_level=True,
)


def system_nodes(attrs: Mapping[str, Any]) -> int:
    """How many nodes a pool offers system pods: 0 when it repels them or is autoscaled."""
    if any(t.get("effect") in REPELLING_EFFECTS for t in blocks(attrs, "taints")):
        return 0
    scaling = first_block(attrs, "scaling_config")
    if scaling and as_bool(scaling.get("enable")) is not False:
        return 0
    for key in ("desired_size", "node_count"):
        if (count := as_int(attrs.get(key))) is not None:
            return count
    return len(str_list(attrs.get("instances")))


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    offered: dict[str, int] = {}
    for pool in stack.of_type("alicloud_cs_kubernetes_node_pool"):
        ref = parse_ref(pool.attrs.get("cluster_id"))
        if ref:
            key = f"{ref[0]}.{ref[1]}"
            offered[key] = max(offered.get(key, 0), system_nodes(pool.attrs))
    out = []
    for cluster in stack.of_type(*CLUSTER_TYPES):
        nodes = offered.get(cluster.address, 0)
        result = Result.passed() if nodes >= MIN_NODES else Result.failed(
            f"cluster has no untainted, fixed-size node pool of >= {MIN_NODES} nodes (best: {nodes}); CoreDNS and "
            "the add-ons would stay Pending", field="node_pools")
        out.append(StackFinding(cluster.address, result, cluster.path))
    return out
