"""ALIML_001: GPU node pools carry a NoSchedule taint.

PASS: a GPU pool with at least one `taints` block whose effect is `NoSchedule`.
FAIL: a GPU pool with no taint, or only `PreferNoSchedule`/`NoExecute` taints.
NOT APPLICABLE: CPU pools (no GPU instance type, no `ack.node.gpu.schedule` label, scaling type not gpu).
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.values import blocks, is_gpu_pool

CHECK = PolicyCheck(
    id="ALIML_001",
    severity=Severity.HIGH,
    title="Ensure GPU node pools carry a NoSchedule taint",
    why="Untainted GPU nodes accept any pod, so CPU jobs hold GPUs that training and serving jobs then queue for.",
    fix="Keep the default taint in GpuNodePoolProps.taints (effect NoSchedule), or suppress with a reason.",
    resource_types=("alicloud_cs_kubernetes_node_pool",),
)


def evaluate(resource: Resource) -> Result:
    if not is_gpu_pool(resource.attrs):
        return Result.not_applicable()
    effects = [str(t.get("effect", "")) for t in blocks(resource.attrs, "taints")]
    if "NoSchedule" in effects:
        return Result.passed()
    found = ", ".join(e or "(none)" for e in effects) or "no taints"
    return Result.failed(f"GPU node pool has no NoSchedule taint (found: {found})", field="taints")


check = checkov_check(CHECK, evaluate)
