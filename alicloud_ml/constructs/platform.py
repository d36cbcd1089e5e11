"""`MlPlatform` (L3): a complete, policy-clean ML platform from validated `MlPlatformProps`.

A platform TOML file (`alicloud_ml.config.PlatformConfig`) is such props with its names derived.

Only wiring lives here: network → security groups → logs → cluster (+ its system pool) → storage →
workload roles → GPU pools → (optional) model bucket → EAS services → (optional) PAI workspace, image
registry (+ the cluster's password-free pull add-on for the workload service accounts), notebook reaper,
RAG tier.
Each piece's behaviour and defaults belong to its own L2.
"""

from __future__ import annotations

from typing import TypeVar
from urllib.parse import urlparse

from constructs import Construct
from pydantic import BaseModel

from alicloud_ml._cdk import TerraformOutput
from alicloud_ml.constructs.buckets import ModelBucket
from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.constructs.iam import WorkloadRoles
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.constructs.node_pool import GpuNodePool
from alicloud_ml.constructs.notebooks import NotebookReaper
from alicloud_ml.constructs.observability import Observability
from alicloud_ml.constructs.rag_tier import RagTier
from alicloud_ml.constructs.registry import CREDENTIAL_HELPER_ADDON, ImageRegistry
from alicloud_ml.constructs.security import ServingSecurityGroup, TrainingSecurityGroup
from alicloud_ml.constructs.serving import EasService
from alicloud_ml.constructs.storage import CpfsFileSystem
from alicloud_ml.constructs.system_pool import SystemNodePool
from alicloud_ml.constructs.workspace import PaiWorkspace
from alicloud_ml.props.platform import MlPlatformProps

M = TypeVar("M", bound=BaseModel)


def _tagged(props: M, tags: dict[str, str]) -> M:
    """`props` with the platform-wide tags under its own (its own win)."""
    return props.model_copy(update={"tags": {**tags, **props.tags}}) if tags else props  # type: ignore[attr-defined]


def _oss_path(url: str | None) -> str | None:
    """`oss://bucket/prefix/` → `bucket/prefix/`; None for other schemes."""
    parsed = urlparse(url or "")
    return f"{parsed.netloc}{parsed.path}".rstrip("*") if parsed.scheme == "oss" and parsed.netloc else None


class MlPlatform(Construct):
    """Everything one environment needs. Attributes mirror the L2s: `network`, `training_security_group`,
    `serving_security_group`, `observability`, `cluster`, `system_pool`, `cpfs` (or None), `roles`,
    `node_pools` (key → GpuNodePool), `services` (key → EasService), and, when their sections are set,
    `models` (ModelBucket), `workspace` (PaiWorkspace), `registry` (ImageRegistry), `notebook_reaper`
    (NotebookReaper), `rag` (RagTier); else None."""

    def __init__(self, scope: Construct, id: str, *, props: MlPlatformProps) -> None:
        super().__init__(scope, id)
        c = self.props = props
        self.network = MlNetwork(self, "Network", props=_tagged(c.network, c.tags))
        self.training_security_group = TrainingSecurityGroup(self, "TrainingSecurityGroup", network=self.network,
                                                             props=_tagged(c.security.training, c.tags))
        self.serving_security_group = ServingSecurityGroup(self, "ServingSecurityGroup", network=self.network,
                                                           props=_tagged(c.security.serving, c.tags))
        self.observability = Observability(self, "Observability", props=_tagged(c.observability, c.tags))
        self.cluster = AckCluster(self, "Cluster", network=self.network, log_project=self.observability.project,
                                  props=_tagged(c.cluster, c.tags))
        self.system_pool = SystemNodePool(self, "SystemPool", cluster=self.cluster, props=_tagged(c.system_pool, c.tags))
        self.cpfs = CpfsFileSystem(self, "Cpfs", network=self.network, props=_tagged(c.cpfs, c.tags)) if c.cpfs else None

        model_paths = [p for s in c.services.values() if (p := _oss_path(s.model_path))]
        model_buckets = [*c.iam.model_buckets, *(p.split("/", 1)[0] for p in model_paths)]
        checkpoints = [p for pool in c.node_pools.values() if (p := _oss_path(pool.checkpoint_target))]
        self.roles = WorkloadRoles(self, "Roles", cluster=self.cluster, props=_tagged(c.iam, c.tags).model_copy(update={
            "model_buckets": tuple(dict.fromkeys(model_buckets)),
            "model_paths": tuple(dict.fromkeys([*c.iam.model_paths, *model_paths])),
            "checkpoint_paths": tuple(dict.fromkeys([*c.iam.checkpoint_paths, *checkpoints]))}))

        groups = {"training": self.training_security_group, "serving": self.serving_security_group}
        self.node_pools = {
            key: GpuNodePool(self, f"Pool-{key}", cluster=self.cluster, props=_tagged(pool, c.tags),
                             security_group=groups[pool.resolved_security_group])
            for key, pool in c.node_pools.items()
        }
        self.models = ModelBucket(self, "Models", props=_tagged(c.models, c.tags)) if c.models else None
        self.services = {
            key: EasService(self, f"Service-{key}",
                            props=svc if svc.role_arn else svc.model_copy(update={"role_arn": self.roles.serving_role.arn}),
                            network=self.network if svc.in_vpc else None,
                            security_group=self.serving_security_group if svc.in_vpc else None)
            for key, svc in c.services.items()
        }
        self.workspace = (PaiWorkspace(self, "Workspace", region=c.region, cpfs=self.cpfs, props=c.workspace)
                          if c.workspace else None)
        self.registry = (ImageRegistry(self, "Registry", network=self.network, props=_tagged(c.registry, c.tags))
                         if c.registry else None)
        if self.registry is not None:  # the workload pods pull the team images without image pull secrets
            accounts = (c.iam.training_service_account, c.iam.serving_service_account)
            self.cluster.ensure_addon(CREDENTIAL_HELPER_ADDON, config=self.registry.credential_helper_config(
                [a.namespace for a in accounts], [a.name for a in accounts]))
        self.notebook_reaper = (
            NotebookReaper(self, "NotebookReaper", region=c.region, log_project=self.observability.project.project_name,
                           workspace_id=self.workspace.workspace_id if self.workspace else None,
                           props=_tagged(c.notebooks, c.tags))
            if c.notebooks else None)
        self.rag = (RagTier(self, "Rag", network=self.network, security_group=self.serving_security_group,
                            log_project=self.observability.project.project_name, props=_tagged(c.rag, c.tags))
                    if c.rag else None)
        TerraformOutput(self, "vpc_id", value=self.network.vpc_id)
        TerraformOutput(self, "cluster_id", value=self.cluster.cluster_id)
