"""Props of `alicloud_ml.constructs.node_pool` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, Self

from pydantic import Field, model_validator

from alicloud_ml.catalog import instance_types
from alicloud_ml.catalog.limits import NODE_POOL_MAX_NODES, node_pool_bounds_ok
from alicloud_ml.catalog.disks import ESSD_MAX_GIB, ESSD_MIN_GIB
from alicloud_ml.props.base import FrozenModel, GpuInstanceType, fail, join_errors

#: Node images for CPFS and eRDMA pools: Alibaba Cloud Linux 3 on x86 (provider image_type values,
#: alicloud/resource_alicloud_cs_kubernetes_node_pool.go `image_type`).
LINUX3_IMAGES = ("AliyunLinux3",)

ImageType = Literal["AliyunLinux3", "AliyunLinux3Arm64", "AliyunLinux4", "AliyunLinux4Arm64", "ContainerOS",
                    "AliyunLinux3ContainerOptimized", "Ubuntu", "CentOS"]



class TaintEffect(str, Enum):
    """Kubernetes taint effect. The provider does not validate it, so this enum does."""

    NO_SCHEDULE = "NoSchedule"
    PREFER_NO_SCHEDULE = "PreferNoSchedule"
    NO_EXECUTE = "NoExecute"


class Taint(FrozenModel):
    """A node taint: `key=value:effect`."""

    key: str = Field(min_length=1, description="Taint key. Required.")
    value: str | None = Field(None, description="Taint value. Default: none.")
    effect: TaintEffect = Field(TaintEffect.NO_SCHEDULE, description="Default: `NoSchedule`.")


class SpotStrategy(str, Enum):
    """How the pool buys capacity."""

    NO_SPOT = "NoSpot"
    SPOT_WITH_PRICE_LIMIT = "SpotWithPriceLimit"
    SPOT_AS_PRICE_GO = "SpotAsPriceGo"


#: `spot_strategy` values that buy spot capacity (provider docs r/cs_kubernetes_node_pool `spot_strategy`).
SPOT_STRATEGIES = tuple(s.value for s in SpotStrategy if s is not SpotStrategy.NO_SPOT)

GpuSchedule = Literal["default", "cgpu", "share", "core_mem", "mps", "topology", "mig"]


class GpuNodePoolProps(FrozenModel):
    """Props of `GpuNodePool`."""

    node_pool_name: str | None = Field(None, pattern=r"^[a-zA-Z0-9][\w-]{0,62}$",
                                       description="Pool name. Default: - the construct id, lower-cased.")
    instance_types: tuple[GpuInstanceType, ...] = Field(min_length=1, max_length=10, description=(
        "GPU ECS types in preference order (later ones are fallbacks), e.g. `ecs.gn7i-c16g1.4xlarge`; each one "
        "`alicloud-ml catalog --gpu` lists."))
    min_size: int = Field(0, ge=0, le=NODE_POOL_MAX_NODES, description="Fewest nodes. Default: `0` (scale to zero).")
    max_size: int = Field(4, ge=1, le=NODE_POOL_MAX_NODES, description="Most nodes, above `min_size`, at most 1000. Default: `4`.")
    autoscaling: bool = Field(True, description="Let the cluster autoscaler size the pool between `min_size` and "
                                                "`max_size`. Default: `true`.")
    desired_size: int | None = Field(None, ge=0, le=NODE_POOL_MAX_NODES, description=(
        "Nodes of a fixed-size pool (`autoscaling = false`); not allowed on autoscaled pools, whose node count the "
        "autoscaler owns (set `min_size` for warm capacity). Default: - `min_size`."))
    workload_type: str = Field("training", pattern=r"^[a-z][a-z0-9-]{0,62}$",
                               description="Value of the `workload-type` node label. Default: `training`.")
    gpu_schedule: GpuSchedule = Field("default", description=(
        "`ack.node.gpu.schedule` label: `default` (whole GPUs), `cgpu`, `share`, `core_mem`, `mps`, `topology`, "
        "`mig`. Shared/topology modes need the cluster's `shared_gpu_scheduling`. Default: `default`."))
    labels: dict[str, str] = Field(default_factory=dict, description="Extra node labels. Default: none.")
    taints: tuple[Taint, ...] = Field((Taint(key="nvidia.com/gpu", value="present"),), description=(
        "Node taints. Default: `nvidia.com/gpu=present:NoSchedule`, so only pods that tolerate it land here."))
    system_disk_category: Literal["cloud_essd", "cloud_auto"] = Field(
        "cloud_essd", description="`cloud_essd` or `cloud_auto`. Default: `cloud_essd`.")
    system_disk_size_gib: int = Field(200, ge=ESSD_MIN_GIB["PL1"], le=ESSD_MAX_GIB, description="System disk, GiB. Default: `200`.")
    system_disk_performance_level: Literal["PL0", "PL1", "PL2", "PL3"] = Field(
        "PL1", description="ESSD level; floors PL2 ≥ 461 GiB, PL3 ≥ 1261 GiB. Default: `PL1`.")
    data_disk_size_gib: int = Field(200, ge=40, le=32767, description=(
        "ESSD PL1 data disk for the container image store, GiB (40-32767). Default: `200`."))
    create_data_disk: bool = Field(True, description="Attach the image-store data disk. Default: `true`.")
    spot_strategy: SpotStrategy = Field(SpotStrategy.NO_SPOT, description=(
        "`NoSpot`, `SpotWithPriceLimit` (needs `spot_price_limits` for every type) or `SpotAsPriceGo`. "
        "Default: `NoSpot`."))
    spot_price_limits: dict[str, float] = Field(default_factory=dict, description=(
        "Hourly price cap per instance type (`SpotWithPriceLimit` only). Default: none."))
    checkpoint_target: str | None = Field(None, pattern=r"^(cpfs|oss|nas)://\S+$", description=(
        "Where jobs checkpoint (`cpfs://<fs>/<path>`, `oss://<bucket>/<path>`); required for spot pools, "
        "recorded as a node label. Default: none."))
    erdma: bool = Field(False, description="Pool is used for eRDMA (iWARP) traffic: every type must support "
                                           "ERIs. Default: `false`.")
    zones: tuple[str, ...] | None = Field(None, description="Zones to place nodes in. Default: - every zone of "
                                                            "the cluster's network.")
    image_type: ImageType | None = Field(None, description="Node OS image (`image_type`). Default: - ACK's default, "
                                                           "or `AliyunLinux3` when the pool mounts CPFS or uses eRDMA.")
    mounts_cpfs: bool = Field(False, description="Pods on this pool mount CPFS: pins an x86, non-ContainerOS image "
                                                 "(`AliyunLinux3`). Default: `false` (`true` when the platform has CPFS).")
    auto_repair: bool = Field(True, description="ACK managed auto-repair. Default: `true`.")
    max_unavailable: int = Field(1, ge=1, le=1000, description="Nodes repaired/upgraded at once. Default: `1`.")
    scaling_policy: Literal["release", "recycle"] = Field(
        "release", description="`release` or `recycle` (stopped nodes still bill storage). Default: `release`.")
    tags: dict[str, str] = Field(default_factory=dict, description="ECS tags. Default: none.")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        errors: list[ValueError] = []
        catalogue = instance_types()
        for i, name in enumerate(self.instance_types):
            info = catalogue[name]  # catalogued: GpuInstanceType checked it
            if info.gpu_count < 1:
                errors.append(fail(f"instance_types[{i}]", f"{name} has no GPU",
                                   "a GPU instance type listed by `alicloud-ml catalog --gpu`"))
            elif self.erdma and not info.erdma:
                capable = sorted({t.family for t in catalogue.values() if t.erdma and t.is_gpu})
                errors.append(fail(f"instance_types[{i}]", f"{name} (family {info.family}) has no eRDMA interface",
                                   "families " + ", ".join(capable), "or set erdma = false"))
        errors.extend(scaling_problems(self.min_size, self.max_size, self.desired_size, self.autoscaling))
        if (self.mounts_cpfs or self.erdma) and self.image_type not in (None, *LINUX3_IMAGES):
            why = "CPFS volumes need x86 nodes that do not run ContainerOS" if self.mounts_cpfs else \
                "the eRDMA controller needs Alibaba Cloud Linux 3"
            errors.append(fail("image_type", f"{self.image_type} cannot be used: {why}", ", ".join(LINUX3_IMAGES)))
        if self.system_disk_category == "cloud_essd":
            floor = ESSD_MIN_GIB[self.system_disk_performance_level]
            if self.system_disk_size_gib < floor:
                errors.append(fail("system_disk_size_gib", f"{self.system_disk_size_gib} GiB is below the "
                                   f"{self.system_disk_performance_level} floor of {floor} GiB",
                                   f"{floor}..{ESSD_MAX_GIB}", "or lower system_disk_performance_level"))
        spot = self.spot_strategy is not SpotStrategy.NO_SPOT
        if spot and not self.checkpoint_target:
            errors.append(fail("checkpoint_target", f"spot_strategy {self.spot_strategy.value} needs a checkpoint "
                               "target: spot nodes are reclaimed mid-job", "cpfs://<fs>/<path> or oss://<bucket>/<path>"))
        if self.spot_strategy is SpotStrategy.SPOT_WITH_PRICE_LIMIT:
            missing = [t for t in self.instance_types if t not in self.spot_price_limits]
            if missing:
                errors.append(fail("spot_price_limits", f"no price limit for {', '.join(missing)}",
                                   "one entry per instance type"))
        extra = [t for t in self.spot_price_limits if t not in self.instance_types]
        if extra or (self.spot_price_limits and self.spot_strategy is not SpotStrategy.SPOT_WITH_PRICE_LIMIT):
            errors.append(fail("spot_price_limits", "only for SpotWithPriceLimit and the pool's instance types"
                               + (f"; unexpected {', '.join(extra)}" if extra else ""), ", ".join(self.instance_types)))
        if not any(t.effect is TaintEffect.NO_SCHEDULE for t in self.taints):
            errors.append(fail("taints", "a GPU pool needs at least one NoSchedule taint",
                               hint="CPU pods would otherwise occupy GPU nodes"))
        join_errors(errors)
        return self

    @property
    def resolved_desired_size(self) -> int:
        return self.min_size if self.desired_size is None else self.desired_size

    @property
    def resolved_image_type(self) -> str | None:
        return self.image_type or ("AliyunLinux3" if self.mounts_cpfs or self.erdma else None)

    @property
    def is_spot(self) -> bool:
        return self.spot_strategy is not SpotStrategy.NO_SPOT


def scaling_problems(min_size: int, max_size: int, desired_size: int | None, autoscaling: bool) -> list[ValueError]:
    """A pool's size rules: the ACK bounds when autoscaled (catalog.limits), and `desired_size` only on
    fixed-size pools."""
    if autoscaling:
        if not node_pool_bounds_ok(min_size, max_size):
            return [fail("max_size", f"must be greater than min_size ({min_size}), got {max_size}",
                         f"{min_size + 1}..{NODE_POOL_MAX_NODES}")]
        if desired_size is not None:
            return [fail("desired_size", "is not used on an autoscaled pool: the autoscaler owns the node count",
                         hint="set min_size for warm nodes, or autoscaling = false for a fixed-size pool")]
    return []
