"""Props of `alicloud_ml.constructs.registry` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

import ipaddress
from typing import Literal, Self

from pydantic import Field, field_validator, model_validator

from alicloud_ml.props.base import WORLD, FrozenModel, fail, join_errors

#: ACR EE instance names: 3-30 characters, lowercase letters, digits and hyphens (CreateInstance,
#: https://www.alibabacloud.com/help/doc-detail/208144.htm: "can be 3 to 30 characters in length").
INSTANCE_NAME_PATTERN = r"^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$"

#: Namespaces and repositories: 2-120 characters, lowercase letters, digits, `_`, `-`, `.`, not starting
#: or ending with a delimiter (provider `website/docs/r/cr_ee_namespace.html.markdown`).
CR_NAME_PATTERN = r"^[a-z0-9]([a-z0-9._-]{0,118}[a-z0-9])?$"

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
    runner_in_vpc: bool = Field(False, description=(
        "States that the pushing runner runs inside the platform VPC, so it reaches the registry's VPC endpoint "
        "and `public_cidrs` may stay empty. Default: `false` - then `public_cidrs` must list the runners' egress "
        "CIDRs: a new instance admits no traffic until an access mode is on."))

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

    @model_validator(mode="after")
    def _ci_can_reach_the_registry(self) -> Self:
        """A new ACR EE instance blocks all traffic until an access mode is on ("New instances block all traffic
        by default", https://www.alibabacloud.com/help/en/acr/user-guide/network-access-control-overview), and this
        registry opens only its VPC endpoint unless `public_cidrs` are set: a runner outside the VPC cannot push."""
        if self.ci is not None and not self.public_cidrs and not self.ci.runner_in_vpc:
            raise fail("ci", "a CI push role but no way for the runner to reach the registry: the instance is "
                       "VPC-only", "public_cidrs = [\"<runners' egress CIDR>\"], or ci.runner_in_vpc = true",
                       "hosted runners push over the internet endpoint; a self-hosted runner in the VPC uses the "
                       "VPC endpoint")
        return self

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
