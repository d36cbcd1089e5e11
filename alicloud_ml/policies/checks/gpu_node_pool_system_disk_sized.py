"""ALIML_002: GPU node pools use an ESSD/auto system disk of at least 100 GiB.

PASS: `system_disk_category` is `cloud_essd` or `cloud_auto` and `system_disk_size` >= 100 GiB
(and >= the ESSD performance level's floor: PL2 461 GiB, PL3 1261 GiB).
FAIL: the provider default (`cloud_efficiency`, 40 GiB) or any other category, a missing or
smaller size.  NOT APPLICABLE: CPU pools.
"""

from __future__ import annotations

from alicloud_ml.catalog.disks import (
    ESSD_MIN_GIB, GPU_SYSTEM_DISK_CATEGORIES, GPU_SYSTEM_DISK_MIN_GIB, gpu_system_disk_floor,
)
from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.values import as_int, is_gpu_pool

CHECK = PolicyCheck(
    id="ALIML_002",
    severity=Severity.MEDIUM,
    title="Ensure GPU node pools use an ESSD or auto system disk of at least 100 GiB",
    why="The provider default is a 40 GiB cloud_efficiency disk: GPU images, drivers and CUDA layers fill it, "
        "and slow disks stall image pulls on nodes that bill by the hour.",
    fix="Set GpuNodePoolProps.system_disk_size_gib >= 100 and system_disk_category cloud_essd (or cloud_auto).",
    resource_types=("alicloud_cs_kubernetes_node_pool",),
)


def evaluate(resource: Resource) -> Result:
    attrs = resource.attrs
    if not is_gpu_pool(attrs):
        return Result.not_applicable()
    category = attrs.get("system_disk_category") or "cloud_efficiency (provider default)"
    if category not in GPU_SYSTEM_DISK_CATEGORIES:
        return Result.failed(f"GPU node pool system disk category is {category}; accepted: "
                             f"{', '.join(GPU_SYSTEM_DISK_CATEGORIES)}",
                             field="system_disk_category")
    size = as_int(attrs.get("system_disk_size"))
    level = str(attrs.get("system_disk_performance_level") or "")
    floor = gpu_system_disk_floor(level)
    if size is None or size < floor:
        got = "unset (provider default 40 GiB)" if size is None else f"{size} GiB"
        return Result.failed(f"GPU node pool system disk is {got}; needs at least {floor} GiB"
                             + (f" for {level}" if ESSD_MIN_GIB.get(level, 0) > GPU_SYSTEM_DISK_MIN_GIB else ""),
                             field="system_disk_size")
    return Result.passed()


check = checkov_check(CHECK, evaluate)
