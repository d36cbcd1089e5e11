"""Emulator-only catalogue of instance sizes, unpriced: ECS types the emulated cloud sells besides the toolkit's.

The toolkit's catalog (`alicloud_ml.catalog`) lists the GPU and CPU types it prices and recommends. Real
configurations also ask for small or older general-purpose types (1 vCPU / 2 GiB, `ecs.sn1ne`, `ecs.c6`), and
the cloud sells them, so the emulator answers `alicloud_instance_types` and accepts node pools with them too.
They stay out of the priced catalog: cost estimates and reviews never see them. Each family cites its table.
"""

from __future__ import annotations

from functools import cache

from alicloud_ml.catalog import InstanceType, instance_types

_DOCS = "AlibabaCloudDocs/ecs@322eaab8 intl.en-US/Instance/Instance type families/"
#: family -> (source, ((size, vCPUs, memory GiB), ...)); rows copied from the cited table.
FAMILIES: dict[str, tuple[str, tuple[tuple[str, int, float], ...]]] = {
    # https://www.alibabacloud.com/help/en/elastic-compute-service/latest/shared-instance-families ("n4 | 1:2")
    "n4": (_DOCS + "Shared instance families.md (n4 table)", (("small", 1, 2.0), ("large", 2, 4.0))),
    "t5-lc1m2": (_DOCS + "Burstable instance types/Overview.md (t5 table)", (("small", 1, 2.0),)),
    "sn1ne": (_DOCS + "Compute optimized instance families.md (sn1ne table)",
              (("large", 2, 4.0), ("xlarge", 4, 8.0), ("2xlarge", 8, 16.0))),
    "c6": (_DOCS + "Compute optimized instance families.md (c6 table)",
           (("large", 2, 4.0), ("xlarge", 4, 8.0), ("2xlarge", 8, 16.0))),
    "c6a": (_DOCS + "Compute optimized instance families.md (c6a table)", (("large", 2, 4.0), ("xlarge", 4, 8.0))),
    "g6": (_DOCS + "General purpose instance families.md (g6 table)", (("large", 2, 8.0), ("xlarge", 4, 16.0))),
    "g6e": (_DOCS + "General purpose instance families.md (g6e table)",
            (("large", 2, 8.0), ("xlarge", 4, 16.0), ("2xlarge", 8, 32.0))),
}


def _row(prefix: str, size: str, vcpu: int, memory: float) -> InstanceType:
    family = prefix.split("-")[0]  # ecs.t5-lc1m2.small is of family ecs.t5
    return InstanceType(instance_type=f"ecs.{prefix}.{size}", family=family, vcpu=vcpu, memory_gib=memory,
                        gpu_count=0, gpu_model="", gpu_memory_gib=0, network_gbps=0.0, erdma=False, bare_metal=False)


@cache
def emulator_only() -> dict[str, InstanceType]:
    """The types only the emulator knows, by name."""
    return {r.instance_type: r for family, (_, rows) in FAMILIES.items() for r in (_row(family, *row) for row in rows)}


@cache
def all_instance_types() -> dict[str, InstanceType]:
    """What the emulated cloud sells: the toolkit's catalog, then the emulator-only sizes (the catalog wins)."""
    return emulator_only() | instance_types()


def get(name: str) -> InstanceType | None:
    return all_instance_types().get(name)


def source(family: str) -> str:
    return FAMILIES[family][0] if family in FAMILIES else ""
