"""ALIML_004: training security groups admit ingress only from the VPC CIDR or from themselves.

A training security group is one a GPU node pool uses (`security_group_ids` / `security_group_id`)
or one tagged `workload = training`. Stack-level: the rule, its group, the group's VPC and the
node pools are compared through their `${type.name.id}` reference strings.

PASS: `accept` ingress rules whose `source_security_group_id` is the group itself, or whose
`cidr_ip` lies inside the group's VPC `cidr_block` (or equals it, when the VPC CIDR is not literal).
FAIL: any other ingress source (another group, a prefix list, a CIDR outside the VPC, IPv6).
"""

from __future__ import annotations

import ipaddress

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.values import is_gpu_pool, is_reference, mapping, str_list

CHECK = PolicyCheck(
    id="ALIML_004",
    severity=Severity.HIGH,
    title="Ensure training security groups allow ingress only from the VPC CIDR or the group itself",
    why="Multi-node training needs all ports between its own nodes (NCCL picks random TCP ports) and nothing "
        "else; a self-referencing all-ports rule gives that without opening the group to other tenants.",
    fix="Use TrainingSecurityGroupProps' self rule (source_security_group_id = the group) and VPC-CIDR rules only, "
        "or suppress with a reason.",
    resource_types=("alicloud_security_group_rule",),
    stack_level=True,
)


def training_groups(stack: Stack) -> list[Resource]:
    groups = stack.of_type("alicloud_security_group")
    used: set[str] = set()
    for pool in stack.of_type("alicloud_cs_kubernetes_node_pool"):
        if is_gpu_pool(pool.attrs):
            used.update(str_list(pool.attrs.get("security_group_ids")) + str_list(pool.attrs.get("security_group_id")))
    return [g for g in groups
            if any(ref.startswith(g.ref_prefix) for ref in used)
            or str(mapping(g.attrs, "tags").get("workload", "")).lower() == "training"]


def _inside(cidr: str, vpc_cidr: str) -> bool:
    if is_reference(vpc_cidr) or is_reference(cidr):
        return cidr == vpc_cidr
    try:
        inner, outer = ipaddress.ip_network(cidr, strict=False), ipaddress.ip_network(vpc_cidr, strict=False)
        return inner.version == outer.version and inner.subnet_of(outer)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False


def evaluate_rule(rule: Resource, group: Resource, vpc_cidr: str | None) -> Result:
    attrs = rule.attrs
    if str(attrs.get("type", "")).lower() != "ingress" or str(attrs.get("policy", "accept")).lower() == "drop":
        return Result.not_applicable()
    source = attrs.get("source_security_group_id")
    if source:
        if str(source).startswith(group.ref_prefix):
            return Result.passed()
        return Result.failed(f"training group {group.address} admits another security group ({source})",
                             field="source_security_group_id")
    cidr = attrs.get("cidr_ip")
    if cidr and vpc_cidr and _inside(str(cidr), str(vpc_cidr)):
        return Result.passed()
    source_text = cidr or attrs.get("ipv6_cidr_ip") or attrs.get("prefix_list_id") or "an unknown source"
    where = f"the VPC CIDR {vpc_cidr}" if vpc_cidr else "the VPC CIDR (not found in this stack)"
    return Result.failed(f"training group {group.address} admits {source_text}, outside {where}", field="cidr_ip")


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    findings: list[StackFinding] = []
    groups = training_groups(stack)
    for rule in stack.of_type("alicloud_security_group_rule"):
        group = next((g for g in groups if str(rule.attrs.get("security_group_id", "")).startswith(g.ref_prefix)), None)
        if group is None:
            continue
        vpc = stack.resolve(group.attrs.get("vpc_id"))
        vpc_cidr = vpc.attrs.get("cidr_block") if vpc is not None else None
        result = evaluate_rule(rule, group, vpc_cidr)
        if result.status != "not_applicable":
            findings.append(StackFinding(rule.address, result, rule.path))
    return findings
