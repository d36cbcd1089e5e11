"""Instance-type facts the toolkit validates against (and, re-exported from `prices`, the price table).

The instance table holds every ECS instance family the ECS instance-family pages list (the current
ones on sale, such as g9i, and older ones such as c5), with vCPUs, memory, GPUs, GPU memory, bandwidth
and ENIs, each family with its source (`family_source`). The price table (`catalog/prices.py`) holds
region-scoped official list prices, each row with its URL and the date read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class InstanceType:
    instance_type: str
    family: str
    vcpu: int
    memory_gib: float
    gpu_count: int
    gpu_model: str
    gpu_memory_gib: int
    network_gbps: float
    erdma: bool
    bare_metal: bool
    enis: int = 0  # elastic network interfaces the type takes (the family table's "ENIs"); 0: not stated

    @property
    def is_gpu(self) -> bool:
        return self.gpu_count > 0


@cache
def instance_types() -> dict[str, InstanceType]:
    """All catalogued instance types by name (e.g. `ecs.gn7i-c8g1.2xlarge`)."""
    data = json.loads((_HERE / "instance_types.json").read_text())
    return {row["instance_type"]: InstanceType(**row) for row in data["instance_types"]}


def get_instance_type(name: str) -> InstanceType | None:
    return instance_types().get(name)


@cache
def family_source(family: str) -> str:
    """Where a family's figures come from (doc URL or file), as recorded in instance_types.json."""
    return json.loads((_HERE / "instance_types.json").read_text())["family_sources"].get(family, "")


#: Memory an EAS instance keeps for the system on top of the service's own request. No Alibaba document
#: states a figure (README "Assumptions": read `InstanceMaxAllocatableMemory` from the EAS resource API
#: on first apply); 10 % of the instance's memory, at least 1 GiB, keeps the seed's OOM cascade away.
EAS_MEMORY_RESERVE_FRACTION = 0.10
EAS_MEMORY_RESERVE_MIN_MB = 1024


@dataclass(frozen=True)
class Allocatable:
    """What one EAS service instance may request on an instance type: vCPUs, MB of memory, GPUs."""

    cpu: int
    memory_mb: int
    gpu: int


def eas_allocatable(name: str) -> Allocatable | None:
    """Per-instance capacity of `name` for `metadata.cpu/memory/gpu`, after the system reserve; None if unknown."""
    info = get_instance_type(name)
    if info is None:
        return None
    memory_mb = int(info.memory_gib * 1024)
    reserve = max(EAS_MEMORY_RESERVE_MIN_MB, int(memory_mb * EAS_MEMORY_RESERVE_FRACTION))
    return Allocatable(info.vcpu, memory_mb - reserve, info.gpu_count)


def eas_over_capacity(instance_type: str, cpu: int, memory_mb: int, gpu: int) -> list[tuple[str, str, str]]:
    """(field, problem, accepted) for each of cpu / memory_mb / gpu beyond what `instance_type` allocates.

    One definition for the config (exit 2) and the emulator (API rejection); unknown types pass.
    """
    cap = eas_allocatable(instance_type)
    if cap is None:
        return []
    out = []
    if cpu > cap.cpu:
        out.append(("cpu", f"{cpu} vCPUs exceed the {cap.cpu} of {instance_type}", f"1..{cap.cpu}"))
    if memory_mb > cap.memory_mb:
        total = int(get_instance_type(instance_type).memory_gib * 1024)  # type: ignore[union-attr]
        out.append(("memory_mb", f"{memory_mb} MB exceeds the {cap.memory_mb} MB {instance_type} leaves after the "
                    f"system reserve ({total} MB in all)", f"256..{cap.memory_mb}"))
    if gpu > cap.gpu:
        out.append(("gpu", f"{gpu} GPUs exceed the {cap.gpu} of {instance_type}", f"0..{cap.gpu}"))
    return out


# The price table lives in catalog/prices.py; re-exported here for existing importers.
from alicloud_ml.catalog.prices import PRICE_COLUMNS, Price, PriceTable, read_price_file  # noqa: E402,F401
