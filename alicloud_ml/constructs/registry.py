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
  example) and `<instance name>-registry-vpc.<region>.cr.aliyuncs.com` inside a linked VPC
  (the same form the PAI docs use for their own `dsw-registry-vpc.<region>.cr.aliyuncs.com`; README
  "Notebooks and images", assumption). Node pools and EAS pull from `vpc_domain`.
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

import ipaddress
from collections.abc import Mapping
from typing import Any, Literal, Self

from constructs import Construct
from pydantic import Field, field_validator, model_validator

from alicloud_ml._cdk import TerraformOutput
from alicloud_ml.constructs._props import WORLD, FrozenModel, fail, join_errors, resolve_props
from alicloud_ml.constructs.iam import role_with_policy
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.provider.cr import (
    CrEeInstance, CrEeNamespace, CrEeRepo, CrInternetEndpoint, CrInternetEndpointEntries, CrVpcEndpointLinkedVpc,
)
from alicloud_ml.provider.ram import RamRole

#: ACR EE instance names: 3-30 characters, lowercase letters, digits and hyphens (CreateInstance,
#: https://www.alibabacloud.com/help/doc-detail/208144.htm: "can be 3 to 30 characters in length").
INSTANCE_NAME_PATTERN = r"^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$"
#: Namespaces and repositories: 2-120 characters, lowercase letters, digits, `_`, `-`, `.`, not starting
#: or ending with a delimiter (provider `website/docs/r/cr_ee_namespace.html.markdown`).
CR_NAME_PATTERN = r"^[a-z0-9]([a-z0-9._-]{0,118}[a-z0-9])?$"
PUSH_ACTIONS = ("cr:PullRepository", "cr:PushRepository")
TOKEN_ACTION = "cr:GetAuthorizationToken"
OIDC_AUDIENCE_DEFAULT = "sts.aliyuncs.com"


class CiPushRole(FrozenModel):
    """`[registry.ci]`: who may assume the push role. Exactly one of `oidc_provider_arn` and `principal_arn`."""

    oidc_provider_arn: str | None = Field(None, pattern=r"^acs:ram::\d+:oidc-provider/[\w.-]+$", description=(
        "RAM OIDC identity provider the CI's tokens come from, e.g. `acs:ram::123456789012:oidc-provider/github`. "
        "Default: none."))
    oidc_issuer: str | None = Field(None, pattern=r"^https://\S+$", description="`oidc:iss` the token must carry "
                                    "(e.g. `https://token.actions.githubusercontent.com`). Required with "
                                    "`oidc_provider_arn`.")
    oidc_subject: str | None = Field(None, min_length=1, description="`oidc:sub` the token must carry, e.g. "
                                     "`repo:team/images:ref:refs/heads/main`. Required with `oidc_provider_arn`.")
    oidc_audience: str = Field(OIDC_AUDIENCE_DEFAULT, description="`oidc:aud`. Default: `sts.aliyuncs.com`.")
    principal_arn: str | None = Field(None, pattern=r"^acs:ram::\d+:(role|user)/[\w.@-]+$", description=(
        "A RAM role or user ARN that assumes the push role (a CI runner's instance role). Default: none."))

    @model_validator(mode="after")
    def _one_trust(self) -> Self:
        errors: list[ValueError] = []
        if (self.oidc_provider_arn is None) == (self.principal_arn is None):
            errors.append(fail("oidc_provider_arn", "set exactly one of oidc_provider_arn and principal_arn",
                               hint="CI assumes the role through OIDC or as a RAM principal; never with keys"))
        if self.oidc_provider_arn and not (self.oidc_issuer and self.oidc_subject):
            errors.append(fail("oidc_subject", "oidc_provider_arn needs oidc_issuer and oidc_subject",
                               hint="without a subject condition any workflow of the provider could push"))
        join_errors(errors)
        return self


class ImageRegistryProps(FrozenModel):
    """Props of `ImageRegistry`."""

    instance_name: str = Field(pattern=INSTANCE_NAME_PATTERN, description=(
        "ACR EE instance name (3-30 lowercase chars; it is the first label of the registry domains, force-new). "
        "Required."))
    edition: Literal["Basic", "Standard", "Advanced"] = Field("Standard", description=(
        "`instance_type` (provider doc cr_ee_instance). Default: `Standard`; `Basic` for a trial, `Advanced` for "
        "many teams or regions. Fixed after creation."))
    period_months: int = Field(1, ge=1, le=36, description="Subscription period in months (`period`; the only "
                                                           "payment type is Subscription). Default: `1`.")
    auto_renew: bool = Field(True, description="`renewal_status = AutoRenewal` (the registry outlives one period). "
                                               "Default: `true`.")
    namespace: str = Field("ml", pattern=CR_NAME_PATTERN, description="Namespace of the team images. "
                                                                      "Default: `ml`.")
    repositories: tuple[str, ...] = Field(("notebook", "training", "serving"), description=(
        "Private repositories, one per team image. Default: `notebook`, `training`, `serving`."))
    tag_immutability: bool = Field(True, description="Pushed tags cannot be overwritten (`tag_immutability`): a "
                                                     "run records which image it used. Default: `true`.")
    public_cidrs: tuple[str, ...] = Field((), description=(
        "Open the internet endpoint to these CIDRs (`alicloud_cr_internet_endpoint`). Default: none - no internet "
        "endpoint; pulls and pushes go through the VPC."))
    ci: CiPushRole | None = Field(None, description="Who assumes the CI push role. Default: none (no push role).")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")

    @field_validator("repositories")
    @classmethod
    def _repo_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        import re

        bad = [r for r in value if not re.fullmatch(CR_NAME_PATTERN, r)]
        if bad:
            raise fail("", f"invalid repository name(s) {', '.join(map(repr, bad))}", f"text matching {CR_NAME_PATTERN}")
        if len(set(value)) != len(value):
            raise fail("", "repository names repeat", "distinct names")
        return value

    @field_validator("public_cidrs")
    @classmethod
    def _no_world(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for cidr in value:
            if cidr.strip() in WORLD:
                raise fail("", f"{cidr!r} opens the registry to the whole internet",
                           "the CIDRs of your CI runners or offices, e.g. 203.0.113.0/24",
                           "or leave public_cidrs empty and push from inside the VPC")
            try:
                ipaddress.ip_network(cidr, strict=True)
            except ValueError:
                raise fail("", f"invalid CIDR {cidr!r}", "an IPv4 network such as 203.0.113.0/24") from None
        return value


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
        return f"{self.props.instance_name}-registry-vpc.{self.region}.cr.aliyuncs.com"

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
