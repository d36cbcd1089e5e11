"""The per-module mapping: probe props, dependencies, and the few values constructs compute in Python."""

from __future__ import annotations

from typing import Any

from alicloud_ml.hcl.spec import Input, ModuleSpec, Output, Repeat
from alicloud_ml.hcl.variables import Check, Variable

#: Zone ids of either form (alicloud_ml/catalog/regions.py: `cn-shanghai-b`, `ap-southeast-1a`).
ZONE_PATTERN = r"^[a-z]{2}-[a-z]+(-[a-z]+)?(-[a-z]|-[0-9]+[a-z])$"


def _prefix(cidr: str) -> str:
    return f'tonumber(split("/", {cidr})[1])'


def inside(cidr: str, outer: str) -> str:
    """HCL: `cidr` lies inside `outer` (same network address once cut to `outer`'s prefix)."""
    return (f'{_prefix(cidr)} >= {_prefix(outer)} && '
            f'cidrhost("${{cidrhost({cidr}, 0)}}/${{{_prefix(outer)}}}", 0) == cidrhost({outer}, 0)')


# ---------------------------------------------------------------- ml-network


def _network_probe() -> Any:
    from alicloud_ml.props.network import MlNetworkProps

    return MlNetworkProps(region="cn-shanghai", zones=("cn-shanghai-b", "cn-shanghai-g"), vpc_cidr="10.77.0.0/16",
                          vswitch_cidrs=("10.77.8.0/24", "10.77.9.0/24"), vswitch_prefix_length=26, name="zqnet",
                          eip_bandwidth_mbps=137, tags={"zq-tag": "zq-value"})


def _network(stack: Any, props: Any) -> Any:
    from alicloud_ml.constructs.network import MlNetwork

    return MlNetwork(stack, "Network", props=props)


def network_spec() -> ModuleSpec:
    from alicloud_ml.props.network import MlNetworkProps

    carved = ('[for i, z in var.zones : cidrsubnet(var.vpc_cidr, var.vswitch_prefix_length - '
              + _prefix("var.vpc_cidr") + ", i + 1)]")
    return ModuleSpec(
        name="ml-network", title="A VPC with one compute vSwitch per zone and NAT egress (Enhanced NAT, one EIP, "
                                 "one SNAT entry per vSwitch).",
        construct="alicloud_ml.constructs.network.MlNetwork", props=MlNetworkProps, probe=_network_probe,
        build=_network,
        exclude={"region": "the module deploys in its provider's region (`provider \"alicloud\" { region = … }`)."},
        repeats=(Repeat(r"^Vswitch-(.+)$", "vswitch", "local.vswitch_cidrs", field="zones"),
                 Repeat(r"^Snat-(.+)$", "snat", "local.vswitch_cidrs", field="zones")),
        locals={"vswitch_cidrs": f"zipmap(var.zones, var.vswitch_cidrs != null ? var.vswitch_cidrs : {carved})"},
        exprs={"vswitch.cidr_block": "each.value"},
        checks=(
            ("zones", Check(f"alltrue([for z in var.zones : can(regex({ZONE_PATTERN!r}, z))])".replace("'", '"'),
                            "zones: invalid zone id; accepted: <region>-<letter> (cn-shanghai-b) or "
                            "<region><letter> (ap-southeast-1a).")),
            ("zones", Check("length(distinct(var.zones)) == length(var.zones)", "zones: zones must be distinct.")),
            ("vpc_cidr", Check(f"can(cidrhost(var.vpc_cidr, 0)) && {_prefix('var.vpc_cidr')} >= 8 && "
                               f"{_prefix('var.vpc_cidr')} <= 28",
                               "vpc_cidr: invalid CIDR; accepted: an IPv4 network from /8 to /28.")),
            ("vswitch_cidrs", Check("var.vswitch_cidrs == null || length(coalesce(var.vswitch_cidrs, [])) == "
                                    "length(var.zones)", "vswitch_cidrs: exactly one CIDR per zone.")),
            ("vswitch_cidrs", Check("var.vswitch_cidrs == null || alltrue([for c in coalesce(var.vswitch_cidrs, []) : "
                                    f"can(cidrhost(c, 0)) && {inside('c', 'var.vpc_cidr')}])",
                                    "vswitch_cidrs: every CIDR must lie inside vpc_cidr.")),
            ("vswitch_prefix_length", Check(f"var.vswitch_prefix_length > {_prefix('var.vpc_cidr')}",
                                            "vswitch_prefix_length: must be longer than the VPC prefix.")),
        ),
        outputs=(
            Output("vpc_id", "VPC id.", attr="vpc_id"),
            Output("vpc_cidr", "VPC CIDR.", expr="var.vpc_cidr"),
            Output("zones", "Zones, in the order given.", expr="var.zones"),
            Output("vswitch_ids", "Compute vSwitch ids, in zone order.",
                   expr="[for z in var.zones : alicloud_vswitch.vswitch[z].id]"),
            Output("has_nat", "Whether this network has its own NAT gateway (ACK then creates none).",
                   expr="var.create_nat_gateway"),
            Output("nat_gateway_id", "NAT gateway id (null without NAT).",
                   expr="var.create_nat_gateway ? alicloud_nat_gateway.nat_gateway[0].id : null"),
        ),
        example='''
module "network" {
  source = "../.."
  name   = "ml-example"
  zones  = ["cn-shanghai-b", "cn-shanghai-g"]
}

output "vswitch_ids" {
  value = module.network.vswitch_ids
}
''',
    )


# ---------------------------------------------------------------- security groups

PROBE_VPC_CIDR = "10.66.0.0/16"
PROBE_PORT = 18080


def _probe_network(stack: Any, zones: tuple[str, ...] = ("cn-shanghai-b", "cn-shanghai-g"), nat: bool = True) -> Any:
    """A dependency network (not under test): its attributes reach the construct as module inputs."""
    from alicloud_ml.constructs.network import MlNetwork

    return MlNetwork(stack, "ProbeNetwork", props={"region": "cn-shanghai", "zones": zones, "vpc_cidr": PROBE_VPC_CIDR,
                                                   "create_nat_gateway": nat})


def _group_probe(cls: Any, **extra: Any) -> Any:
    from alicloud_ml.props.security import IngressRule, IpProtocol

    return cls(name="zq-group", security_group_type="enterprise", allow_vpc_high_ports=True, egress_cidr="172.31.0.0/16",
               ingress_rules=(IngressRule(ip_protocol=IpProtocol.ICMP, port_range="23456/23457",
                                          cidr_ip="10.66.200.0/24", description="zq rule"),),
               tags={"zq-tag": "zq-value"}, **extra)


def _group(cls_name: str) -> Any:
    def build(stack: Any, props: Any) -> Any:
        from alicloud_ml.constructs import security

        group = getattr(security, cls_name)(stack, "Group", network=_probe_network(stack), props=props)
        group.allow_from_vpc(PROBE_PORT, "zq caller")
        return group
    return build


VPC_ID = Input(Variable("vpc_id", "string", "VPC the resources go in (`ml-network` output `vpc_id`)."),
               ref=("alicloud_vpc", "id"))
VPC_CIDR = Input(Variable("vpc_cidr", "string", "CIDR of that VPC (`ml-network` output `vpc_cidr`): the source of "
                                                "the VPC-wide rules."), probe=PROBE_VPC_CIDR)
VPC_PORTS = Input(Variable("vpc_ports", "map(string)", "TCP ports (keys) callers inside the VPC may reach, with a "
                                                       "rule description each; e.g. `eas-service` output `port` "
                                                       "(`allow_from_vpc`).", default={}, nullable=False))


def group_spec(workload: str) -> ModuleSpec:
    from alicloud_ml.constructs import security

    cls = f"{workload.capitalize()}SecurityGroup"
    props = getattr(security, cls + "Props")
    extra = {"roce_fabric": True} if workload == "training" else {}
    return ModuleSpec(
        name=f"{workload}-security-group",
        title=(getattr(security, cls).__doc__ or "").splitlines()[0] + " The members' allow-all rule references the "
              "group itself (NCCL/eRDMA pick random ports).",
        construct=f"alicloud_ml.constructs.security.{cls}", props=props,
        probe=lambda: _group_probe(props, **extra), build=_group(cls), inputs=(VPC_ID, VPC_CIDR, VPC_PORTS),
        repeats=(Repeat(r"^Ingress(\d+)$", "ingress", "{ for i, r in var.ingress_rules : tostring(i) => r }",
                        field="ingress_rules", element="each.value"),
                 Repeat(r"^VpcPort(\d+)$", "vpc_port", "var.vpc_ports")),
        names={"SelfIngress": "self_ingress", "VpcHighPorts": "vpc_high_ports", "RoceV2": "roce_v2"},
        exprs={"vpc_port.description": "each.value"},
        checks=(("ingress_rules", Check(
            'alltrue([for r in var.ingress_rules : !endswith(r.cidr_ip, "/0") && can(cidrhost(r.cidr_ip, 0))])',
            "ingress_rules: ingress from 0.0.0.0/0 or ::/0 opens the group to the internet; accepted: a private "
            "CIDR such as 10.0.0.0/16 (reach GPU nodes through the VPC or a bastion).")),),
        outputs=(Output("security_group_id", "Security group id.", attr="security_group_id"),
                 Output("security_group_type", "`normal` or `enterprise` (node pools must join groups of one type).",
                        expr="var.security_group_type")),
        example=f'''
module "network" {{
  source = "../../../ml-network"
  name   = "ml-example"
  zones  = ["cn-shanghai-b"]
}}

module "{workload}" {{
  source   = "../.."
  name     = "ml-example-{workload}"
  vpc_id   = module.network.vpc_id
  vpc_cidr = module.network.vpc_cidr
}}
''',
    )
