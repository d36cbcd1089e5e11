"""`ImageRegistry`: the team's images in Container Registry Enterprise Edition, pulled over the VPC.

Why: every notebook, training job and EAS service should run the same dependencies, from images
the team pushes once ("custom team images"). Facts, each from its source:

- The instance is `alicloud_cr_ee_instance`: editions `Basic`, `Standard`, `Advanced` (and
  `Economy`), `payment_type` only `Subscription`, `instance_name` force-new
  (provider `website/docs/r/cr_ee_instance.html.markdown` at v1.289.0).
- A new Enterprise Edition instance admits no traffic: "New instances block all traffic by default.
  Pull and push operations fail until you enable at least one access mode"; VPC and internet access
  are independent ACLs (https://www.alibabacloud.com/help/en/acr/user-guide/network-access-control-overview).
- VPC access is `alicloud_cr_vpc_endpoint_linked_vpc` (`module_name = "Registry"`,
  `enable_create_dns_record_in_pvzt` creates the PrivateZone record that makes the VPC domain
  resolve inside the VPC; provider `website/docs/r/cr_vpc_endpoint_linked_vpc.html.markdown`).
- Internet access is `alicloud_cr_internet_endpoint`: creating it calls `UpdateInstanceEndpointStatus`
  with `Enable=true`, deleting it disables the endpoint, and "Removing all user-managed entries
  exposes the instance to the Internet" (provider `alicloud/resource_alicloud_cr_internet_endpoint.go`
  and its doc). So the default is no such resource at all, and public access, when asked for,
  needs at least one CIDR and never `0.0.0.0/0` (ALIML_024 checks the synthesized result).
- Domains: `<instance name>-registry.<region>.cr.aliyuncs.com` on the internet
  (https://www.alibabacloud.com/help/en/acr/user-guide/configure-access-credentials, `docker login`
  example). The VPC domain is read from the instance itself: `instance_endpoints` (computed since
  v1.240.0) lists each endpoint's `endpoint_type` and `domains`, and the provider's own data source
  takes the VPC domains from the endpoint of type `vpc` (alicloud/data_source_alicloud_cr_ee_instances.go);
  README "Assumptions" for which domain comes first. Node pools and EAS pull from `vpc_domain`.
- Nodes pull the private repositories without image pull secrets through ACK's managed
  `managed-aliyun-acr-credential-helper` add-on (the add-on name: provider cs_managed_kubernetes and
  cs_kubernetes_node_pool docs at v1.289.0): it fetches temporary credentials from the instance named in
  its config and attaches them to the listed service accounts in the listed namespaces, whose defaults
  are `default`/`default` (ACR "Use the passwordless component to pull images",
  https://www.alibabacloud.com/help/en/acr/user-guide/non-secret-pulling-container-image). Its config
  keys are README "Assumptions"; the `AliyunCSManagedAcrRole` authorization it needs is a once-per-account
  prerequisite (README "Prerequisites").
- CI pushes with a RAM role it assumes (no AccessKey): the role trusts an OIDC provider (`oidc:aud`,
  `oidc:iss`, `oidc:sub` conditions, as `iam.py` does for RRSA) or a RAM principal ARN. Its policy
  allows `cr:GetAuthorizationToken` on `*` (the API has no resource-level ARN) and
  `cr:PullRepository` / `cr:PushRepository` on `acs:cr:<region>:*:repository/<instance id>/<namespace>/*`
  only (ARN formats and actions: https://help.aliyun.com/document_detail/144229.htm; the
  push/pull action set: https://www.alibabacloud.com/help/en/acr/user-guide/configure-access-credentials).
  A temporary password from GetAuthorizationToken is what `docker login` then uses ("Container
  Registry does not support role-based logon. Use a temporary password instead", same page).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from constructs import Construct

from alicloud_ml._cdk import TerraformOutput
from alicloud_ml.constructs.iam import role_with_policy
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.registry import ImageRegistryProps
from alicloud_ml.provider.cr import (
    CrEeInstance,
    CrEeNamespace,
    CrEeRepo,
    CrInternetEndpoint,
    CrInternetEndpointEntries,
    CrVpcEndpointLinkedVpc,
)
from alicloud_ml.provider.ram import RamRole

PUSH_ACTIONS = ("cr:PullRepository", "cr:PushRepository")
TOKEN_ACTION = "cr:GetAuthorizationToken"
#: The endpoint type of the VPC endpoint in `instance_endpoints` (see the module docstring).
VPC_ENDPOINT_TYPE = "vpc"
#: ACK's managed password-free pull component (see the module docstring).
CREDENTIAL_HELPER_ADDON = "managed-aliyun-acr-credential-helper"


class ImageRegistry(Construct):
    """ACR EE instance + namespace + repositories, linked to the network's VPC; optional CI push role.

    Attributes: `instance`, `instance_id`, `namespace`, `repositories` (name → CrEeRepo), `vpc_domain`,
    `public_domain`, `image_uri(repo, tag)`, `push_role` (or None), `push_policy_document` (or None).
    """

    def __init__(self, scope: Construct, id: str, *, props: ImageRegistryProps | Mapping[str, Any],
                 network: MlNetwork, zone: str | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(ImageRegistryProps, props, self.node.path)
        self.region = network.region
        self.instance = CrEeInstance(self, "Resource", instance_name=p.instance_name, instance_type=p.edition,
                                     payment_type="Subscription", period=p.period_months,
                                     renewal_status="AutoRenewal" if p.auto_renew else "ManualRenewal",
                                     renew_period=1 if p.auto_renew else None, tags=p.tags or None)
        self.namespace = CrEeNamespace(self, "Namespace", instance_id=self.instance.id, name=p.namespace,
                                       auto_create=False, default_visibility="PRIVATE")
        self.repositories = {
            name: CrEeRepo(self, f"Repo-{name}", instance_id=self.instance.id, namespace=self.namespace.name,
                           name=name, repo_type="PRIVATE", summary=f"team image {name}",
                           tag_immutability=p.tag_immutability)
            for name in p.repositories}
        self.vpc_link = CrVpcEndpointLinkedVpc(
            self, "VpcLink", instance_id=self.instance.id, vpc_id=network.vpc_id,
            vswitch_id=network.vswitch_for(zone, where=self.node.path).id, module_name="Registry",
            enable_create_dns_record_in_pvzt=True)
        self.internet_endpoint = (
            CrInternetEndpoint(self, "InternetEndpoint", instance_id=self.instance.id, entries=[
                CrInternetEndpointEntries(entry=cidr, comment="registry.public_cidrs") for cidr in p.public_cidrs])
            if p.public_cidrs else None)
        self.push_role: RamRole | None = None
        self.push_policy_document: dict[str, Any] | None = None
        if p.ci:
            self.push_role, self.push_policy_document = self._push_role(p)
        TerraformOutput(self, "vpc_domain", value=self.vpc_domain,
                        description="Registry domain inside the VPC: node pools and EAS pull images from here")

    @property
    def instance_id(self) -> str:
        return self.instance.id

    @property
    def vpc_domain(self) -> str:
        """The VPC endpoint's domain as the instance reports it (an expression resolved at apply)."""
        address = f"{self.instance.terraform_resource_type}.{self.instance.friendly_unique_id}"
        domains = (f"flatten([for e in {address}.instance_endpoints : [for d in e.domains : d.domain] "
                   f'if e.endpoint_type == "{VPC_ENDPOINT_TYPE}"])')
        return "${try(" + domains + "[0], null)}"

    def credential_helper_config(self, namespaces: Sequence[str], service_accounts: Sequence[str]) -> dict[str, Any]:
        """Config of `CREDENTIAL_HELPER_ADDON` so pods running as `service_accounts` in `namespaces` pull from this
        instance without image pull secrets (keys: README "Assumptions")."""
        return {"AcrInstanceInfo": [{"instanceId": self.instance.id, "regionId": self.region}],
                "watchNamespace": ",".join(dict.fromkeys(namespaces)),
                "serviceAccount": ",".join(dict.fromkeys(service_accounts))}

    @property
    def public_domain(self) -> str:
        return f"{self.props.instance_name}-registry.{self.region}.cr.aliyuncs.com"

    def image_uri(self, repository: str, tag: str) -> str:
        """`<vpc domain>/<namespace>/<repository>:<tag>`, for notebooks, jobs and EAS containers."""
        if repository not in self.repositories:
            raise KeyError(f"{self.node.path}: no repository {repository!r}; known: {', '.join(self.repositories)}")
        return f"{self.vpc_domain}/{self.props.namespace}/{repository}:{tag}"

    def _push_role(self, p: ImageRegistryProps) -> tuple[RamRole, dict[str, Any]]:
        ci = p.ci
        assert ci is not None
        if ci.oidc_provider_arn:
            trust: dict[str, Any] = {
                "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Federated": [ci.oidc_provider_arn]},
                "Condition": {"StringEquals": {"oidc:aud": ci.oidc_audience, "oidc:iss": ci.oidc_issuer,
                                               "oidc:sub": ci.oidc_subject}}}
        else:
            trust = {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": [ci.principal_arn]}}
        document: dict[str, Any] = {"Version": "1", "Statement": [
            {"Effect": "Allow", "Action": [TOKEN_ACTION], "Resource": ["*"]},
            {"Effect": "Allow", "Action": list(PUSH_ACTIONS),
             "Resource": [f"acs:cr:{self.region}:*:repository/{self.instance.id}/{p.namespace}/*"]},
        ]}
        role, _ = role_with_policy(
            self, "Push", name=f"{p.instance_name}-ci-push", trust=[trust], statements=document["Statement"],
            description=f"CI pushes team images to {p.instance_name}/{p.namespace}",
            policy_description="push and pull the team images, nothing else", tags=p.tags or None)
        TerraformOutput(self, "push_role_arn", value=role.arn, description="RAM role CI assumes to push images")
        return role, document
