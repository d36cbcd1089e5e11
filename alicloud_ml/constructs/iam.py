"""`WorkloadRoles`: one RAM role per workload (training, serving) that pods assume through RRSA.

Facts (ACK "Use RRSA to authorize pods to access different cloud services",
https://help.aliyun.com/zh/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services):
- a role trusts the cluster's OIDC provider (`Principal.Federated` = `acs:ram::<uid>:oidc-provider/ack-rrsa-<cluster>`)
  with `StringEquals` conditions `oidc:aud = sts.aliyuncs.com`, `oidc:iss = <issuer URL>` and
  `oidc:sub = system:serviceaccount:<namespace>:<service account>`;
- with the `ack-pod-identity-webhook` add-on, pods get the credentials when their namespace carries
  the label `pod-identity.alibabacloud.com/injection: 'on'` and their ServiceAccount the annotation
  `pod-identity.alibabacloud.com/role-name: <role name>`; `service_account_manifests()` emits both.

The serving role is also assumed by PAI-EAS (`role_arn` in the service config, "Configure the EAS
RAM role", https://www.alibabacloud.com/help/en/pai/user-guide/configure-the-eas-ram-role); its trusted
service `pai.aliyuncs.com` is listed in README "Assumptions".

OSS access is scoped to objects under a prefix (`acs:oss:*:*:<bucket>/<prefix>*`) and listing to that
prefix (`oss:ListObjects` on the bucket with `StringLike oss:Prefix`), as the OSS policy examples do
(https://www.alibabacloud.com/help/en/oss/user-guide/common-examples-of-bucket-policy). No statement
ever grants `*` on `*`, and a role whose scope is empty gets no policy rather than a broad one.
Nodes keep ACK's default worker role: pods never borrow it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from constructs import Construct

from alicloud_ml._cdk import TerraformOutput
from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.iam import ServiceAccountRef, WorkloadRolesProps
from alicloud_ml.provider.ram import RamPolicy, RamRole, RamRolePolicyAttachment

BUCKET_PATTERN = r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"
#: `bucket` or `bucket/prefix/` (a prefix ends in `/`).
OSS_PATH_PATTERN = r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9](/[^*?]*)?$"
OSS_READ = ("oss:GetObject",)
OSS_WRITE = ("oss:PutObject", "oss:DeleteObject", "oss:AbortMultipartUpload", "oss:ListParts")
OSS_LIST = ("oss:ListObjects",)
OIDC_AUDIENCE = "sts.aliyuncs.com"
INJECTION_LABEL = "pod-identity.alibabacloud.com/injection"
ROLE_ANNOTATION = "pod-identity.alibabacloud.com/role-name"
EAS_SERVICE = "pai.aliyuncs.com"


def oss_path(url_or_path: str) -> str:
    """`oss://bucket/prefix/` or `bucket/prefix/` → `bucket/prefix/`."""
    return url_or_path.removeprefix("oss://")


def oss_statements(actions: Sequence[str], paths: Sequence[str]) -> list[dict[str, Any]]:
    """Object actions on `<bucket>/<prefix>*`, plus listing limited to those prefixes."""
    if not paths:
        return []
    objects, listing = [], []
    by_bucket: dict[str, list[str]] = {}
    for path in map(oss_path, paths):
        bucket, _, prefix = path.partition("/")
        objects.append(f"acs:oss:*:*:{bucket}/{prefix}*")
        by_bucket.setdefault(bucket, []).append(prefix)
    for bucket, prefixes in by_bucket.items():
        statement = _statement(OSS_LIST, [f"acs:oss:*:*:{bucket}"])
        if all(prefixes):
            statement["Condition"] = {"StringLike": {"oss:Prefix": [f"{p}*" for p in prefixes]}}
        listing.append(statement)
    return [_statement(actions, objects), *listing]


def _statement(actions: Sequence[str], resources: Sequence[str]) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": list(actions), "Resource": list(resources)}


def service_trust(service: str) -> dict[str, Any]:
    """A trust statement that lets cloud service `service` (e.g. `fc.aliyuncs.com`) assume the role."""
    return {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": [service]}}


def role_with_policy(scope: Construct, prefix: str, *, name: str, trust: list[dict[str, Any]],
                     statements: list[dict[str, Any]] | None, description: str, policy_description: str,
                     tags: dict[str, str] | None, policy_name: str | None = None,
                     ) -> tuple[RamRole, RamRolePolicyAttachment | None]:
    """A RAM role (`<prefix>Role`) assumable only as `trust` says, with exactly `statements` in its own custom
    policy (`<prefix>Policy`, `<prefix>Attachment`); no policy at all when there are no statements."""
    role = RamRole(scope, f"{prefix}Role", role_name=name, description=description, tags=tags,
                   assume_role_policy_document=json.dumps({"Version": "1", "Statement": trust}))
    if not statements:
        return role, None
    policy = RamPolicy(scope, f"{prefix}Policy", policy_name=policy_name or name, description=policy_description,
                       policy_document=json.dumps({"Version": "1", "Statement": statements}), tags=tags)
    attachment = RamRolePolicyAttachment(scope, f"{prefix}Attachment", role_name=role.role_name,
                                         policy_name=policy.policy_name, policy_type="Custom")
    return role, attachment


def _oidc_trust(cluster: AckCluster, account: ServiceAccountRef) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Federated": [cluster.oidc_provider_arn]},
            "Condition": {"StringEquals": {"oidc:aud": OIDC_AUDIENCE, "oidc:iss": cluster.oidc_issuer_url,
                                           "oidc:sub": account.subject}}}


class WorkloadRoles(Construct):
    """RAM roles `training` and `serving`, trusted by the cluster's RRSA provider for one ServiceAccount each.

    Attributes: `roles` (workload → RamRole), `training_role`, `serving_role`, `policy_documents`
    (workload → dict, tokens unresolved) for tests and reviews, `service_account_manifests()`.
    """

    def __init__(self, scope: Construct, id: str, *, props: WorkloadRolesProps | Mapping[str, Any],
                 cluster: AckCluster) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(WorkloadRolesProps, props, self.node.path)
        self.cluster = cluster
        statements: dict[str, list[dict[str, Any]]] = {
            "training": [*oss_statements(OSS_READ + OSS_WRITE, list(dict.fromkeys([*p.checkpoint_paths,
                                                                                  *p.model_buckets]))),
                         *oss_statements(OSS_READ, p.data_buckets)],
            "serving": oss_statements(OSS_READ, p.model_paths),
        }
        accounts = {"training": p.training_service_account, "serving": p.serving_service_account}
        self.roles: dict[str, RamRole] = {}
        self.policy_documents: dict[str, dict[str, Any]] = {}
        for workload, stmts in statements.items():
            title = workload.capitalize()
            trust = [_oidc_trust(cluster, accounts[workload])]
            if workload == "serving":
                trust.append(service_trust(EAS_SERVICE))
            self.roles[workload], _ = role_with_policy(
                self, title, name=f"{p.name_prefix}-{workload}", trust=trust, statements=stmts,
                description=f"{workload} workloads of {p.name_prefix}",
                policy_description=f"least-privilege access for {workload}", tags=p.tags or None)
            if stmts:
                self.policy_documents[workload] = {"Version": "1", "Statement": stmts}
        TerraformOutput(self, "service_accounts", value=json.dumps(self.service_account_manifests()),
                        description="Kubernetes Namespaces and ServiceAccounts (JSON list) whose pods assume the "
                                    "workload roles through RRSA")

    @property
    def training_role(self) -> RamRole:
        return self.roles["training"]

    @property
    def serving_role(self) -> RamRole:
        return self.roles["serving"]

    def service_account_manifests(self) -> list[dict[str, Any]]:
        """Namespace (injection label) + ServiceAccount (role annotation) per workload, for `kubectl apply`."""
        p = self.props
        accounts = (("training", p.training_service_account), ("serving", p.serving_service_account))
        namespaces = dict.fromkeys(account.namespace for _, account in accounts)
        out: list[dict[str, Any]] = [{"apiVersion": "v1", "kind": "Namespace",
                                      "metadata": {"name": ns, "labels": {INJECTION_LABEL: "on"}}} for ns in namespaces]
        for workload, account in accounts:
            out.append({"apiVersion": "v1", "kind": "ServiceAccount",
                        "metadata": {"name": account.name, "namespace": account.namespace,
                                     "annotations": {ROLE_ANNOTATION: f"{p.name_prefix}-{workload}"}}})
        return out
