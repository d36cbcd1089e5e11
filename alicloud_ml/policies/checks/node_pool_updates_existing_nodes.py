"""ALIML_017: node pools that set taints or labels apply them to existing nodes.

PASS: `update_nodes = true`, or no `taints`/`labels`.  FAIL: taints or labels without
`update_nodes = true`: changing them later only affects new nodes.
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.values import as_bool, blocks

CHECK = PolicyCheck(
    id="ALIML_017",
    severity=Severity.MEDIUM,
    title="Ensure node pools with taints or labels set update_nodes = true",
    why="Without update_nodes the provider changes taints and labels only on nodes created afterwards, so a "
        "pool drifts into a mix of scheduling rules and GPU pods land on the wrong nodes.",
    fix="Set update_nodes = true on the alicloud_cs_kubernetes_node_pool (GpuNodePool and SystemNodePool always "
        "do; on a changed one, `pool.node_pool.update_nodes = True`), or suppress with a reason.",
    resource_types=("alicloud_cs_kubernetes_node_pool",),
)


def evaluate(resource: Resource) -> Result:
    attrs = resource.attrs
    if not blocks(attrs, "taints") and not blocks(attrs, "labels"):
        return Result.not_applicable()
    if as_bool(attrs.get("update_nodes")) is True:
        return Result.passed()
    return Result.failed("node pool sets taints or labels but not update_nodes = true", field="update_nodes")


check = checkov_check(CHECK, evaluate)
