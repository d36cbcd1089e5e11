"""VPC and ECS network types: CIDR, zone and port checks, and the ids and values those APIs fill in."""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Callable
from typing import Any

from alicloud_ml.catalog.regions import zone_form, zone_in_region
from alicloud_ml.emulator import facts
from alicloud_ml.emulator.ids import rand
from alicloud_ml.emulator.plugins.registry import CloudError, Context, Lookup, check, computed, identifier, known, statuses

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
    blocks = vpc_cidr_blocks(ctx, vpc)
    nets = [n for n in map(_network, blocks) if n is not None]
    if nets and not any(net.subnet_of(n) for n in nets):
        shown = " or ".join(blocks)
        return [CloudError("InvalidCidrBlock.Malformed",
                           f"vswitch cidr_block {cidr} is not inside VPC {vpc_id} cidr {shown}; "
                           f"accepted: a subnet of {shown}", ("cidr_block",))]
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


def vpc_cidr_blocks(ctx: Context, vpc: dict[str, Any]) -> list[str]:
    """A VPC's primary block and its secondary ones: `secondary_cidr_blocks` and each
    `alicloud_vpc_ipv4_cidr_block` of the VPC (VPC "Add a secondary IPv4 CIDR block": vSwitches may
    use either, https://www.alibabacloud.com/help/en/vpc/user-guide/manage-secondary-ipv4-cidr-blocks)."""
    blocks = [vpc.get("cidr_block") or ""] + [b for b in vpc.get("secondary_cidr_blocks") or [] if b]
    blocks += [b.get("secondary_cidr_block") for b in ctx.store.find("alicloud_vpc_ipv4_cidr_block", region=ctx.region)
               if b.get("vpc_id") == vpc.get("id") and b.get("secondary_cidr_block")]
    return [b for b in dict.fromkeys(blocks) if b]


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


# ---------------------------------------------------------------- what the VPC and ECS APIs fill in

def _prefixed(prefix: str, n: int) -> Callable[[dict[str, Any]], str]:
    return lambda state: prefix + rand(n)


for _type, _prefix, _n in (("alicloud_vpc", "vpc-", 21), ("alicloud_vswitch", "vsw-", 21),
                           ("alicloud_security_group", "sg-", 20), ("alicloud_nat_gateway", "ngw-", 21),
                           ("alicloud_eip_address", "eip-", 21)):
    identifier(_type)(_prefixed(_prefix, _n))

statuses({"alicloud_nat_gateway": "Available", "alicloud_snat_entry": "Available"})
#: Physical connection ids are `pc-…` (provider v1.289.0 website/docs/d/express_connect_physical_connections:22).
identifier("alicloud_express_connect_physical_connection")(lambda s: "pc-" + rand(20))


@identifier("alicloud_security_group_rule")
def _rule_id(s: dict[str, Any]) -> str:
    return ":".join(str(s.get(k) or "") for k in (
        "security_group_id", "type", "ip_protocol", "port_range", "nic_type", "cidr_ip", "policy", "priority"))


@identifier("alicloud_snat_entry")
def _snat_id(s: dict[str, Any]) -> str:
    return f"{s.get('snat_table_id')}:snat-{rand(20)}"


@computed("alicloud_security_group_rule", "nic_type", before_id=True)
def _nic_type(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "intranet"  # the provider's default once source_security_group_id is set (r/security_group_rule)


@computed("alicloud_vpc", "cidr_block")
def _vpc_cidr(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return facts.VPC_DEFAULT_CIDR


@computed("alicloud_vpc", "ipv6_cidr_block", refresh=True)
def _vpc_ipv6(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    """A /56 from the region's IPv6 pool while IPv6 is on (VPC CreateVpc EnableIpv6), else empty; kept
    across updates that leave it on."""
    if s.get("enable_ipv6") is not True:
        return ""
    prior = s.get("ipv6_cidr_block")
    if isinstance(prior, str) and prior:
        return prior
    return str(ipaddress.IPv6Network(((0x24084005 << 96) | (secrets.randbits(24) << 72), 56)))  # as 2408:4005::/32


def _vswitch_ipv6(s: dict[str, Any], lookup: Lookup) -> str:
    """The vSwitch's /64: its VPC's IPv6 block with the vSwitch's `ipv6_cidr_block_mask` as the next bits.
    CreateVSwitch sends `Ipv6CidrBlock` whenever the mask is set (terraform-provider-alicloud v1.289.0
    alicloud/resource_alicloud_vswitch.go:137 and :189; r/vswitch docs: "the last 4, 8, or 12 bits of the IPv6
    CIDR block of the VSwitch"); an update turns it on or off with `enable_ipv6` (:300). No mask, IPv6 turned
    off, or a VPC without IPv6 gives none."""
    mask = s.get("ipv6_cidr_block_mask")
    vpc = lookup("alicloud_vpc", s.get("vpc_id")) if isinstance(s.get("vpc_id"), str) else None
    if not isinstance(mask, int) or isinstance(mask, bool) or s.get("enable_ipv6") is False or not vpc:
        return ""
    try:
        block = ipaddress.IPv6Network(str(vpc.get("ipv6_cidr_block")), strict=False)
        return str(next(block.subnets(new_prefix=64)).network_address + (mask << 64)) + "/64"
    except ValueError:
        return ""


@check("alicloud_vswitch")
def vswitch_ipv6_needs_mask(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    """Turning IPv6 on for an existing vSwitch needs `ipv6_cidr_block_mask`: the provider refuses it before the
    call, as ModifyVSwitchAttribute rejects EnableIPv6 without Ipv6CidrBlock (resource_alicloud_vswitch.go:300-307)."""
    if not ctx.applying or ctx.prior is None or state.get("enable_ipv6") is not True:
        return []
    changed = ctx.prior.get("enable_ipv6") is not True or ctx.prior.get("ipv6_cidr_block_mask") != state.get(
        "ipv6_cidr_block_mask")
    if not changed or state.get("ipv6_cidr_block_mask") is not None:
        return []
    return [CloudError("MissingParameter", f"{ctx.address}: `ipv6_cidr_block_mask` is required when enabling "
                       "`enable_ipv6` for an existing vswitch; accepted: the mask set with enable_ipv6 = true",
                       ("ipv6_cidr_block_mask",))]


@computed("alicloud_vswitch", "ipv6_cidr_block", refresh=True)
def _vswitch_ipv6_block(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return _vswitch_ipv6(s, lookup)


@computed("alicloud_vpc_ipv6_address", "ipv6_address")
def _ipv6_address(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    """An address the cloud picks in the vSwitch's IPv6 block when the config names none (r/vpc_ipv6_address:
    `ipv6_address` Optional, Computed; AllocateIpv6Address)."""
    vswitch = lookup("alicloud_vswitch", s.get("vswitch_id")) if isinstance(s.get("vswitch_id"), str) else None
    try:
        block = ipaddress.IPv6Network(str((vswitch or {}).get("ipv6_cidr_block")))
    except ValueError:
        return ""
    return str(block.network_address + 16 + secrets.randbelow(1 << 32))


@computed("alicloud_vswitch", "ipv6_cidr_block_mask")
def _vswitch_ipv6_mask(s: dict[str, Any], region: str, lookup: Lookup) -> None:
    """Left unset it stays null: Read never sets it (resource_alicloud_vswitch.go:242-262), so the SDK keeps none."""
    return None


@computed("alicloud_vswitch", "enable_ipv6")
def _vswitch_ipv6_on(s: dict[str, Any], region: str, lookup: Lookup) -> bool:
    """Read reports `enable_ipv6` as whether the vSwitch has an IPv6 block (resource_alicloud_vswitch.go:260)."""
    return _vswitch_ipv6(s, lookup) != ""


@computed("alicloud_vpc", "route_table_id", "router_table_id")
def _route_table(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return s["route_table_id"] if isinstance(s.get("route_table_id"), str) else "vtb-" + rand(21)


@computed("alicloud_vpc", "router_id")
def _router(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "vrt-" + rand(21)


@computed("alicloud_eip_address", "ip_address")
def _eip(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"47.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"


@computed("alicloud_nat_gateway", "snat_table_ids")
def _snat_table(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "stb-" + rand(21)


@computed("alicloud_nat_gateway", "forward_table_ids")
def _forward_table(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "ftb-" + rand(21)


@computed("alicloud_security_group_rule", "security_group_rule_id")
def _rule_number(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "sgr-" + rand(20)


@computed("alicloud_snat_entry", "snat_entry_id")
def _snat_entry(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return str(s["id"]).rsplit(":", 1)[-1]
