"""Props of `alicloud_ml.constructs.system_pool` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from alicloud_ml.catalog import instance_types
from alicloud_ml.catalog.disks import ESSD_MAX_GIB, ESSD_MIN_GIB
from alicloud_ml.props.base import CpuInstanceType, FrozenModel, fail, join_errors
from alicloud_ml.catalog.limits import NODE_POOL_MAX_NODES

#: Fewest nodes for system components: two CoreDNS replicas on different nodes (see the module docstring).
MIN_SYSTEM_NODES = 2


class SystemNodePoolProps(FrozenModel):
    """Props of `SystemNodePool`."""

    node_pool_name: str = Field("system", pattern=r"^[a-zA-Z0-9][\w-]{0,62}$", description="Pool name. Default: "
                                                                                            "`system`.")
    instance_types: tuple[CpuInstanceType, ...] = Field(("ecs.g7.xlarge",), min_length=1, max_length=10, description=(
        "CPU ECS types in preference order, each one `alicloud-ml catalog --cpu` lists. Default: `ecs.g7.xlarge` "
        "(4 vCPU, 16 GiB)."))
    size: int = Field(MIN_SYSTEM_NODES, ge=MIN_SYSTEM_NODES, le=NODE_POOL_MAX_NODES, description=(
        "Nodes (fixed, at least 2 so CoreDNS keeps two replicas). Default: `2`."))
    zones: tuple[str, ...] | None = Field(None, description="Zones to spread nodes over. Default: - every zone of "
                                                            "the cluster's network.")
    system_disk_size_gib: int = Field(120, ge=ESSD_MIN_GIB["PL1"], le=ESSD_MAX_GIB, description=(
        "ESSD PL1 system disk, GiB. Default: `120`."))
    image_type: str = Field("AliyunLinux3", pattern=r"^AliyunLinux3$|^AliyunLinux4$", description=(
        "Node OS image. Default: `AliyunLinux3` (x86, mounts CPFS)."))
    labels: dict[str, str] = Field(default_factory=dict, description="Extra node labels. Default: none.")
    tags: dict[str, str] = Field(default_factory=dict, description="ECS tags. Default: none.")

    @model_validator(mode="after")
    def _cpu_types(self) -> Self:
        errors: list[ValueError] = []
        for i, name in enumerate(self.instance_types):
            info = instance_types()[name]  # catalogued: CpuInstanceType checked it
            if info.is_gpu:
                errors.append(fail(f"instance_types[{i}]", f"{name} has {info.gpu_count} GPU(s); system pods "
                                   "belong on CPU nodes", "a CPU instance type listed by `alicloud-ml catalog --cpu`"))
        join_errors(errors)
        return self
