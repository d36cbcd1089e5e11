"""Network checks: CIDRs, zones in the provider's region, security group rule ports."""

from __future__ import annotations

import ipaddress
from typing import Any

from alicloud_ml.catalog.regions import zone_form, zone_in_region
from alicloud_ml.emulator import facts
from alicloud_ml.emulator.checks import CloudError, Context, check, known

#: Attributes that hold a zone id, per resource type.
ZONE_ATTRS = {
    "alicloud_vswitch": ("zone_id", "availability_zone"),
    "alicloud_nas_file_system": ("zone_id",),
    "alicloud_ecs_disk": ("zone_id", "availability_zone"),
    "alicloud_eip_address": ("zone",),
    "alicloud_cs_managed_kubernetes": ("zone_ids",),
}


def _network(text: str) -> ipaddress.IPv4Network | None:
    try:
        return ipaddress.IPv4Network(text, strict=True)
    except ValueError:
        return None


@check(*ZONE_ATTRS)
def zones_in_provider_region(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    errors = []
    for attr in ZONE_ATTRS[ctx.type_name]:
        value = state.get(attr)
        for zone in value if isinstance(value, list) else [value]:
            if not known(zone):
                continue
            if not zone_in_region(zone, ctx.region):
                errors.append(CloudError(
                    "InvalidZoneId.NotFound",
                    f"{ctx.address} {attr} {zone} is not a zone of region {ctx.region}; accepted: "
                    f"{zone_form(ctx.region)} - set the provider region or pick a zone in it",
                    (attr,)))
    return errors


@check("alicloud_vpc")
def vpc_cidr(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    cidr = state.get("cidr_block")
    if known(cidr) and _network(cidr) is None:
        return [CloudError("InvalidCidrBlock.Malformed",
                           f"{ctx.address} cidr_block {cidr} is not a valid IPv4 network; accepted: e.g. 10.0.0.0/8, "
                           "172.16.0.0/12, 192.168.0.0/16 or a subnet of them", ("cidr_block",))]
    if not ctx.applying or not known(cidr) or ctx.prior is None or not known(state.get("id")):
        return []
    # A CIDR change must keep every existing vswitch inside the VPC.
    net = _network(cidr)
    errors = []
    for vsw in ctx.store.find("alicloud_vswitch", state["id"]):
        sub = _network(vsw.get("cidr_block") or "")
        if net is not None and sub is not None and not sub.subnet_of(net):
            errors.append(CloudError("InvalidCidrBlock.Conflict",
                                     f"{ctx.address} cidr_block {cidr} no longer contains vswitch {vsw['id']} "
                                     f"cidr {vsw['cidr_block']}; accepted: a CIDR that contains all its vswitches",
                                     ("cidr_block",)))
    return errors


@check("alicloud_vswitch")
def vswitch_cidr(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    cidr, vpc_id = state.get("cidr_block"), state.get("vpc_id")
    # Opt/Computed in the schema, so "not set" only shows at apply, once unknowns are filled.
    if ctx.applying and vpc_id in (None, "") and not state.get("is_default"):
        return [CloudError("MissingParameter.VpcId", f"{ctx.address} vpc_id is required unless is_default = true",
                           ("vpc_id",))]
    if ctx.applying and cidr in (None, "") and not state.get("is_default"):
        return [CloudError("MissingParameter.CidrBlock", f"{ctx.address} cidr_block is required unless "
                           "is_default = true", ("cidr_block",))]
    if not known(cidr):
        return []
    net = _network(cidr)
    lo, hi = facts.VSWITCH_PREFIX_RANGE
    if net is None or not lo <= net.prefixlen <= hi:
        return [CloudError("InvalidCidrBlock.Malformed",
                           f"{ctx.address} cidr_block {cidr} is not a valid IPv4 network with a /{lo} to /{hi} mask",
                           ("cidr_block",))]
    if not ctx.applying or not known(vpc_id):
        return []
    vpc = ctx.store.get("alicloud_vpc", vpc_id)
    if vpc is None:
        return []  # reported by the reference check
    vpc_net = _network(vpc.get("cidr_block") or "")
    if vpc_net is not None and not net.subnet_of(vpc_net):
        return [CloudError("InvalidCidrBlock.Malformed",
                           f"vswitch cidr_block {cidr} is not inside VPC {vpc_id} cidr {vpc['cidr_block']}; "
                           f"accepted: a subnet of {vpc['cidr_block']}", ("cidr_block",))]
    for other in ctx.store.find("alicloud_vswitch", vpc_id):
        if other["id"] == state.get("id"):
            continue
        other_net = _network(other.get("cidr_block") or "")
        if other_net is not None and net.overlaps(other_net):
            return [CloudError("InvalidCidrBlock.Overlapped",
                               f"vswitch cidr_block {cidr} overlaps vswitch {other['id']} cidr {other['cidr_block']} "
                               f"in VPC {vpc_id}; accepted: a range no other vswitch of the VPC uses",
                               ("cidr_block",))]
    return []


@check("alicloud_nat_gateway")
def nat_vswitch_in_vpc(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    if not ctx.applying or not known(state.get("vswitch_id")):
        return []
    vsw = ctx.store.get("alicloud_vswitch", state["vswitch_id"])
    if vsw is not None and vsw.get("vpc_id") != state.get("vpc_id"):
        return [CloudError("InvalidVSwitchId.NotInVpc", f"{ctx.address} vswitch_id {vsw['id']} belongs to VPC "
                           f"{vsw.get('vpc_id')}, not {state.get('vpc_id')}; accepted: a vswitch of vpc_id",
                           ("vswitch_id",))]
    return []


@check("alicloud_security_group_rule")
def port_range(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    protocol, ports = state.get("ip_protocol"), state.get("port_range")
    if not known(protocol):
        return []
    if protocol not in facts.IP_PROTOCOLS:
        return [CloudError("InvalidIpProtocol.Malformed", f"{ctx.address} ip_protocol {protocol!r} is not supported; "
                           f"accepted: {', '.join(facts.IP_PROTOCOLS)}", ("ip_protocol",))]
    if not known(ports):
        return []
    if protocol not in facts.PORTED_PROTOCOLS:
        if ports != facts.ANY_PORT:
            return [CloudError("InvalidPortRange.Malformed", f"{ctx.address} port_range {ports!r} is not valid for "
                               f"ip_protocol {protocol}; accepted: {facts.ANY_PORT}", ("port_range",))]
        return []
    parts = ports.split("/")
    try:
        low, high = (int(p) for p in parts) if len(parts) == 2 else (None, None)
    except ValueError:
        low = high = None
    if low is None or high is None or not facts.PORT_MIN <= low <= high <= facts.PORT_MAX:
        return [CloudError("InvalidPortRange.Malformed", f"{ctx.address} port_range {ports!r} is not valid for "
                           f"ip_protocol {protocol}; accepted: from/to with {facts.PORT_MIN} <= from <= to <= "
                           f"{facts.PORT_MAX}, e.g. 22/22 or 8000/8080", ("port_range",))]
    return []
