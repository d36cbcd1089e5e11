"""`WorkloadRoles`: one RAM role per workload (training, serving, cluster workers).

Each role gets a custom policy scoped to the named buckets (`acs:oss:*:*:<bucket>/*`) and file
systems (`acs:nas:*:*:filesystem/<id>`); no statement ever grants `*` on `*`, and a role whose
scope is empty gets no policy at all rather than a broad one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from constructs import Construct
from pydantic import Field

from alicloud_ml.constructs._props import FrozenModel, resolve_props
from alicloud_ml.provider.ram import RamPolicy, RamRole, RamRolePolicyAttachment

BUCKET_PATTERN = r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"
OSS_READ = ("oss:GetObject", "oss:ListObjects", "oss:GetBucketInfo")
OSS_WRITE = ("oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts")
NAS_USE = ("nas:DescribeFileSystems", "nas:DescribeMountTargets", "nas:DescribeProtocolMountTarget")

# Which cloud service may assume each role.
TRUSTED_SERVICE = {"training": "ecs.aliyuncs.com", "serving": "pai.aliyuncs.com", "workers": "ecs.aliyuncs.com"}


class WorkloadRolesProps(FrozenModel):
    """Props of `WorkloadRoles`."""

    name_prefix: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9-]{0,40}$", description="Role/policy name prefix. Required.")
    data_buckets: tuple[str, ...] = Field((), description="Buckets training reads and writes (datasets, "
                                                          "checkpoints). Default: none.")
    model_buckets: tuple[str, ...] = Field((), description="Buckets holding models: training writes, serving "
                                                           "reads. Default: none.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")


def oss_resources(buckets: Sequence[str]) -> list[str]:
    return [arn for b in buckets for arn in (f"acs:oss:*:*:{b}", f"acs:oss:*:*:{b}/*")]


def nas_resources(file_system_ids: Sequence[str]) -> list[str]:
    return [f"acs:nas:*:*:filesystem/{fs}" for fs in file_system_ids]


def _statement(actions: Sequence[str], resources: Sequence[str]) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": list(actions), "Resource": list(resources)}


def trust_policy(service: str) -> str:
    return json.dumps({"Version": "1", "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": [service]}}]})


class WorkloadRoles(Construct):
    """RAM roles `training`, `serving`, `workers`, each scoped to its buckets and file systems.

    Attributes: `roles` (workload → RamRole), `training_role`, `serving_role`, `worker_role`,
    `policy_documents` (workload → dict, tokens unresolved) for tests and reviews.
    """

    def __init__(self, scope: Construct, id: str, *, props: WorkloadRolesProps | Mapping[str, Any],
                 file_system_ids: Sequence[str] = ()) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(WorkloadRolesProps, props, self.node.path)
        all_buckets = [*p.data_buckets, *(b for b in p.model_buckets if b not in p.data_buckets)]
        statements: dict[str, list[dict[str, Any]]] = {
            "training": [s for s in (
                _statement(OSS_READ + OSS_WRITE, oss_resources(all_buckets)) if all_buckets else None,
                _statement(NAS_USE, nas_resources(file_system_ids)) if file_system_ids else None) if s],
            "serving": [_statement(OSS_READ, oss_resources(p.model_buckets))] if p.model_buckets else [],
            "workers": [_statement(NAS_USE, nas_resources(file_system_ids))] if file_system_ids else [],
        }
        self.roles: dict[str, RamRole] = {}
        self.policy_documents: dict[str, dict[str, Any]] = {}
        for workload, stmts in statements.items():
            title = workload.capitalize()
            role = RamRole(self, f"{title}Role", role_name=f"{p.name_prefix}-{workload}",
                           assume_role_policy_document=trust_policy(TRUSTED_SERVICE[workload]),
                           description=f"{workload} workloads of {p.name_prefix}", tags=p.tags or None)
            self.roles[workload] = role
            if not stmts:
                continue
            document = {"Version": "1", "Statement": stmts}
            self.policy_documents[workload] = document
            policy = RamPolicy(self, f"{title}Policy", policy_name=f"{p.name_prefix}-{workload}",
                               policy_document=json.dumps(document),
                               description=f"least-privilege access for {workload}", tags=p.tags or None)
            RamRolePolicyAttachment(self, f"{title}Attachment", role_name=role.role_name,
                                    policy_name=policy.policy_name, policy_type="Custom")

    @property
    def training_role(self) -> RamRole:
        return self.roles["training"]

    @property
    def serving_role(self) -> RamRole:
        return self.roles["serving"]

    @property
    def worker_role(self) -> RamRole:
        return self.roles["workers"]
