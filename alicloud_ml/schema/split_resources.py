"""Split resources: pairs where a standalone child resource manages part of a parent resource's cloud object.

Both resources read and write the same cloud setting, so the provider's Read of the parent returns what
the child wrote. Where the parent's attribute is Optional and not Computed, a parent that leaves it out
of its configuration plans to remove it again on every apply (and its Update does remove it: e.g.
`DeleteBucketEncryption` in resource_alicloud_oss_bucket.go's Update when `server_side_encryption_rule`
changes to empty). The provider docs therefore ask for `lifecycle { ignore_changes = [...] }` on the
parent, or forbid using both at once.

One row per pair, each citing the docs note at provider v1.289.0 (website/docs/r/<file>). The gate
(ALIML_026) reads `ignore_required`; the emulator's read model (alicloud_ml/emulator/read_model.py)
implements each row's writes and reads. Searched: `git grep -i -E "ignore_changes|conflict|same time|
simultaneous" website/docs/r/` at v1.289.0; rows whose note is about one resource's own server-side
values (ess_scheduled_task launch_time, cms_alarm_contact channels_mail, bastionhost passwords, the
node pool's Auto Mode list) are not pairs and live with the read model's normalisations instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SplitPair:
    child: str
    parent: str
    #: the child's argument that names the parent object, and the parent attribute it holds
    parent_ref: str
    parent_key: str
    #: the parent's attributes the child manages (what `ignore_changes` must list)
    parent_attrs: tuple[str, ...]
    #: the docs say the parent MUST ignore those attributes when both are used; otherwise they say
    #: "do not use both" (the gate then asks for one of the two)
    ignore_required: bool
    source: str


_OSS_NOTE = "website/docs/r/oss_bucket.html.markdown:18 (NOTE on standalone sub-resources)"


def _oss(child: str, attr: str, doc_line: int) -> SplitPair:
    return SplitPair(f"alicloud_oss_bucket_{child}", "alicloud_oss_bucket", "bucket", "bucket", (attr,), True,
                     f"website/docs/r/oss_bucket_{child}.html.markdown:{doc_line}; {_OSS_NOTE}")


SPLIT_PAIRS: tuple[SplitPair, ...] = (
    _oss("acl", "acl", 45),
    _oss("policy", "policy", 45),
    _oss("versioning", "versioning", 45),
    _oss("server_side_encryption", "server_side_encryption_rule", 45),
    _oss("logging", "logging", 48),
    _oss("cors", "cors_rule", 44),
    _oss("website", "website", 45),
    _oss("referer", "referer_config", 45),
    _oss("transfer_acceleration", "transfer_acceleration", 46),
    SplitPair("alicloud_alb_load_balancer_access_log_config_attachment", "alicloud_alb_load_balancer",
              "load_balancer_id", "id", ("access_log_config",), True,
              "website/docs/r/alb_load_balancer_access_log_config_attachment.html.markdown:91"),
    SplitPair("alicloud_vpc_ipv4_cidr_block", "alicloud_vpc", "vpc_id", "id", ("secondary_cidr_blocks",), False,
              "website/docs/r/vpc.html.markdown:100 (`secondary_cidr_blocks` and `alicloud_vpc_ipv4_cidr_block` "
              "cannot be used at the same time)"),
    SplitPair("alicloud_vpc_network_acl_attachment", "alicloud_network_acl", "network_acl_id", "id", ("resources",),
              False, "website/docs/r/network_acl.html.markdown:19, vpc_network_acl_attachment.html.markdown:19 "
                     "(do not mix with `resources`: apply toggles between binding and unbinding)"),
    SplitPair("alicloud_network_acl_attachment", "alicloud_network_acl", "network_acl_id", "id", ("resources",),
              False, "website/docs/r/network_acl_attachment.html.markdown:15-17"),
    SplitPair("alicloud_vpc_gateway_endpoint_route_table_attachment", "alicloud_vpc_gateway_endpoint",
              "gateway_endpoint_id", "id", ("route_tables",), False,
              "website/docs/r/vpc_gateway_endpoint.html.markdown:80 (`route_tables` cannot be set at the same time "
              "as the attachment)"),
    SplitPair("alicloud_ecs_ram_role_attachment", "alicloud_instance", "instance_id", "id", ("role_name",), False,
              "website/docs/r/instance.html.markdown:274 (use alicloud_ecs_ram_role_attachment instead of "
              "`role_name`)"),
    SplitPair("alicloud_gpdb_db_instance_ip_array", "alicloud_gpdb_instance", "db_instance_id", "id",
              ("ip_whitelist",), False,
              "alicloud/resource_alicloud_gpdb_instance.go:664-679 (Read sets `ip_whitelist` to every group "
              "DescribeDBInstanceIPArrayList returns) and resource_alicloud_gpdb_db_instance_ip_array.go:64 "
              "(CreateDBInstanceIPArray adds a group to the same list)"),
    SplitPair("alicloud_ram_user_group_attachment", "alicloud_ram_group_membership", "group_name", "group_name",
              ("user_names",), False,
              "alicloud/resource_alicloud_ram_group_membership.go:92-110 (Read sets `user_names` to every user of "
              "the group), so a membership beside per-user attachments of the same group never plans clean"),
)

BY_CHILD: dict[str, SplitPair] = {p.child: p for p in SPLIT_PAIRS}


def pairs_for_parent(parent_type: str) -> list[SplitPair]:
    return [p for p in SPLIT_PAIRS if p.parent == parent_type]
