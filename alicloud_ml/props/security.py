"""Props of `alicloud_ml.constructs.security` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field, field_validator

from alicloud_ml.props.base import WORLD, FrozenModel, fail, parse_network


class IpProtocol(str, Enum):
    """Protocol of an ingress rule (the provider's accepted set)."""

    TCP = "tcp"
    UDP = "udp"
    ICMP = "icmp"
    ALL = "all"


class IngressRule(FrozenModel):
    """An extra intranet ingress rule from a CIDR inside your network (never the world)."""

    ip_protocol: IpProtocol = Field(IpProtocol.TCP, description="Protocol. Default: `tcp`.")
    port_range: str = Field(pattern=r"^(-1/-1|\d{1,5}/\d{1,5})$", description="`from/to`, e.g. `8080/8080`; `-1/-1` for all.")
    cidr_ip: str = Field(description="Source CIDR; `0.0.0.0/0` and `::/0` are refused.")
    description: str | None = Field(None, description="Rule description. Default: none.")

    @field_validator("cidr_ip")
    @classmethod
    def _not_world(cls, value: str) -> str:
        if value in WORLD or value.endswith("/0"):
            raise fail("", f"ingress from {value} opens the group to the internet",
                       "a private CIDR such as 10.0.0.0/16", "reach GPU nodes through the VPC or a bastion")
        parse_network(value, "")
        return value


class SecurityGroupProps(FrozenModel):
    """Props shared by the training and serving groups."""

    name: str = Field(pattern=r"^[a-zA-Z][\w.:-]{1,127}$", description="Group name. Required.")
    security_group_type: Literal["normal", "enterprise"] = Field(
        "normal", description="`normal` or `enterprise` (deny by default; egress is then opened explicitly). "
                              "Default: `normal`. Changing it replaces the group.")
    allow_vpc_high_ports: bool = Field(
        True, description="Add the seed's intranet rule `tcp 10000/65535` from the VPC CIDR. Default: `true`.")
    ingress_rules: tuple[IngressRule, ...] = Field((), description="Extra ingress rules. Default: none.")
    egress_cidr: str = Field("0.0.0.0/0", description="Egress destination on `enterprise` groups (image pulls via "
                                                      "NAT). Default: `0.0.0.0/0`. Ignored on `normal` groups.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")


class TrainingSecurityGroupProps(SecurityGroupProps):
    """Props of `TrainingSecurityGroup`."""

    roce_fabric: bool = Field(False, description="Add UDP 4791 (RoCEv2) from the group itself. Only for RoCE "
                                                 "fabrics; eRDMA is iWARP over TCP and does not need it. Default: `false`.")


class ServingSecurityGroupProps(SecurityGroupProps):
    """Props of `ServingSecurityGroup`."""

    allow_vpc_high_ports: bool = Field(False, description="Seed `tcp 10000/65535` rule from the VPC. Default: `false`.")
