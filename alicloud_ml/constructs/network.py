"""`MlNetwork`: one VPC, one compute vSwitch per zone, and (optionally) a NAT gateway for egress.

GPU nodes pull images and reach PAI/OSS endpoints without public IPs, so egress goes through
an Enhanced NAT gateway with one EIP and one SNAT entry per vSwitch. vSwitch CIDRs are carved
from the VPC CIDR in order (10.0.1.0/24, 10.0.2.0/24, ...) unless given explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml.props.base import (
    Problem,
    raise_problems,
    resolve_props,
)
from alicloud_ml.props.network import MlNetworkProps
from alicloud_ml.provider.eip import EipAddress, EipAssociation
from alicloud_ml.provider.nat_gateway import NatGateway, SnatEntry
from alicloud_ml.provider.vpc import Vpc, Vswitch


class MlNetwork(Construct):
    """A VPC with one compute vSwitch per zone and optional NAT egress.

    Attributes: `vpc`, `vpc_id`, `vpc_cidr`, `region`, `zones`, `vswitches` (zone → Vswitch),
    `vswitch_ids` (in zone order), `nat_gateway` (or None), `has_nat`.
    """

    def __init__(self, scope: Construct, id: str, *, props: MlNetworkProps | Mapping[str, Any]) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(MlNetworkProps, props, self.node.path)
        layout = p.subnets()
        tags = p.tags or None

        self.vpc = Vpc(self, "Resource", vpc_name=f"{p.name}-vpc", cidr_block=p.vpc_cidr, tags=tags)
        self.vswitches: dict[str, Vswitch] = {}
        for zone, cidr in layout:
            self.vswitches[zone] = Vswitch(
                self, f"Vswitch-{zone}", vpc_id=self.vpc.id, cidr_block=cidr, zone_id=zone,
                vswitch_name=f"{p.name}-compute-{zone}", tags=tags)

        self.nat_gateway: NatGateway | None = None
        if p.create_nat_gateway:
            first = next(iter(self.vswitches.values()))
            self.nat_gateway = NatGateway(
                self, "NatGateway", vpc_id=self.vpc.id, vswitch_id=first.id, nat_type="Enhanced",
                internet_charge_type="PayByLcu", payment_type="PayAsYouGo", network_type="internet",
                nat_gateway_name=f"{p.name}-nat", tags=tags)
            eip = EipAddress(self, "Eip", address_name=f"{p.name}-nat-eip", bandwidth=str(p.eip_bandwidth_mbps),
                             internet_charge_type="PayByTraffic", payment_type="PayAsYouGo", tags=tags)
            association = EipAssociation(self, "EipAssociation", allocation_id=eip.id,
                                         instance_id=self.nat_gateway.id, instance_type="Nat")
            for zone, vswitch in self.vswitches.items():
                SnatEntry(self, f"Snat-{zone}", snat_table_id=self.nat_gateway.snat_table_ids,
                          source_vswitch_id=vswitch.id, snat_ip=eip.ip_address,
                          snat_entry_name=f"{p.name}-snat-{zone}", depends_on=[association])

    # ------------------------------------------------------------ typed attributes

    @property
    def vpc_id(self) -> str:
        return self.vpc.id

    @property
    def vpc_cidr(self) -> str:
        return self.props.vpc_cidr

    @property
    def region(self) -> str:
        return self.props.region

    @property
    def zones(self) -> tuple[str, ...]:
        return self.props.zones

    @property
    def vswitch_ids(self) -> list[str]:
        return [v.id for v in self.vswitches.values()]

    @property
    def has_nat(self) -> bool:
        return self.nat_gateway is not None

    def vswitch_for(self, zone: str | None, *, field: str = "zone", where: str | None = None) -> Vswitch:
        """The compute vSwitch in `zone` (default: the first zone); InputError naming `where`/`field` if none."""
        if zone is None:
            return next(iter(self.vswitches.values()))
        if zone not in self.vswitches:
            raise_problems(where or self.node.path, [Problem(field, f"zone {zone!r} has no vSwitch in {self.node.path}",
                                                    ", ".join(self.vswitches))])
        return self.vswitches[zone]

