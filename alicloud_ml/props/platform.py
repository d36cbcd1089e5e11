"""Props of `MlPlatform`: the validated pieces of one environment, section by section.

`alicloud_ml.config.PlatformConfig` (a platform TOML file) extends these with the environment's name,
state backend and suppressions, and derives the names the sections need; `MlPlatform` only wires the
pieces. The cross-section rules (one security group type, zones with a vSwitch, CPFS for cpfs://
checkpoints) live here because they are what makes the pieces one platform.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from alicloud_ml.props.base import FrozenModel, RegionId, fail, join_errors
from alicloud_ml.props.buckets import ModelBucketProps
from alicloud_ml.props.cluster import AckClusterProps
from alicloud_ml.props.iam import WorkloadRolesProps
from alicloud_ml.props.network import MlNetworkProps
from alicloud_ml.props.node_pool import GpuNodePoolProps
from alicloud_ml.props.notebooks import NotebookReaperProps
from alicloud_ml.props.observability import ObservabilityProps
from alicloud_ml.props.rag_tier import RagTierProps
from alicloud_ml.props.registry import ImageRegistryProps
from alicloud_ml.props.security import ServingSecurityGroupProps, TrainingSecurityGroupProps
from alicloud_ml.props.serving import EasServiceProps
from alicloud_ml.props.storage import CpfsFileSystemProps
from alicloud_ml.props.system_pool import SystemNodePoolProps
from alicloud_ml.props.workspace import PaiWorkspaceProps

#: gpu_schedule modes served by ack-ai-installer (cluster.shared_gpu_scheduling).
SHARED_GPU_MODES = {"cgpu", "share", "core_mem", "mps", "topology"}


class SecurityConfig(FrozenModel):
    """`[security.training]` and `[security.serving]`: the two workload security groups."""

    training: TrainingSecurityGroupProps
    serving: ServingSecurityGroupProps


class NodePoolConfig(GpuNodePoolProps):
    """`[node_pools.<key>]`: a GPU pool; `node_pool_name` defaults to the key."""

    security_group: Literal["training", "serving"] | None = Field(
        None, description="Which workload group the nodes join (`security_group_ids`, force-new: changing it "
                          "replaces the pool). Default: - `serving` when workload_type is `inference`/`serving`, "
                          "else `training`.")

    @property
    def resolved_security_group(self) -> str:
        if self.security_group:
            return self.security_group
        return "serving" if self.workload_type in ("inference", "serving") else "training"


class ServiceConfig(EasServiceProps):
    """`[services.<key>]`: a PAI-EAS service; `service_name` defaults to `<name>_<key>` (`-` → `_`): EAS names are
    unique per region of the account, so two environments never share one. A `model_path` without a scheme
    (`fraud-detection/v1/`) is a path in the `[models]` bucket."""

    in_vpc: bool = Field(True, description="Run inside the platform VPC with the serving security group. "
                                           "Default: `true`.")


class RegistryConfig(ImageRegistryProps):
    """`[registry]`: the team images in ACR Enterprise Edition, reached from the platform VPC.

    `instance_name` defaults to `ml-<name>-<name_suffix>` (it names the registry domains, so it is unique).
    """


class NotebooksConfig(NotebookReaperProps):
    """`[notebooks]`: the evening DSW notebook reaper; `function_name` defaults to `ml-<name>-notebook-reaper`.

    `workspace_id` defaults to the platform's `[workspace]`; without one, set it.
    """


class RagConfig(RagTierProps):
    """`[rag]`: the RAG tier; `store.name` defaults to `ml-<name>-rag`, `ingestion.bucket` to
    `ml-<name>-rag-docs-<name_suffix>` and `ingestion.function_name` to `ml-<name>-rag-ingest`."""


class ModelsConfig(ModelBucketProps):
    """`[models]`: the platform's model bucket (private, versioned, encrypted); `bucket` defaults to
    `ml-<name>-models-<name_suffix>`, `prevent_destroy` to the environment being production."""


class WorkspaceConfig(PaiWorkspaceProps):
    """`[workspace]`: the PAI workspace; `workspace_name` defaults to `ml_<name>` (`-` → `_`)."""


class MlPlatformProps(FrozenModel):
    """The pieces of one ML platform; `PlatformConfig` (a TOML file) is one of these with names derived."""

    region: RegionId = Field(description="Region, e.g. `cn-shanghai`. Required.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags on every taggable resource. Default: none.")
    network: MlNetworkProps
    security: SecurityConfig
    cluster: AckClusterProps
    system_pool: SystemNodePoolProps = Field(default_factory=SystemNodePoolProps, description=(
        "The untainted, fixed-size CPU pool for CoreDNS and the add-ons (every cluster needs one). "
        "Default: 2 × `ecs.g7.xlarge` over every zone."))
    node_pools: dict[str, NodePoolConfig] = Field(default_factory=dict, description="GPU pools by key.")
    cpfs: CpfsFileSystemProps | None = Field(None, description="CPFS for training data. Default: none.")
    services: dict[str, ServiceConfig] = Field(default_factory=dict, description="EAS services by key.")
    models: ModelsConfig | None = Field(None, description=(
        "The model bucket the platform creates; services name paths in it (`model_path = \"fraud/v1/\"`). "
        "Default: none - services then point at buckets you create."))
    iam: WorkloadRolesProps
    observability: ObservabilityProps
    registry: RegistryConfig | None = Field(None, description=(
        "Team images: ACR EE instance, namespace, repositories, VPC endpoint, CI push role. Default: none (off)."))
    notebooks: NotebooksConfig | None = Field(None, description=(
        "Evening DSW notebook reaper (FC 3.0 timer function). Default: none (off)."))
    workspace: WorkspaceConfig | None = Field(None, description=(
        "PAI workspace with datasets, code source, members and an experiment. Default: none (off)."))
    rag: RagConfig | None = Field(None, description=(
        "RAG tier: AnalyticDB vector store, document ingestion, generation endpoint (docs/rag.md). Default: none "
        "(off)."))

    @model_validator(mode="after")
    def _cross_section(self) -> Self:
        errors: list[ValueError] = []
        training, serving = self.security.training.security_group_type, self.security.serving.security_group_type
        if training != serving:
            errors.append(fail("security.serving.security_group_type", f"{serving!r} differs from the training "
                               f"group's {training!r}: nodes join the cluster's group too, and one node cannot join "
                               "a basic and an enterprise group", training))
        elif self.cluster.security_group_type != training:
            errors.append(fail("cluster.security_group_type", f"{self.cluster.security_group_type!r} differs from the "
                               f"workload groups' {training!r}", training, "omit it; it follows the workload groups"))
        if self.network.region != self.region:
            errors.append(fail("network.region", f"{self.network.region!r} differs from region {self.region!r}",
                               self.region, "omit network.region; it defaults to region"))
        zones = set(self.network.zones)
        accepted = ", ".join(self.network.zones)
        if self.cpfs and self.cpfs.zone and self.cpfs.zone not in zones:
            errors.append(fail("cpfs.zone", f"zone {self.cpfs.zone!r} has no vSwitch in network.zones", accepted))
        for key, pool in self.node_pools.items():
            for i, zone in enumerate(pool.zones or ()):
                if zone not in zones:
                    errors.append(fail(f"node_pools.{key}.zones[{i}]", f"zone {zone!r} is not in network.zones",
                                       accepted))
            if pool.gpu_schedule in SHARED_GPU_MODES and not self.cluster.shared_gpu_scheduling:
                errors.append(fail(f"node_pools.{key}.gpu_schedule", f"{pool.gpu_schedule!r} needs ack-ai-installer",
                                   "default", "or set cluster.shared_gpu_scheduling = true"))
            if pool.checkpoint_target and pool.checkpoint_target.startswith("cpfs://") and self.cpfs is None:
                errors.append(fail(f"node_pools.{key}.checkpoint_target", "points at CPFS but [cpfs] is not "
                                   "configured", "oss://<bucket>/<path>", "or add a [cpfs] section"))
        if self.notebooks is not None and self.notebooks.workspace_id is None and self.workspace is None:
            errors.append(fail("notebooks.workspace_id", "no workspace to reap", "a PAI workspace id (ws-...)",
                               "or add a [workspace] section"))
        join_errors(errors)
        return self


