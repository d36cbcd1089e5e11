"""Security groups for GPU workloads: `TrainingSecurityGroup` and `ServingSecurityGroup`.

Multi-node training (NCCL, eRDMA) uses random TCP ports that cannot be listed, so training
nodes share one group with an allow-all rule *from that same group*. eRDMA is iWARP over TCP:
UDP 4791 (RoCEv2) is only added for RoCE fabrics. The self rule is always emitted, so the groups
also work as `enterprise` groups (deny by default). Ingress from 0.0.0.0/0 is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.security import (
    SecurityGroupProps,
    ServingSecurityGroupProps,
    TrainingSecurityGroupProps,
)
from alicloud_ml.provider.ecs import SecurityGroup, SecurityGroupRule


class WorkloadSecurityGroup(Construct):
    """Common body: group, self rule, optional VPC rule, extra rules, enterprise egress."""

    _PROPS: type[SecurityGroupProps] = SecurityGroupProps

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork,
                 props: SecurityGroupProps | Mapping[str, Any]) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(self._PROPS, props, self.node.path)
        self.network = network
        self.security_group = SecurityGroup(
            self, "Resource", security_group_name=p.name, vpc_id=network.vpc_id,
            security_group_type=p.security_group_type, description=(self.__doc__ or type(self).__name__).splitlines()[0],
            tags=p.tags or None)
        sg = self.security_group.id
        self.rules: dict[str, SecurityGroupRule] = {}
        self._rule("SelfIngress", ip_protocol="all", port_range="-1/-1", source_security_group_id=sg,
                   description="all traffic between members (NCCL/eRDMA use random TCP ports)")
        if p.allow_vpc_high_ports:
            self._rule("VpcHighPorts", ip_protocol="tcp", port_range="10000/65535", cidr_ip=network.vpc_cidr,
                       description="intra-cluster high ports from the VPC")
        for i, rule in enumerate(p.ingress_rules):
            self._rule(f"Ingress{i}", ip_protocol=rule.ip_protocol.value, port_range=rule.port_range,
                       cidr_ip=rule.cidr_ip, description=rule.description)
        if p.security_group_type == "enterprise":
            SecurityGroupRule(self, "Egress", type="egress", security_group_id=sg, ip_protocol="all",
                              port_range="-1/-1", cidr_ip=p.egress_cidr, nic_type="intranet",
                              description="egress (enterprise groups deny by default)")

    def allow_from_vpc(self, port: int, description: str) -> SecurityGroupRule:
        """TCP `port` from the VPC CIDR (once per port), e.g. callers of an EAS service in this group."""
        rule_id = f"VpcPort{port}"
        if rule_id in self.rules:
            return self.rules[rule_id]
        return self._rule(rule_id, ip_protocol="tcp", port_range=f"{port}/{port}", cidr_ip=self.network.vpc_cidr,
                          description=description)

    def _rule(self, id: str, **kwargs: Any) -> SecurityGroupRule:
        rule = SecurityGroupRule(self, id, type="ingress", security_group_id=self.security_group.id,
                                 nic_type="intranet", policy="accept", priority=1, **kwargs)
        self.rules[id] = rule
        return rule

    @property
    def security_group_id(self) -> str:
        return self.security_group.id


class TrainingSecurityGroup(WorkloadSecurityGroup):
    """Training nodes: all protocols between members, optional RoCEv2, nothing from the internet."""

    _PROPS = TrainingSecurityGroupProps

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork,
                 props: TrainingSecurityGroupProps | Mapping[str, Any]) -> None:
        super().__init__(scope, id, network=network, props=props)
        if self.props.roce_fabric:  # type: ignore[attr-defined]
            self._rule("RoceV2", ip_protocol="udp", port_range="4791/4791",
                       source_security_group_id=self.security_group.id, description="RoCEv2 (RoCE fabrics only)")


class ServingSecurityGroup(WorkloadSecurityGroup):
    """Serving nodes and EAS instances: members talk to each other; callers come from inside the VPC."""

    _PROPS = ServingSecurityGroupProps
