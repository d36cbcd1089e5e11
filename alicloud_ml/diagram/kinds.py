"""Which resource types are drawn as boxes, in which tier, and which are folded into another box.

A platform stack has 40-170 resources; most are satellites a reader does not think of as things
(rules, policy attachments, bucket settings, log stores, add-ons). Each satellite type names the
types that own it; the builder folds it into that owner's box and the facts count it there.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Tiers, in the order a reader walks an ML platform: network -> cluster -> pools -> storage -> serving.
TIERS = {
    "ack": "ACK cluster",
    "cpfs": "CPFS",
    "eas": "PAI-EAS services",
    "rag": "RAG tier",
    "registry": "Container registry",
    "workspace": "PAI workspace and notebooks",
    "observability": "Observability",
    "state": "Terraform state",
    "iam": "RAM roles",
    "functions": "Function Compute",
    "other": "Other resources",
}


@dataclass(frozen=True)
class Kind:
    label: str                      # what a reader calls it
    tier: str | None                # a key of TIERS; None: placed by the network (vSwitch, NAT, security group)
    name_keys: tuple[str, ...] = ()  # attributes that hold its name, first one set wins


KINDS = {
    "alicloud_vpc": Kind("VPC", None, ("vpc_name",)),
    "alicloud_vswitch": Kind("vSwitch", None, ("vswitch_name",)),
    "alicloud_nat_gateway": Kind("NAT gateway", None, ("nat_gateway_name",)),
    "alicloud_security_group": Kind("Security group", None, ("security_group_name",)),
    "alicloud_cs_managed_kubernetes": Kind("ACK control plane", "ack", ("name",)),
    "alicloud_cs_kubernetes_node_pool": Kind("Node pool", "ack", ("node_pool_name",)),
    "alicloud_nas_file_system": Kind("CPFS file system", "cpfs", ("description",)),
    "alicloud_nas_protocol_mount_target": Kind("NFS mount target", "cpfs"),
    "alicloud_pai_service": Kind("EAS service", "eas"),
    "alicloud_gpdb_instance": Kind("AnalyticDB vector store", "rag", ("description",)),
    "alicloud_kms_key": Kind("KMS key", "other"),
    "alicloud_oss_bucket": Kind("OSS bucket", "other", ("bucket",)),
    "alicloud_fcv3_function": Kind("Function", "functions", ("function_name",)),
    "alicloud_cr_ee_instance": Kind("Container Registry EE", "registry", ("instance_name",)),
    "alicloud_log_project": Kind("SLS project", "observability", ("project_name",)),
    "alicloud_ram_role": Kind("RAM role", "iam", ("role_name",)),
    "alicloud_pai_workspace_workspace": Kind("PAI workspace", "workspace", ("workspace_name",)),
    "alicloud_ots_instance": Kind("Tablestore instance", "state", ("name",)),
}

#: satellite type -> the types it is folded into (the first one it references, or that references it)
SATELLITES = {
    "alicloud_security_group_rule": ("alicloud_security_group",),
    "alicloud_cs_kubernetes_addon": ("alicloud_cs_managed_kubernetes",),
    "alicloud_cs_autoscaling_config": ("alicloud_cs_managed_kubernetes",),
    "alicloud_ram_role_policy_attachment": ("alicloud_ram_role",),
    "alicloud_ram_policy": ("alicloud_ram_role",),
    "alicloud_oss_bucket_acl": ("alicloud_oss_bucket",),
    "alicloud_oss_bucket_public_access_block": ("alicloud_oss_bucket",),
    "alicloud_oss_bucket_server_side_encryption": ("alicloud_oss_bucket",),
    "alicloud_oss_bucket_versioning": ("alicloud_oss_bucket",),
    "alicloud_oss_bucket_policy": ("alicloud_oss_bucket",),
    "alicloud_oss_bucket_logging": ("alicloud_oss_bucket",),
    "alicloud_gpdb_account": ("alicloud_gpdb_instance",),
    "alicloud_gpdb_backup_policy": ("alicloud_gpdb_instance",),
    "alicloud_kms_secret": ("alicloud_kms_key",),
    "alicloud_nas_protocol_service": ("alicloud_nas_protocol_mount_target", "alicloud_nas_file_system"),
    "alicloud_nas_access_group": ("alicloud_nas_file_system",),
    "alicloud_nas_access_rule": ("alicloud_nas_file_system",),
    "alicloud_eip_address": ("alicloud_nat_gateway",),
    "alicloud_eip_association": ("alicloud_nat_gateway",),
    "alicloud_snat_entry": ("alicloud_nat_gateway",),
    "alicloud_cr_ee_namespace": ("alicloud_cr_ee_instance",),
    "alicloud_cr_ee_repo": ("alicloud_cr_ee_instance",),
    "alicloud_cr_vpc_endpoint_linked_vpc": ("alicloud_cr_ee_instance",),
    "alicloud_log_store": ("alicloud_log_project",),
    "alicloud_fcv3_trigger": ("alicloud_fcv3_function",),
    "alicloud_oss_bucket_object": ("alicloud_fcv3_function",),  # a function's code package (constructs/_fc_code.py)
    "alicloud_pai_workspace_code_source": ("alicloud_pai_workspace_workspace",),
    "alicloud_pai_workspace_dataset": ("alicloud_pai_workspace_workspace",),
    "alicloud_pai_workspace_experiment": ("alicloud_pai_workspace_workspace",),
    "alicloud_ots_table": ("alicloud_ots_instance",),
}

#: A tier whose members take the tier of what uses them (a KMS key of the RAG store is part of RAG).
BORROWING_TYPES = frozenset({"alicloud_kms_key", "alicloud_oss_bucket", "alicloud_fcv3_function"})


def kind_of(rtype: str) -> Kind:
    """The drawn kind of a resource type; unknown types get a readable fallback in the `other` tier."""
    known = KINDS.get(rtype)
    if known is not None:
        return known
    words = [_ACRONYMS.get(w, w) for w in rtype.removeprefix("alicloud_").split("_")]
    return Kind(" ".join(words), "other", ("name",))


#: how the words of a resource type read in a label (`nas protocol service` → `NAS protocol service`)
_ACRONYMS = {"nas": "NAS", "oss": "OSS", "ram": "RAM", "eip": "EIP", "cr": "CR", "ee": "EE", "kms": "KMS",
             "pai": "PAI", "ots": "Tablestore", "cs": "ACK", "snat": "SNAT", "gpdb": "AnalyticDB", "vpc": "VPC",
             "fcv3": "FC", "sls": "SLS", "log": "SLS log", "ecs": "ECS", "nat": "NAT"}
