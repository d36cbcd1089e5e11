"""Objects a cloud API creates on its own beside the one it was asked for, and removes with it.

ACK creates a security group for every cluster unless one is given, and exposes it as the cluster's
`security_group_id` (provider v1.289.0 alicloud/resource_alicloud_cs_managed_kubernetes.go:
Optional+Computed, "If it is not specified, a new Security group will be built"; its type follows
`is_enterprise_security_group`). Node pools then join that group, so the emulated cloud must hold it
like any other security group, or their references would not resolve.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CLUSTER = "alicloud_cs_managed_kubernetes"
SG = "alicloud_security_group"
OWNER_KEY = "owner"  # marks an owned object in its stored state: "<type>:<id>" of the object that made it


def created_with(type_name: str, state: dict[str, Any], prior: dict[str, Any] | None,
                 lookup: Callable[[str, str], Any]) -> list[tuple[str, dict[str, Any]]]:
    """(type, state) of each object the cloud creates along with `state`: none when the group was given
    (it exists already) or an update keeps it."""
    if type_name != CLUSTER or not state.get("security_group_id"):
        return []
    if (prior is not None and prior.get("security_group_id") == state["security_group_id"]) \
            or lookup(SG, state["security_group_id"]) is not None:
        return []
    group = {"id": state["security_group_id"], "vpc_id": state.get("vpc_id"),
             "security_group_name": f"alicloud-cs-auto-created-security-group-{state['id']}",
             "security_group_type": "enterprise" if state.get("is_enterprise_security_group") else "normal",
             "inner_access_policy": "Accept", OWNER_KEY: f"{CLUSTER}:{state['id']}"}
    return [(SG, group)]


def deleted_with(type_name: str, state: dict[str, Any]) -> list[tuple[str, str]]:
    """(type, id) of each object the cloud removes along with `state`."""
    if type_name == CLUSTER and state.get("security_group_id"):
        return [(SG, state["security_group_id"])]
    return []


def owned_by_someone(state: dict[str, Any] | None) -> bool:
    return bool(state and state.get(OWNER_KEY))
