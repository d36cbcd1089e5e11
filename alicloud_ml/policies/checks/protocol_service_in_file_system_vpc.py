"""ALIML_008: NAS protocol services and protocol mount targets sit in their file system's VPC.

Stack-level. PASS: `vpc_id` (and the `vswitch_id`'s VPC, when resolvable) equals the `vpc_id` of the
file system that `file_system_id` references.  FAIL: a different or missing `vpc_id`.
NOT APPLICABLE: the file system is not in this stack.
"""

from __future__ import annotations

from alicloud_ml.policies.checks.cpfs_in_cluster_vpc import vpc_of_vswitch
from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack

TYPES = ("alicloud_nas_protocol_service", "alicloud_nas_protocol_mount_target")

CHECK = PolicyCheck(
    id="ALIML_008",
    severity=Severity.HIGH,
    title="Ensure NAS protocol services and mount targets are in their file system's VPC",
    why="The CPFS protocol service must live in the file system's VPC; elsewhere the provider creates it and "
        "NFS clients in the cluster can never reach the export.",
    fix="Create the protocol service and mount target on the file system's MlNetwork (CpfsFileSystemProps).",
    resource_types=TYPES,
    stack_level=True,
)


def evaluate_one(res: Resource, fs: Resource, stack: Stack) -> Result:
    fs_vpc = fs.attrs.get("vpc_id")
    own = res.attrs.get("vpc_id")
    if not own:
        return Result.failed(f"{res.type} sets no vpc_id; needs the file system's VPC {fs_vpc}", field="vpc_id")
    if fs_vpc and str(own) != str(fs_vpc):
        return Result.failed(f"{res.type} is in VPC {own}, the file system {fs.address} in {fs_vpc}", field="vpc_id")
    via = vpc_of_vswitch(stack, res.attrs.get("vswitch_id"))
    if via and via != str(own):
        return Result.failed(f"{res.type} vswitch is in VPC {via}, not {own}", field="vswitch_id")
    return Result.passed()


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    out: list[StackFinding] = []
    for res in stack.of_type(*TYPES):
        fs = stack.resolve(res.attrs.get("file_system_id"))
        if fs is not None and fs.type == "alicloud_nas_file_system":
            out.append(StackFinding(res.address, evaluate_one(res, fs, stack), res.path))
    return out
