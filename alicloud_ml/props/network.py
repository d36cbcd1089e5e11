"""Props of `alicloud_ml.constructs.network` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from alicloud_ml.catalog.regions import zone_form, zone_in_region
from alicloud_ml.props.base import (
    FrozenModel,
    RegionId,
    fail,
    join_errors,
    parse_network,
)


class MlNetworkProps(FrozenModel):
    """Props of `MlNetwork`."""

    region: RegionId = Field(description="Region id, e.g. `cn-shanghai`. Required.")
    zones: tuple[str, ...] = Field(min_length=1, max_length=5,
                                   description="Zone ids of the region (`cn-shanghai-b`, `ap-southeast-1a`), one compute "
                                               "vSwitch each (1-5; ACK allows 5).")
    vpc_cidr: str = Field("10.0.0.0/16", description="VPC CIDR. Default: `10.0.0.0/16`.")
    vswitch_cidrs: tuple[str, ...] | None = Field(
        None, description="One CIDR per zone, inside `vpc_cidr`, not overlapping. "
                          "Default: - carved in order as /`vswitch_prefix_length` blocks starting at the second block "
                          "(10.0.1.0/24, 10.0.2.0/24, ...).")
    vswitch_prefix_length: int = Field(24, ge=16, le=29, description="Prefix length of carved vSwitches. Default: `24`.")
    name: str = Field("ml", pattern=r"^[a-z][a-z0-9-]{0,40}$", description="Name prefix of every resource. Default: `ml`.")
    create_nat_gateway: bool = Field(True, description="Create NAT gateway + EIP + SNAT for egress. Default: `true`; "
                                                       "when false, ACK creates its own NAT (`new_nat_gateway`).")
    eip_bandwidth_mbps: int = Field(100, ge=1, le=1000, description="EIP bandwidth in Mbit/s (pay by traffic). Default: `100`.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags on every resource. Default: none.")

    @model_validator(mode="after")
    def _cidrs_and_zones(self) -> Self:
        errors: list[ValueError] = []
        for i, zone in enumerate(self.zones):
            if not zone_in_region(zone, self.region):
                errors.append(fail(f"zones[{i}]", f"zone {zone!r} is not in region {self.region!r}",
                                   zone_form(self.region)))
        if len(set(self.zones)) != len(self.zones):
            errors.append(fail("zones", "zones must be distinct"))
        try:
            self.subnets()
        except ValueError as exc:
            errors.append(exc)
        join_errors(errors)
        return self

    def subnets(self) -> list[tuple[str, str]]:
        """(zone, cidr) per zone, after carving; raises ValueError naming the field on a bad layout."""
        vpc = parse_network(self.vpc_cidr, "vpc_cidr")
        if not 8 <= vpc.prefixlen <= 28:
            raise fail("vpc_cidr", f"prefix /{vpc.prefixlen} out of range", "/8 to /28")
        if self.vswitch_cidrs is None:
            if self.vswitch_prefix_length <= vpc.prefixlen:
                raise fail("vswitch_prefix_length", f"/{self.vswitch_prefix_length} does not fit inside {vpc}",
                           f"a prefix longer than /{vpc.prefixlen}", "or give vswitch_cidrs explicitly")
            blocks = vpc.subnets(new_prefix=self.vswitch_prefix_length)
            next(blocks)  # keep the first block free (seed layout: 10.0.1.0/24 is the first compute vSwitch)
            cidrs = [str(next(blocks)) for _ in self.zones]
        else:
            if len(self.vswitch_cidrs) != len(self.zones):
                raise fail("vswitch_cidrs", f"{len(self.vswitch_cidrs)} CIDRs for {len(self.zones)} zones",
                           "exactly one CIDR per zone")
            cidrs = list(self.vswitch_cidrs)
        nets = [parse_network(c, f"vswitch_cidrs[{i}]") for i, c in enumerate(cidrs)]
        for i, net in enumerate(nets):
            if not net.subnet_of(vpc):
                raise fail(f"vswitch_cidrs[{i}]", f"{net} is not inside the VPC {vpc}", f"a subnet of {vpc}")
            for j in range(i):
                if net.overlaps(nets[j]):
                    raise fail(f"vswitch_cidrs[{i}]", f"{net} overlaps vswitch_cidrs[{j}] {nets[j]}",
                               "non-overlapping subnets of the VPC")
        return list(zip(self.zones, cidrs, strict=True))
