"""ALIML_003: no security group rule admits ingress from the whole internet, on any protocol.

PASS: egress rules, `drop` rules, rules from a CIDR narrower than /0 or from a security group.
FAIL: an `accept` ingress rule with `cidr_ip` 0.0.0.0/0 or `ipv6_cidr_ip` ::/0, whatever the
protocol and port range, including `ip_protocol = "all"` with `port_range = "-1/-1"`, which
checkov's built-in CKV_ALI_2/3 let through.
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource

WORLD = ("0.0.0.0/0", "::/0")

CHECK = PolicyCheck(
    id="ALIML_003",
    severity=Severity.CRITICAL,
    title="Ensure no security group rule allows ingress from 0.0.0.0/0 or ::/0 on any protocol",
    why="A world-open rule exposes every port of every node in the group (GPU nodes run Jupyter, Ray and NCCL "
        "listeners); all-protocol rules (-1/-1) slip past the built-in port 22/3389 checks.",
    fix="Set the rule's source to the VPC CIDR or the group itself (SecurityGroupProps ingress source), "
        "or suppress with a reason.",
    resource_types=("alicloud_security_group_rule",),
)


def evaluate(resource: Resource) -> Result:
    attrs = resource.attrs
    if str(attrs.get("type", "")).lower() != "ingress" or str(attrs.get("policy", "accept")).lower() == "drop":
        return Result.not_applicable()
    for key in ("cidr_ip", "ipv6_cidr_ip"):
        if str(attrs.get(key, "")).strip() in WORLD:
            protocol = attrs.get("ip_protocol", "?")
            ports = attrs.get("port_range", "-1/-1")
            return Result.failed(f"ingress rule admits {attrs[key]} on protocol {protocol} ports {ports}", field=key)
    return Result.passed()


check = checkov_check(CHECK, evaluate)
