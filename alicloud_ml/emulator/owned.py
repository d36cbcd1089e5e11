"""Objects a cloud API creates on its own beside the one it was asked for, and removes with it.

- ACK creates a security group for every cluster unless one is given, and exposes it as the cluster's
  `security_group_id` (provider v1.289.0 alicloud/resource_alicloud_cs_managed_kubernetes.go:
  Optional+Computed, "If it is not specified, a new Security group will be built"; its type follows
  `is_enterprise_security_group`). Node pools then join that group, so the emulated cloud must hold it
  like any other security group, or their references would not resolve.
- VPC creates its system route table and exposes it as `route_table_id` ("The ID of the system route
  table", website/docs/r/vpc.html.markdown:127; Read sets it from DescribeVpcAttribute's RouteTableId,
  alicloud/resource_alicloud_vpc.go:404), named and described by `system_route_table_name`/
  `_description`. Listing route tables (`data "alicloud_route_tables"`) finds it, as on the cloud.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CLUSTER = "alicloud_cs_managed_kubernetes"
SG = "alicloud_security_group"
VPC = "alicloud_vpc"
ROUTE_TABLE = "alicloud_route_table"
OWNER_KEY = "owner"  # marks an owned object in its stored state: "<type>:<id>" of the object that made it

State = dict[str, Any]


@dataclass(frozen=True)
class Owned:
    owned_type: str
    #: the owner's attribute that holds the owned object's id
    id_attr: str
    build: Callable[[State], State]


def _cluster_group(state: State) -> State:
    return {"vpc_id": state.get("vpc_id"),
            "security_group_name": f"alicloud-cs-auto-created-security-group-{state['id']}",
            "security_group_type": "enterprise" if state.get("is_enterprise_security_group") else "normal",
            "inner_access_policy": "Accept"}


def _system_route_table(state: State) -> State:
    return {"vpc_id": state["id"], "route_table_type": "System",
            "route_table_name": state.get("system_route_table_name") or "",
            "description": state.get("system_route_table_description") or "", "status": "Available"}


OWNED: dict[str, Owned] = {
    CLUSTER: Owned(SG, "security_group_id", _cluster_group),
    VPC: Owned(ROUTE_TABLE, "route_table_id", _system_route_table),
}


def created_with(type_name: str, state: State, prior: State | None,
                 lookup: Callable[[str, str], Any]) -> list[tuple[str, State]]:
    """(type, state) of each object the cloud creates along with `state`: none when the object was given
    (it exists already) or an update keeps it."""
    rule = OWNED.get(type_name)
    if rule is None or not state.get(rule.id_attr):
        return []
    owned_id = state[rule.id_attr]
    if (prior is not None and prior.get(rule.id_attr) == owned_id) or lookup(rule.owned_type, owned_id) is not None:
        return []
    return [(rule.owned_type, {**rule.build(state), "id": owned_id, OWNER_KEY: f"{type_name}:{state['id']}"})]


def deleted_with(type_name: str, state: State) -> list[tuple[str, str]]:
    """(type, id) of each object the cloud removes along with `state`."""
    rule = OWNED.get(type_name)
    if rule is not None and state.get(rule.id_attr):
        return [(rule.owned_type, state[rule.id_attr])]
    return []


def owned_by_someone(state: State | None) -> bool:
    return bool(state and state.get(OWNER_KEY))
