"""ALIML_007: CPFS file systems sit in the VPC of the stack's ACK cluster.

Stack-level. The cluster's VPC is the `vpc_id` of the vswitches its `vswitch_ids` /
`worker_vswitch_ids` reference; the file system's VPC is its `vpc_id` (and its `vswitch_id`'s VPC).
Values are compared as reference strings (`${alicloud_vpc.Net_Vpc.id}`) or literals.
PASS: the file system's VPC is one of the clusters' VPCs.  FAIL: a different or missing VPC.
NOT APPLICABLE: no CPFS, no cluster, or a cluster VPC that cannot be resolved in this stack.
"""

from __future__ import annotations

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.values import str_list

CPFS_TYPES = ("cpfs", "cpfsse")
CLUSTER_TYPES = ("alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes")

CHECK = PolicyCheck(
    id="ALIML_007",
    severity=Severity.HIGH,
    title="Ensure CPFS file systems are in the same VPC as the ACK cluster",
    why="ACK mounts CPFS over NFS through a protocol service reachable only inside the file system's VPC; a CPFS "
        "in another VPC deploys fine and then every pod mount times out.",
    fix="Create the CPFS file system (CpfsFileSystemProps) on the cluster's MlNetwork, not a second VPC.",
    resource_types=("alicloud_nas_file_system",),
    stack_level=True,
)


def vpc_of_vswitch(stack: Stack, ref: object) -> str | None:
    vswitch = stack.resolve(ref)
    value = vswitch.attrs.get("vpc_id") if vswitch is not None else None
    return str(value) if value else None


def cluster_vpcs(stack: Stack) -> set[str]:
    out: set[str] = set()
    for cluster in stack.of_type(*CLUSTER_TYPES):
        for key in ("vswitch_ids", "worker_vswitch_ids"):
            for ref in str_list(cluster.attrs.get(key)):
                vpc = vpc_of_vswitch(stack, ref)
                if vpc:
                    out.add(vpc)
    return out


def evaluate_fs(fs: Resource, stack: Stack, vpcs: set[str]) -> Result:
    own = fs.attrs.get("vpc_id")
    via_vswitch = vpc_of_vswitch(stack, fs.attrs.get("vswitch_id"))
    if not own and not via_vswitch:
        return Result.failed("CPFS file system sets no vpc_id or vswitch_id", field="vpc_id")
    if own and via_vswitch and str(own) != via_vswitch:
        return Result.failed(f"CPFS vpc_id {own} differs from the VPC of its vswitch ({via_vswitch})", field="vswitch_id")
    vpc = str(own or via_vswitch)
    if vpc in vpcs:
        return Result.passed()
    return Result.failed(f"CPFS file system is in VPC {vpc}, not the cluster's VPC ({', '.join(sorted(vpcs))})",
                         field="vpc_id")


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    vpcs = cluster_vpcs(stack)
    if not vpcs:
        return []
    return [StackFinding(fs.address, evaluate_fs(fs, stack, vpcs), fs.path)
            for fs in stack.of_type("alicloud_nas_file_system") if fs.attrs.get("file_system_type") in CPFS_TYPES]
