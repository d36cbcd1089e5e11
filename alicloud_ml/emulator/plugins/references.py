"""References between objects: an ID must name something the emulated cloud holds.

The same table tells the store which objects depend on which, so deleting a VPC that still
has vswitches fails with DependencyViolation, as the real API does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alicloud_ml.emulator.plugins.registry import CloudError, Context, check, known
from alicloud_ml.emulator.store import Store

VPC, VSW, SG = "alicloud_vpc", "alicloud_vswitch", "alicloud_security_group"
CLUSTER, FS = "alicloud_cs_managed_kubernetes", "alicloud_nas_file_system"

#: (referring type, attribute) -> referenced type. List/set attributes reference each element.
REFERENCES: dict[str, dict[str, str]] = {
    VSW: {"vpc_id": VPC},
    SG: {"vpc_id": VPC},
    "alicloud_security_group_rule": {"security_group_id": SG, "source_security_group_id": SG},
    "alicloud_nat_gateway": {"vpc_id": VPC, "vswitch_id": VSW},
    "alicloud_eip_association": {"allocation_id": "alicloud_eip_address"},
    "alicloud_snat_entry": {"source_vswitch_id": VSW},
    CLUSTER: {"vswitch_ids": VSW, "pod_vswitch_ids": VSW, "security_group_id": SG},
    "alicloud_cs_kubernetes_node_pool": {"cluster_id": CLUSTER, "vswitch_ids": VSW, "security_group_ids": SG,
                                         "security_group_id": SG, "deployment_set_id": "alicloud_ecs_deployment_set"},
    "alicloud_cs_kubernetes_addon": {"cluster_id": CLUSTER},
    "alicloud_cs_autoscaling_config": {"cluster_id": CLUSTER},
    "alicloud_nas_fileset": {"file_system_id": FS},
    FS: {"vpc_id": VPC, "vswitch_id": VSW},
    "alicloud_nas_mount_target": {"file_system_id": FS, "vpc_id": VPC, "vswitch_id": VSW},
    "alicloud_nas_protocol_service": {"file_system_id": FS, "vpc_id": VPC, "vswitch_id": VSW},
    "alicloud_nas_protocol_mount_target": {"file_system_id": FS, "vpc_id": VPC, "vswitch_id": VSW},
    "alicloud_oss_bucket_public_access_block": {"bucket": "alicloud_oss_bucket"},
    "alicloud_oss_bucket_server_side_encryption": {"bucket": "alicloud_oss_bucket"},
    "alicloud_oss_bucket_versioning": {"bucket": "alicloud_oss_bucket"},
    "alicloud_oss_bucket_object": {"bucket": "alicloud_oss_bucket"},  # OSS refuses to delete a bucket with objects
    "alicloud_ots_table": {"instance_name": "alicloud_ots_instance"},
    "alicloud_log_store": {"project_name": "alicloud_log_project", "project": "alicloud_log_project"},
    "alicloud_ram_role_policy_attachment": {"role_name": "alicloud_ram_role"},
    "alicloud_pai_service": {"workspace_id": "alicloud_pai_workspace_workspace"},
}

#: References that do not block deletion: the cloud deletes these with their target.
CASCADE = {("alicloud_security_group_rule", SG), ("alicloud_oss_bucket_public_access_block", "alicloud_oss_bucket"),
           ("alicloud_oss_bucket_server_side_encryption", "alicloud_oss_bucket"),
           ("alicloud_oss_bucket_versioning", "alicloud_oss_bucket")}

_NOT_FOUND = {VPC: "InvalidVpcId.NotFound", VSW: "InvalidVSwitchId.NotFound", SG: "InvalidSecurityGroupId.NotFound",
              CLUSTER: "ErrorClusterNotFound", FS: "InvalidFileSystem.NotFound"}


def _access_group(store: Store, state: dict[str, Any]) -> list[tuple[str, str, str]]:
    name = state.get("access_group_name")
    if not known(name) or name == "DEFAULT_VPC_GROUP_NAME":
        return []
    for fs_type in ("standard", "extreme"):
        if store.get("alicloud_nas_access_group", f"{name}:{fs_type}"):
            return [("access_group_name", "alicloud_nas_access_group", f"{name}:{fs_type}")]
    return [("access_group_name", "alicloud_nas_access_group", f"{name}:?")]


def _protocol_service(store: Store, state: dict[str, Any]) -> list[tuple[str, str, str]]:
    fs, ptc = state.get("file_system_id"), state.get("protocol_service_id")
    if known(fs) and known(ptc):
        return [("protocol_service_id", "alicloud_nas_protocol_service", f"{fs}:{ptc}")]
    return []


def _custom_policy(store: Store, state: dict[str, Any]) -> list[tuple[str, str, str]]:
    if state.get("policy_type") == "Custom" and known(state.get("policy_name")):
        return [("policy_name", "alicloud_ram_policy", state["policy_name"])]
    return []


def _eip_target(store: Store, state: dict[str, Any]) -> list[tuple[str, str, str]]:
    target = state.get("instance_id")
    if known(target) and str(target).startswith("ngw-"):
        return [("instance_id", "alicloud_nat_gateway", target)]
    return []


_SPECIAL: dict[str, Callable[[Store, dict[str, Any]], list[tuple[str, str, str]]]] = {
    "alicloud_nas_mount_target": _access_group,
    "alicloud_nas_access_rule": _access_group,
    "alicloud_nas_protocol_mount_target": _protocol_service,
    "alicloud_ram_role_policy_attachment": _custom_policy,
    "alicloud_eip_association": _eip_target,
}


def targets(store: Store, type_name: str, state: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(attribute, referenced type, referenced id) for every known reference in a state."""
    out: list[tuple[str, str, str]] = []
    for attr, target in REFERENCES.get(type_name, {}).items():
        value = state.get(attr)
        for v in value if isinstance(value, list) else [value]:
            if known(v):
                out.append((attr, target, v))
    if type_name in _SPECIAL:
        out.extend(_SPECIAL[type_name](store, state))
    return out


def hard_refs(store: Store, type_name: str, state: dict[str, Any]) -> list[tuple[str, str]]:
    return [(t, i) for _, t, i in targets(store, type_name, state) if (type_name, t) not in CASCADE]


@check()
def referenced_objects_exist(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    # Apply only: at plan time a configured name (bucket, project) may belong to an object
    # created earlier in the same apply, and the plan cannot tell a literal from a reference.
    if not ctx.applying:
        return []
    type_name = ctx.type_name
    errors = []
    for attr, target, object_id in targets(ctx.store, type_name, state):
        if ctx.store.get(target, object_id) is None:
            code = _NOT_FOUND.get(target, "InvalidParameter.NotFound")
            shown = object_id.split(":")[0] if object_id.endswith(":?") else object_id
            errors.append(CloudError(code, f"{ctx.address} {attr} {shown} does not exist: no {target} with that id "
                                           "in the emulated cloud", (attr,)))
    if type_name == "alicloud_snat_entry" and known(state.get("snat_table_id")):
        tables = {g.get("snat_table_ids") for g in ctx.store.find("alicloud_nat_gateway")}
        if state["snat_table_id"] not in tables:
            errors.append(CloudError("InvalidSnatTableId.NotFound", f"{ctx.address} snat_table_id "
                                     f"{state['snat_table_id']} is not the SNAT table of any NAT gateway",
                                     ("snat_table_id",)))
    return errors
