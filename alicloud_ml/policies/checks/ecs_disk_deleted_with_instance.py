"""ALIML_011: standalone ECS disks are released with their instance.

PASS: `alicloud_ecs_disk.delete_with_instance = true`.  FAIL: false or unset (the provider default
for `alicloud_ecs_disk` is false, unlike `alicloud_instance.data_disks`).
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.values import as_bool

CHECK = PolicyCheck(
    id="ALIML_011",
    severity=Severity.MEDIUM,
    title="Ensure ECS disks are deleted with their instance",
    why="alicloud_ecs_disk defaults to delete_with_instance = false, so disks of released training nodes "
        "stay behind and keep billing (orphaned disks).",
    fix="Set delete_with_instance = true on the alicloud_ecs_disk, or suppress with a reason.",
    resource_types=("alicloud_ecs_disk",),
)


def evaluate(resource: Resource) -> Result:
    value = as_bool(resource.attrs.get("delete_with_instance"))
    if value is True:
        return Result.passed()
    shown = "unset (provider default false)" if value is None else "false"
    return Result.failed(f"ECS disk delete_with_instance is {shown}: the disk outlives its instance",
                         field="delete_with_instance")


check = checkov_check(CHECK, evaluate)
