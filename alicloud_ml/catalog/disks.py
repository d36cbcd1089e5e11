"""ESSD system-disk facts and the platform's GPU system-disk floor: one definition for constructs, checks
and the HCL modules.

ESSD capacity per performance level, GiB: PL0 1-2,048 (system disks 20+), PL1 20+, PL2 461+, PL3 1,261+
(ECS "ESSDs", https://www.alibabacloud.com/help/en/ecs/user-guide/essds); a system disk holds at most
2,048 GiB (ECS "Block storage limits", https://www.alibabacloud.com/help/en/ecs/user-guide/limits).
"""

from __future__ import annotations

ESSD_MIN_GIB = {"PL0": 1, "PL1": 20, "PL2": 461, "PL3": 1261}
ESSD_MAX_GIB = 2048
#: The platform's practice (ALIML_002): GPU images, drivers and CUDA layers fill the provider's default
#: 40 GiB cloud_efficiency disk, and slow disks stall image pulls on nodes that bill by the hour.
GPU_SYSTEM_DISK_MIN_GIB = 100
GPU_SYSTEM_DISK_CATEGORIES = ("cloud_essd", "cloud_auto")


def gpu_system_disk_floor(performance_level: str | None) -> int:
    """The smallest system disk a GPU pool may have at `performance_level` (PL2/PL3 raise the floor)."""
    return max(GPU_SYSTEM_DISK_MIN_GIB, ESSD_MIN_GIB.get(performance_level or "", 0))
