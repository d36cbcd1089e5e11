"""`MlPlatform` (L3): a complete, policy-clean ML platform from one `PlatformConfig`.

Only wiring lives here: network → security groups → storage → roles → logs → cluster →
GPU pools → EAS services. Each piece's behaviour and defaults belong to its own L2.
"""

from __future__ import annotations

from typing import TypeVar
from urllib.parse import urlparse

from constructs import Construct
from pydantic import BaseModel

from alicloud_ml._cdk import TerraformOutput
from alicloud_ml.config import PlatformConfig
from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.constructs.iam import WorkloadRoles
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.constructs.node_pool import GpuNodePool
from alicloud_ml.constructs.observability import Observability
from alicloud_ml.constructs.security import ServingSecurityGroup, TrainingSecurityGroup
from alicloud_ml.constructs.serving import EasService
from alicloud_ml.constructs.storage import CpfsFileSystem

M = TypeVar("M", bound=BaseModel)


def _tagged(props: M, tags: dict[str, str]) -> M:
    """`props` with the platform-wide tags under its own (its own win)."""
    return props.model_copy(update={"tags": {**tags, **props.tags}}) if tags else props  # type: ignore[attr-defined]


def _oss_bucket(url: str | None) -> str | None:
    parsed = urlparse(url or "")
    return parsed.netloc if parsed.scheme == "oss" and parsed.netloc else None


class MlPlatform(Construct):
    """Everything one environment needs. Attributes mirror the L2s: `network`, `training_security_group`,
    `serving_security_group`, `cpfs` (or None), `roles`, `observability`, `cluster`, `node_pools`
    (key → GpuNodePool), `services` (key → EasService)."""

    def __init__(self, scope: Construct, id: str, *, config: PlatformConfig) -> None:
        super().__init__(scope, id)
        c = self.config = config
        self.network = MlNetwork(self, "Network", props=_tagged(c.network, c.tags))
        self.training_security_group = TrainingSecurityGroup(self, "TrainingSecurityGroup", network=self.network,
                                                             props=_tagged(c.security.training, c.tags))
        self.serving_security_group = ServingSecurityGroup(self, "ServingSecurityGroup", network=self.network,
                                                           props=_tagged(c.security.serving, c.tags))
        self.cpfs = CpfsFileSystem(self, "Cpfs", network=self.network, props=_tagged(c.cpfs, c.tags)) if c.cpfs else None

        model_buckets = [*c.iam.model_buckets]
        data_buckets = [*c.iam.data_buckets]
        for service in c.services.values():
            if (bucket := _oss_bucket(service.model_path)) and bucket not in model_buckets:
                model_buckets.append(bucket)
        for pool in c.node_pools.values():
            if (bucket := _oss_bucket(pool.checkpoint_target)) and bucket not in data_buckets:
                data_buckets.append(bucket)
        self.roles = WorkloadRoles(
            self, "Roles", props=_tagged(c.iam, c.tags).model_copy(update={"model_buckets": tuple(model_buckets),
                                                          "data_buckets": tuple(data_buckets)}),
            file_system_ids=[self.cpfs.file_system_id] if self.cpfs else [])
        self.observability = Observability(self, "Observability", props=_tagged(c.observability, c.tags))
        self.cluster = AckCluster(
            self, "Cluster", network=self.network, worker_role=self.roles.worker_role,
            props=_tagged(c.cluster, c.tags).model_copy(update={"log_project": c.cluster.log_project or c.observability.project_name}))

        groups = {"training": self.training_security_group, "serving": self.serving_security_group}
        self.node_pools = {
            key: GpuNodePool(self, f"Pool-{key}", cluster=self.cluster, props=_tagged(pool, c.tags),
                             security_group=groups[pool.resolved_security_group])
            for key, pool in c.node_pools.items()
        }
        self.services = {
            key: EasService(self, f"Service-{key}",
                            props=svc if svc.role_arn else svc.model_copy(update={"role_arn": self.roles.serving_role.arn}),
                            network=self.network if svc.in_vpc else None,
                            security_group=self.serving_security_group if svc.in_vpc else None)
            for key, svc in c.services.items()
        }
        TerraformOutput(self, "vpc_id", value=self.network.vpc_id)
        TerraformOutput(self, "cluster_id", value=self.cluster.cluster_id)
