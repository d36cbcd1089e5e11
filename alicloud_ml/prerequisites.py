"""What an account needs once, outside the platform's stacks, derived from what a stack creates.

Some services act on the account's behalf through a service-linked role or a service role that is
authorized once per account; a deployer must be allowed to hand roles to services. None of these
belongs to one environment (two envs creating the same role collide), so they are listed here once,
each with the resources that make it necessary and its source. `needed(resources)` says which a
synthesized stack needs; README "Prerequisites" is `markdown_table()` of this list (a test keeps them
equal), and `[state] create_service_linked_roles = true` lets the `ml-state` bootstrap stack create the
service-linked roles through `alicloud_resource_manager_service_linked_role`.

That resource accepts any service name (alicloud/resource_alicloud_resource_manager_service_linked_role.go
validates none) and its Create fails when the role already exists, which it does in any account that
used the service before: so creating them is opt-in, for fresh accounts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: A stack's resources as (resource type, configured attributes) pairs.
Resources = Iterable[tuple[str, Mapping[str, Any]]]
Trigger = Callable[[str, Mapping[str, Any]], bool]


def _of_type(*types: str) -> Trigger:
    return lambda tf_type, attrs: tf_type in types


def _addon(name: str) -> Trigger:
    return lambda tf_type, attrs: tf_type == "alicloud_cs_kubernetes_addon" and attrs.get("name") == name


def _passes_a_role(tf_type: str, attrs: Mapping[str, Any]) -> bool:
    """A resource that hands a RAM role to a service: an FC function's `role`, an OSS trigger's invocation role,
    an EAS service's `role_arn`."""
    if tf_type == "alicloud_fcv3_function":
        return bool(attrs.get("role"))
    if tf_type == "alicloud_fcv3_trigger":
        return bool(attrs.get("invocation_role"))
    return tf_type == "alicloud_pai_service" and '"role_arn"' in str(attrs.get("service_config", ""))


@dataclass(frozen=True)
class Prerequisite:
    """One thing the account needs once. `service_name` is set for a service-linked role Terraform can create."""

    name: str
    kind: str
    needed_for: str
    how: str
    source: str
    trigger: Trigger
    service_name: str | None = None


PREREQUISITES: tuple[Prerequisite, ...] = (
    Prerequisite(
        "AliyunServiceRoleForFC", "service-linked role",
        "FC functions in a VPC and their logs (RAG ingestion, notebook reaper)",
        "created with `create_service_linked_roles`, else by FC on first use or in the RAM console",
        "https://www.alibabacloud.com/help/en/functioncompute/security-and-compliance/service-linked-role-of-function-compute"
        "; service name: README \"Assumptions\" 38",
        _of_type("alicloud_fcv3_function"), service_name="fc.aliyuncs.com"),
    Prerequisite(
        "AliyunServiceRoleForPaiEas", "service-linked role", "PAI-EAS services (\"Before you use EAS, you must "
        "assign the service-linked role\")",
        "created with `create_service_linked_roles`, else authorize it in the PAI console once",
        "https://www.alibabacloud.com/help/en/pai/user-guide/service-linked-role-for-eas; service name: README "
        "\"Assumptions\" 38",
        _of_type("alicloud_pai_service"), service_name="eas.pai.aliyuncs.com"),
    Prerequisite(
        "AliyunCSManagedAcrRole", "service role authorization",
        "the `managed-aliyun-acr-credential-helper` add-on (nodes pull the private team images)",
        "authorize it once in the ACK console (cluster authorization of managed components)",
        "https://www.alibabacloud.com/help/en/acr/user-guide/non-secret-pulling-container-image; README "
        "\"Assumptions\" 39",
        _addon("managed-aliyun-acr-credential-helper")),
    Prerequisite(
        "AliyunCSManagedAutoScalerRole + Auto Scaling", "service role authorization, activation",
        "autoscaled node pools (`alicloud_cs_autoscaling_config`)",
        "authorize the role and activate Auto Scaling once (ACK console)",
        "ACK \"Use Terraform to create a node pool that has auto scaling enabled\"",
        _of_type("alicloud_cs_autoscaling_config")),
    Prerequisite(
        "ARMS", "activation", "the `arms-prometheus` add-on (cluster metrics)",
        "activate ARMS once in its console, which authorizes its service role",
        "README \"Assumptions\" 37", _addon("arms-prometheus")),
    Prerequisite(
        "Alibaba Cloud DNS PrivateZone", "activation",
        "the registry's VPC endpoint (`enable_create_dns_record_in_pvzt` writes a PrivateZone record)",
        "activate PrivateZone once",
        "provider website/docs/r/cr_vpc_endpoint_linked_vpc.html.markdown; README \"Assumptions\" 37",
        lambda tf_type, attrs: tf_type == "alicloud_cr_vpc_endpoint_linked_vpc"
        and bool(attrs.get("enable_create_dns_record_in_pvzt"))),
    Prerequisite(
        "`ram:PassRole` for the deployer", "permission",
        "roles handed to FC functions, OSS triggers and EAS services",
        "allow the identity that runs Terraform `ram:PassRole` on `acs:ram::<account id>:role/ml-*`",
        "README \"Assumptions\" 37", _passes_a_role),
)


def needed(resources: Resources) -> list[Prerequisite]:
    """The prerequisites `resources` need, in the table's order."""
    items = list(resources)
    return [p for p in PREREQUISITES if any(p.trigger(tf_type, attrs) for tf_type, attrs in items)]


def markdown_table() -> str:
    """README "Prerequisites": one row per prerequisite."""
    rows = ["| prerequisite | kind | needed for | how | source |", "|---|---|---|---|---|"]
    rows += [f"| {p.name} | {p.kind} | {p.needed_for} | {p.how} | {p.source} |" for p in PREREQUISITES]
    return "\n".join(rows)
