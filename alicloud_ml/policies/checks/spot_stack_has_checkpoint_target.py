"""ALIML_006: a stack with spot node pools has a checkpoint target (a CPFS file system).

Stack-level. PASS: no spot pool, or an `alicloud_nas_file_system` with `file_system_type`
`cpfs`/`cpfsse` in the same stack. FAIL: each spot pool, when the stack has no CPFS.
"""

from __future__ import annotations

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Stack
from alicloud_ml.policies.values import is_spot_pool

CHECK = PolicyCheck(
    id="ALIML_006",
    severity=Severity.MEDIUM,
    title="Ensure stacks with spot node pools have a CPFS checkpoint target",
    why="Spot nodes are reclaimed with a few minutes' notice; training on them loses its progress unless it "
        "checkpoints to shared storage that outlives the node.",
    fix="Add a CPFS file system (CpfsFileSystemProps) to the stack, or suppress with a reason.",
    resource_types=("alicloud_cs_kubernetes_node_pool",),
    stack_level=True,
)


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    spot = [p for p in stack.of_type("alicloud_cs_kubernetes_node_pool") if is_spot_pool(p.attrs)]
    if not spot:
        return []
    has_cpfs = any(fs.attrs.get("file_system_type") in ("cpfs", "cpfsse")
                   for fs in stack.of_type("alicloud_nas_file_system"))
    result = Result.passed() if has_cpfs else Result.failed(
        "spot node pool has no checkpoint target: the stack has no CPFS file system", field="spot_strategy")
    return [StackFinding(p.address, result, p.path) for p in spot]
