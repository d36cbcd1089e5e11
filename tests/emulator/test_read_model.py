"""After apply, Read returns what the real provider's Read returns: split resources write into their parent,
and the cloud's own defaults and normal forms come back, so a re-plan is empty only where it would be on
the cloud (alicloud_ml/emulator/read_model.py, alicloud_ml/schema/split_resources.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alicloud_ml.schema.split_resources import SPLIT_PAIRS
from tests.emulator.conftest import Workspace, actions

HEADER = """
terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud", version = "1.289.0" }
  }
}
provider "alicloud" { region = "cn-shanghai" }
"""

#: One parent and one child per split pair, the parent's own configuration of the shared setting
#: included where it is Optional+Computed (otherwise leaving it out is what drifts). {lifecycle}
#: marks where each parent's `ignore_changes` goes; keys are the child types they exercise.
PAIRS_HCL: dict[str, str] = {
    "alicloud_oss_bucket_acl": """
resource "alicloud_oss_bucket" "acl" {
  bucket = "rm-acl-bucket"
  acl    = "private"
  {lifecycle:acl}
}
resource "alicloud_oss_bucket_acl" "acl" {
  bucket = alicloud_oss_bucket.acl.bucket
  acl    = "public-read"
}""",
    "alicloud_oss_bucket_policy": """
resource "alicloud_oss_bucket" "policy" {
  bucket = "rm-policy-bucket"
  {lifecycle:policy}
}
resource "alicloud_oss_bucket_policy" "policy" {
  bucket = alicloud_oss_bucket.policy.bucket
  policy = jsonencode({ Version = "1", Statement = [{ Action = ["oss:GetObject"], Effect = "Deny",
                        Principal = ["1234567890"], Resource = ["acs:oss:*:1234567890:*/*"] }] })
}""",
    "alicloud_oss_bucket_versioning": """
resource "alicloud_oss_bucket" "versioning" {
  bucket = "rm-versioning-bucket"
  {lifecycle:versioning}
}
resource "alicloud_oss_bucket_versioning" "versioning" {
  bucket = alicloud_oss_bucket.versioning.bucket
  status = "Enabled"
}""",
    "alicloud_oss_bucket_server_side_encryption": """
resource "alicloud_kms_key" "sse" { description = "documents" }
resource "alicloud_oss_bucket" "sse" {
  bucket = "rm-sse-bucket"
  {lifecycle:server_side_encryption_rule}
}
resource "alicloud_oss_bucket_server_side_encryption" "sse" {
  bucket            = alicloud_oss_bucket.sse.bucket
  sse_algorithm     = "KMS"
  kms_master_key_id = alicloud_kms_key.sse.id
}""",
    "alicloud_oss_bucket_logging": """
resource "alicloud_oss_bucket" "logging" {
  bucket = "rm-logging-bucket"
  {lifecycle:logging}
}
resource "alicloud_oss_bucket_logging" "logging" {
  bucket        = alicloud_oss_bucket.logging.bucket
  target_bucket = alicloud_oss_bucket.logging.bucket
  target_prefix = "log/"
}""",
    "alicloud_oss_bucket_cors": """
resource "alicloud_oss_bucket" "cors" {
  bucket = "rm-cors-bucket"
  {lifecycle:cors_rule}
}
resource "alicloud_oss_bucket_cors" "cors" {
  bucket = alicloud_oss_bucket.cors.bucket
  cors_rule {
    allowed_methods = ["GET"]
    allowed_origins = ["*"]
  }
}""",
    "alicloud_oss_bucket_website": """
resource "alicloud_oss_bucket" "website" {
  bucket = "rm-website-bucket"
  {lifecycle:website}
}
resource "alicloud_oss_bucket_website" "website" {
  bucket = alicloud_oss_bucket.website.bucket
  index_document {
    suffix = "index.html"
  }
}""",
    "alicloud_oss_bucket_referer": """
resource "alicloud_oss_bucket" "referer" {
  bucket = "rm-referer-bucket"
  {lifecycle:referer_config}
}
resource "alicloud_oss_bucket_referer" "referer" {
  bucket              = alicloud_oss_bucket.referer.bucket
  allow_empty_referer = true
  referer_list        = ["*.example.com"]
}""",
    "alicloud_oss_bucket_transfer_acceleration": """
resource "alicloud_oss_bucket" "acceleration" {
  bucket = "rm-acceleration-bucket"
  {lifecycle:transfer_acceleration}
}
resource "alicloud_oss_bucket_transfer_acceleration" "acceleration" {
  bucket  = alicloud_oss_bucket.acceleration.bucket
  enabled = true
}""",
    "alicloud_alb_load_balancer_access_log_config_attachment": """
data "alicloud_alb_zones" "alb" {}
resource "alicloud_vpc" "alb" { cidr_block = "10.8.0.0/16" }
resource "alicloud_vswitch" "alb" {
  count      = 2
  vpc_id     = alicloud_vpc.alb.id
  cidr_block = "10.8.${count.index}.0/24"
  zone_id    = data.alicloud_alb_zones.alb.zones[count.index].id
}
resource "alicloud_log_project" "alb" { project_name = "rm-alb-logs" }
resource "alicloud_log_store" "alb" {
  project_name  = alicloud_log_project.alb.project_name
  logstore_name = "access"
}
resource "alicloud_alb_load_balancer" "alb" {
  vpc_id                 = alicloud_vpc.alb.id
  address_type           = "Intranet"
  address_allocated_mode = "Dynamic"
  load_balancer_edition  = "Basic"
  load_balancer_billing_config {
    pay_type = "PayAsYouGo"
  }
  zone_mappings {
    vswitch_id = alicloud_vswitch.alb[0].id
    zone_id    = alicloud_vswitch.alb[0].zone_id
  }
  zone_mappings {
    vswitch_id = alicloud_vswitch.alb[1].id
    zone_id    = alicloud_vswitch.alb[1].zone_id
  }
  {lifecycle:access_log_config}
}
resource "alicloud_alb_load_balancer_access_log_config_attachment" "alb" {
  load_balancer_id = alicloud_alb_load_balancer.alb.id
  log_project      = alicloud_log_project.alb.project_name
  log_store        = alicloud_log_store.alb.logstore_name
}""",
    "alicloud_vpc_ipv4_cidr_block": """
resource "alicloud_vpc" "secondary" {
  cidr_block            = "10.1.0.0/16"
  secondary_cidr_blocks = ["172.16.0.0/16"]
  {lifecycle:secondary_cidr_blocks}
}
resource "alicloud_vpc_ipv4_cidr_block" "secondary" {
  vpc_id               = alicloud_vpc.secondary.id
  secondary_cidr_block = "192.168.0.0/16"
}""",
    "alicloud_vpc_network_acl_attachment": """
resource "alicloud_vpc" "acl" { cidr_block = "10.2.0.0/16" }
resource "alicloud_vswitch" "acl" {
  count      = 2
  vpc_id     = alicloud_vpc.acl.id
  cidr_block = "10.2.${count.index}.0/24"
  zone_id    = "cn-shanghai-b"
}
resource "alicloud_network_acl" "acl" {
  vpc_id = alicloud_vpc.acl.id
  resources {
    resource_id   = alicloud_vswitch.acl[0].id
    resource_type = "VSwitch"
  }
  {lifecycle:resources}
}
resource "alicloud_vpc_network_acl_attachment" "acl" {
  network_acl_id = alicloud_network_acl.acl.id
  resource_id    = alicloud_vswitch.acl[1].id
  resource_type  = "VSwitch"
}""",
    "alicloud_network_acl_attachment": """
resource "alicloud_vpc" "acl_old" { cidr_block = "10.3.0.0/16" }
resource "alicloud_vswitch" "acl_old" {
  count      = 2
  vpc_id     = alicloud_vpc.acl_old.id
  cidr_block = "10.3.${count.index}.0/24"
  zone_id    = "cn-shanghai-b"
}
resource "alicloud_network_acl" "acl_old" {
  vpc_id = alicloud_vpc.acl_old.id
  resources {
    resource_id   = alicloud_vswitch.acl_old[0].id
    resource_type = "VSwitch"
  }
  {lifecycle:resources}
}
resource "alicloud_network_acl_attachment" "acl_old" {
  network_acl_id = alicloud_network_acl.acl_old.id
  resources {
    resource_id   = alicloud_vswitch.acl_old[1].id
    resource_type = "VSwitch"
  }
}""",
    "alicloud_vpc_gateway_endpoint_route_table_attachment": """
resource "alicloud_vpc" "endpoint" { cidr_block = "10.4.0.0/16" }
resource "alicloud_route_table" "endpoint" {
  count  = 2
  vpc_id = alicloud_vpc.endpoint.id
}
resource "alicloud_vpc_gateway_endpoint" "endpoint" {
  service_name = "com.aliyun.cn-shanghai.oss"
  vpc_id       = alicloud_vpc.endpoint.id
  route_tables = [alicloud_route_table.endpoint[0].id]
  {lifecycle:route_tables}
}
resource "alicloud_vpc_gateway_endpoint_route_table_attachment" "endpoint" {
  gateway_endpoint_id = alicloud_vpc_gateway_endpoint.endpoint.id
  route_table_id      = alicloud_route_table.endpoint[1].id
}""",
    "alicloud_ecs_ram_role_attachment": """
resource "alicloud_vpc" "ecs" { cidr_block = "10.5.0.0/16" }
resource "alicloud_vswitch" "ecs" {
  vpc_id     = alicloud_vpc.ecs.id
  cidr_block = "10.5.0.0/24"
  zone_id    = "cn-shanghai-b"
}
resource "alicloud_security_group" "ecs" { vpc_id = alicloud_vpc.ecs.id }
resource "alicloud_ram_role" "ecs" {
  count                       = 2
  role_name                   = "rm-ecs-role-${count.index}"
  assume_role_policy_document = jsonencode({ Version = "1", Statement = [{ Action = "sts:AssumeRole",
                                  Effect = "Allow", Principal = { Service = ["ecs.aliyuncs.com"] } }] })
}
resource "alicloud_instance" "ecs" {
  instance_type     = "ecs.g7.xlarge"
  image_id          = "aliyun_3_x64_20G_alibase_20250629.vhd"
  vswitch_id        = alicloud_vswitch.ecs.id
  security_groups   = [alicloud_security_group.ecs.id]
  availability_zone = "cn-shanghai-b"
  role_name         = alicloud_ram_role.ecs[0].role_name
  {lifecycle:role_name}
}
resource "alicloud_ecs_ram_role_attachment" "ecs" {
  instance_id   = alicloud_instance.ecs.id
  ram_role_name = alicloud_ram_role.ecs[1].role_name
}""",
    "alicloud_gpdb_db_instance_ip_array": """
resource "alicloud_vpc" "gpdb" { cidr_block = "10.6.0.0/16" }
resource "alicloud_vswitch" "gpdb" {
  vpc_id     = alicloud_vpc.gpdb.id
  cidr_block = "10.6.0.0/24"
  zone_id    = "cn-shanghai-b"
}
resource "alicloud_gpdb_instance" "gpdb" {
  db_instance_category  = "HighAvailability"
  db_instance_class     = "gpdb.group.segsdx1"
  db_instance_mode      = "StorageElastic"
  engine                = "gpdb"
  engine_version        = "6.0"
  instance_network_type = "VPC"
  instance_spec         = "2C16G"
  payment_type          = "PayAsYouGo"
  seg_node_num          = 4
  seg_storage_type      = "cloud_essd"
  storage_size          = 50
  vpc_id                = alicloud_vpc.gpdb.id
  vswitch_id            = alicloud_vswitch.gpdb.id
  zone_id               = "cn-shanghai-b"
  ip_whitelist {
    ip_group_name    = "default"
    security_ip_list = "10.6.0.0/16"
  }
  {lifecycle:ip_whitelist}
}
resource "alicloud_gpdb_db_instance_ip_array" "gpdb" {
  db_instance_id            = alicloud_gpdb_instance.gpdb.id
  db_instance_ip_array_name = "extra"
  security_ip_list          = ["10.7.0.0/16"]
}""",
    "alicloud_ram_user_group_attachment": """
resource "alicloud_ram_group" "team" { group_name = "rm-team" }
resource "alicloud_ram_user" "team" {
  count = 2
  name  = "rm-user-${count.index}"
}
resource "alicloud_ram_group_membership" "team" {
  group_name = alicloud_ram_group.team.group_name
  user_names = [alicloud_ram_user.team[0].name]
  {lifecycle:user_names}
}
resource "alicloud_ram_user_group_attachment" "team" {
  group_name = alicloud_ram_group.team.group_name
  user_name  = alicloud_ram_user.team[1].name
}""",
}


def _hcl(children: list[str], *, ignore: bool) -> str:
    out = [HEADER]
    for child in children:
        text = PAIRS_HCL[child]
        start = text.index("{lifecycle:")
        attr = text[start + len("{lifecycle:"):text.index("}", start)]
        block = f"lifecycle {{\n    ignore_changes = [{attr}]\n  }}" if ignore else ""
        out.append(text.replace(f"{{lifecycle:{attr}}}", block))
    return "\n".join(out)


def _parents(plan: dict) -> set[str]:
    """Addresses the plan would change in place."""
    return {a for a, acts in actions(plan).items() if acts == ["update"]}


def _address(type_name: str, text: str) -> str:
    match = re.search(r'resource "' + type_name + r'" "(\w+)"', text)
    assert match, type_name
    return f"{type_name}.{match[1]}"


def _write(ws: Workspace, text: str) -> None:
    (ws.root / "main.tf").write_text(text)


def test_every_split_pair_has_a_scenario_and_an_emulator_model() -> None:
    from alicloud_ml.emulator.read_model import MODELS

    assert {p.child for p in SPLIT_PAIRS} == set(PAIRS_HCL) == set(MODELS)


def test_each_parent_drifts_beside_its_child_until_the_documented_ignore_changes_is_set(ws: Workspace) -> None:
    """GIVEN every split pair, the parent configuring its side as users write it WHEN applied and re-planned
    THEN every parent plans an in-place update (as on the cloud), and with ignore_changes nothing does."""
    children = list(PAIRS_HCL)
    _write(ws, _hcl(children, ignore=False))
    ws.apply()
    parents = {_address(p.parent, PAIRS_HCL[p.child]) for p in SPLIT_PAIRS}
    assert _parents(ws.plan_json()) == parents

    _write(ws, _hcl(children, ignore=True))
    ws.apply()
    assert ws.plan_exit_code() == 0
    ws.run("destroy", "-auto-approve", "-input=false")
    assert ws.state_list() == set()


def test_a_bucket_without_ignore_changes_loses_its_encryption_on_every_other_apply(ws: Workspace) -> None:
    """The real bucket Update deletes the encryption when `server_side_encryption_rule` goes empty, and the
    encryption resource's Read then finds none: the two take turns, every apply."""
    _write(ws, _hcl(["alicloud_oss_bucket_server_side_encryption"], ignore=False))
    ws.apply()
    ws.apply()  # the bucket's update strips the rule
    bucket = next(r for r in ws.show()["values"]["root_module"]["resources"] if r["address"] == "alicloud_oss_bucket.sse")
    assert bucket["values"]["server_side_encryption_rule"] == []
    assert actions(ws.plan_json())["alicloud_oss_bucket_server_side_encryption.sse"] == ["create"]


def test_a_parent_created_after_a_child_keeps_what_the_child_added(ws: Workspace) -> None:
    """GIVEN a user attached to a group before the group's membership resource exists (Terraform may create
    them in either order) WHEN the membership is created THEN the group still has that user, so the
    membership drifts as on the cloud (its Create only adds its own users; Read lists them all)."""
    text = PAIRS_HCL["alicloud_ram_user_group_attachment"].replace(
        "  {lifecycle:user_names}\n", "  depends_on = [alicloud_ram_user_group_attachment.team]\n")
    _write(ws, HEADER + text)
    ws.apply()
    membership = next(r for r in ws.show()["values"]["root_module"]["resources"]
                      if r["address"] == "alicloud_ram_group_membership.team")
    assert sorted(membership["values"]["user_names"]) == ["rm-user-0", "rm-user-1"]
    assert _parents(ws.plan_json()) == {"alicloud_ram_group_membership.team"}


GPDB_ONLY_CUSTOM = PAIRS_HCL["alicloud_gpdb_db_instance_ip_array"].split('resource "alicloud_gpdb_db_instance_ip_array"')[0]


@pytest.mark.parametrize(("groups", "clean"), [
    ('ip_whitelist {\n    ip_group_name = "ml_vpc"\n    security_ip_list = "10.6.0.0/16"\n  }', False),
    ('ip_whitelist {\n    ip_group_name = "default"\n    security_ip_list = "127.0.0.1"\n  }\n'
     '  ip_whitelist {\n    ip_group_name = "ml_vpc"\n    security_ip_list = "10.6.0.0/16"\n  }', True),
])
def test_analyticdb_always_has_its_default_whitelist_group(ws: Workspace, groups: str, clean: bool) -> None:
    text = GPDB_ONLY_CUSTOM.replace('ip_whitelist {\n    ip_group_name    = "default"\n    security_ip_list = '
                                    '"10.6.0.0/16"\n  }', groups).replace("{lifecycle:ip_whitelist}", "")
    _write(ws, HEADER + text)
    ws.apply()
    names = [g["ip_group_name"] for g in next(r for r in ws.show()["values"]["root_module"]["resources"]
                                              if r["type"] == "alicloud_gpdb_instance")["values"]["ip_whitelist"]]
    assert names == ["default", "ml_vpc"]
    assert (ws.plan_exit_code() == 0) is clean


@pytest.mark.parametrize(("interval", "clean"), [("365d", False), ("31536000s", True)])
def test_kms_rotation_interval_reads_back_in_seconds(ws: Workspace, interval: str, clean: bool) -> None:
    _write(ws, HEADER + f'resource "alicloud_kms_key" "k" {{\n  automatic_rotation = "Enabled"\n'
                        f'  rotation_interval = "{interval}"\n}}\n')
    ws.apply()
    assert (ws.plan_exit_code() == 0) is clean


def test_a_vpc_lists_its_system_route_table(ws: Workspace, tmp_path: Path) -> None:
    _write(ws, HEADER + 'resource "alicloud_vpc" "v" { cidr_block = "10.0.0.0/16" }\n'
                        'data "alicloud_route_tables" "r" { vpc_id = alicloud_vpc.v.id }\n'
                        'output "ids" { value = data.alicloud_route_tables.r.ids }\n'
                        'output "system" { value = alicloud_vpc.v.route_table_id }\n')
    ws.apply()
    outputs = ws.show()["values"]["outputs"]
    assert outputs["ids"]["value"] == [outputs["system"]["value"]]
    ws.run("destroy", "-auto-approve", "-input=false")
    assert ws.state_list() == set()
