"""Each project check against one synthesized JSON holding `pass_*`, `fail_*` and `na_*` resources.

For every check: the exact set of failing and passing subjects, the construct path on each
failure, no parse errors, and the CLI exit code (1 on the fixture, 0 once the `fail_*` are gone)
at the check's own severity.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from alicloud_ml.policies.severities import project_severities
from tests.policies import fixtures as fx

TRAIN_SG = "${alicloud_security_group.train_sg.id}"
SUBJECT = ("pass_", "fail_", "na_")


def _ram(action: Any, resource: Any, effect: str = "Allow") -> str:
    return json.dumps({"Version": "1", "Statement": [{"Effect": effect, "Action": action, "Resource": resource}]})


def _ram_statements(*grants: tuple[str, str]) -> str:
    return json.dumps({"Version": "1", "Statement": [{"Effect": "Allow", "Action": [a], "Resource": [r]}
                                                     for a, r in grants]})


INLINE_PROTECTION = {"versioning": [{"status": "Enabled"}],
                     "server_side_encryption_rule": [{"sse_algorithm": "KMS", "kms_master_key_id": "key-1"}]}


def gpdb(**overrides: Any) -> dict[str, Any]:
    """An AnalyticDB instance as VectorStore writes it: in the base VPC, whitelist = its vSwitch."""
    attrs = {"engine": "gpdb", "engine_version": "6.0", "db_instance_mode": "StorageElastic", "vpc_id": fx.VPC,
             "vswitch_id": fx.VSWITCH, "ip_whitelist": [{"ip_group_name": "ml_vpc", "security_ip_list": "10.1.0.0/16"}]}
    return {k: v for k, v in {**attrs, **overrides}.items() if v is not None}


def rag_function(**overrides: Any) -> dict[str, Any]:
    """An ingestion function that reads the `pass_in_vpc` store; secrets by name only."""
    return {"function_name": "ingest", "runtime": "python3.10", "handler": "index.handler",
            "environment_variables": {"RAG_DB_HOST": "${alicloud_gpdb_instance.pass_in_vpc.connection_string}",
                                      "RAG_DB_PASSWORD_SECRET": "ml-dev-rag-db-password"}, **overrides}


def code_object(unavailable: list[str]) -> dict[str, Any]:
    """A function code package as `_fc_code.function_code` uploads it, with what cannot import on its runtime."""
    return {"bucket": "code", "key": f"fc-code/f/{len(unavailable)}.zip", "source": "assets/code.zip",
            "//": {"alicloud_ml": {"code_package": {"runtime": "python3.12", "unavailable_on_target": unavailable}}}}


def _cases() -> dict[str, dict[str, dict[str, Any]]]:
    """check id → {stack name → resources}."""
    pool = "alicloud_cs_kubernetes_node_pool"
    rule = "alicloud_security_group_rule"
    eas = "alicloud_pai_service"
    fs = "alicloud_nas_file_system"
    ckpt = {fs: {"ckpt_fs": fx.cpfs()}}
    return {
        "ALIML_001": {"ml-dev": {pool: {
            "pass_tainted": fx.gpu_pool(),
            "fail_untainted": fx.gpu_pool(taints=None),
            "fail_prefer_only": fx.gpu_pool(taints=[{"key": "nvidia.com/gpu", "effect": "PreferNoSchedule"}]),
            "fail_labelled_unknown_type": fx.gpu_pool(instance_types=["ecs.custom.8xlarge"], taints=None),
            "na_cpu_pool": fx.cpu_pool()}}},
        "ALIML_002": {"ml-dev": {pool: {
            "pass_essd_200": fx.gpu_pool(),
            "pass_auto_100": fx.gpu_pool(system_disk_category="cloud_auto", system_disk_size=100),
            "fail_provider_default": fx.gpu_pool(system_disk_category=None, system_disk_size=None),
            "fail_essd_60": fx.gpu_pool(system_disk_size=60),
            "fail_pl2_below_floor": fx.gpu_pool(system_disk_performance_level="PL2"),
            "na_cpu_pool": fx.cpu_pool()}}},
        "ALIML_003": {"ml-dev": {"alicloud_security_group": {"other_sg": {"vpc_id": fx.VPC}}, rule: {
            "pass_vpc_cidr": fx.sg_rule(),
            "pass_self": fx.sg_rule(ip_protocol="all", port_range="-1/-1", cidr_ip=None,
                                    source_security_group_id="${alicloud_security_group.other_sg.id}"),
            "fail_all_protocols_world": fx.sg_rule(ip_protocol="all", port_range="-1/-1", cidr_ip="0.0.0.0/0"),
            "fail_ipv6_world": fx.sg_rule(cidr_ip=None, ipv6_cidr_ip="::/0"),
            "fail_https_world": fx.sg_rule(cidr_ip="0.0.0.0/0"),
            "na_egress_world": fx.sg_rule(type="egress", ip_protocol="all", port_range="-1/-1", cidr_ip="0.0.0.0/0"),
            "na_drop_world": fx.sg_rule(policy="drop", cidr_ip="0.0.0.0/0")}}},
        "ALIML_004": {"ml-dev": {
            "alicloud_security_group": {"train_sg": {"vpc_id": fx.VPC}, "other_sg": {"vpc_id": fx.VPC}},
            pool: {"train_pool": fx.gpu_pool(security_group_ids=[TRAIN_SG])},
            rule: {
                "pass_self_all_ports": fx.sg_rule(TRAIN_SG, ip_protocol="all", port_range="-1/-1", cidr_ip=None,
                                                  source_security_group_id=TRAIN_SG),
                "pass_vpc_subnet": fx.sg_rule(TRAIN_SG, cidr_ip="10.1.0.0/16"),
                "fail_other_group": fx.sg_rule(TRAIN_SG, cidr_ip=None,
                                               source_security_group_id="${alicloud_security_group.other_sg.id}"),
                "fail_office_cidr": fx.sg_rule(TRAIN_SG, cidr_ip="203.0.113.0/24"),
                "na_other_group_rule": fx.sg_rule(cidr_ip="192.168.0.0/24")}}},
        "ALIML_005": {"ml-dev": {**ckpt, pool: {
            "pass_price_go": fx.gpu_pool(spot_strategy="SpotAsPriceGo",
                                         scaling_config=[{"min_size": 0, "max_size": 4, "type": "spot"}]),
            "pass_one_limit_per_type": fx.gpu_pool(
                spot_strategy="SpotWithPriceLimit", instance_types=["ecs.gn7i-c16g1.4xlarge", "ecs.gn7i-c8g1.2xlarge"],
                spot_price_limit=[{"instance_type": "ecs.gn7i-c16g1.4xlarge", "price_limit": "9.5"},
                                  {"instance_type": "ecs.gn7i-c8g1.2xlarge", "price_limit": "5.1"}]),
            "fail_spot_scaling_without_strategy": fx.gpu_pool(
                scaling_config=[{"min_size": 0, "max_size": 4, "type": "spot"}]),
            "fail_missing_limit": fx.gpu_pool(
                spot_strategy="SpotWithPriceLimit", instance_types=["ecs.gn7i-c16g1.4xlarge", "ecs.gn7i-c8g1.2xlarge"],
                spot_price_limit=[{"instance_type": "ecs.gn7i-c16g1.4xlarge", "price_limit": "9.5"}]),
            "na_on_demand": fx.gpu_pool()}}},
        "ALIML_006": {
            "ml-dev": {**ckpt, pool: {"pass_spot_with_cpfs": fx.gpu_pool(spot_strategy="SpotAsPriceGo")}},
            "ml-spot": {pool: {"fail_spot_without_cpfs": fx.gpu_pool(spot_strategy="SpotAsPriceGo"),
                               "na_on_demand_pool": fx.gpu_pool()}}},
        "ALIML_007": {"ml-dev": {fs: {
            "pass_cpfs_cluster_vpc": fx.cpfs(),
            "fail_cpfs_other_vpc": fx.cpfs(fx.OTHER_VPC, fx.OTHER_VSWITCH),
            "fail_cpfs_vswitch_mismatch": fx.cpfs(fx.VPC, fx.OTHER_VSWITCH),
            "na_standard_nas": {"file_system_type": "standard", "protocol_type": "NFS", "storage_type": "Performance",
                                "zone_id": fx.ZONE}}}},
        "ALIML_008": {"ml-dev": {**ckpt,
            "alicloud_nas_protocol_service": {
                "pass_ps_fs_vpc": {"file_system_id": "${alicloud_nas_file_system.ckpt_fs.id}", "protocol_type": "NFS",
                                   "protocol_spec": "General", "vpc_id": fx.VPC, "vswitch_id": fx.VSWITCH},
                "fail_ps_other_vpc": {"file_system_id": "${alicloud_nas_file_system.ckpt_fs.id}", "protocol_type": "NFS",
                                      "protocol_spec": "General", "vpc_id": fx.OTHER_VPC, "vswitch_id": fx.OTHER_VSWITCH},
                "fail_ps_no_vpc": {"file_system_id": "${alicloud_nas_file_system.ckpt_fs.id}", "protocol_type": "NFS",
                                   "protocol_spec": "General"},
                "na_ps_external_fs": {"file_system_id": "cpfs-0123456789", "protocol_type": "NFS",
                                      "protocol_spec": "General", "vpc_id": fx.OTHER_VPC}},
            "alicloud_nas_protocol_mount_target": {
                "pass_mt_fs_vpc": {"file_system_id": "${alicloud_nas_file_system.ckpt_fs.id}", "vpc_id": fx.VPC,
                                   "vswitch_id": fx.VSWITCH, "path": "/"},
                "fail_mt_vswitch_elsewhere": {"file_system_id": "${alicloud_nas_file_system.ckpt_fs.id}",
                                              "vpc_id": fx.VPC, "vswitch_id": fx.OTHER_VSWITCH, "path": "/"}}}},
        "ALIML_009": {"ml-dev": {eas: {
            "pass_bounded": fx.eas_service(),
            "fail_no_rpc": fx.eas_service(metadata={"name": "llm", "instance": 1}),
            "fail_no_autoscaler": fx.eas_service(autoscaler=None),
            "fail_min_above_max": fx.eas_service(autoscaler={"min": 5, "max": 2}),
            "fail_expression": {"service_config": "${jsonencode(local.eas)}"}}}},
        "ALIML_010": {
            "ml-dev": {eas: {"pass_eas_min_zero": fx.eas_service(),
                             "pass_eas_on_zero": fx.eas_service(autoscaler={"min": 1, "max": 4,
                                                                            "behavior": {"onZero": {"scaleDownGracePeriodSeconds": 600}}}),
                             "fail_eas_warm": fx.eas_service(autoscaler={"min": 2, "max": 4}),
                             "na_eas_tagged_prod": {**fx.eas_service(autoscaler={"min": 2, "max": 4}),
                                                    "tags": {"environment": "prod"}}},
                       pool: {"pass_pool_zero": fx.gpu_pool(),
                              "fail_pool_warm": fx.gpu_pool(scaling_config=[{"min_size": 1, "max_size": 4, "type": "gpu"}]),
                              "fail_pool_fixed": fx.gpu_pool(scaling_config=None, desired_size="2"),
                              "na_cpu_pool": fx.cpu_pool()}},
            "ml-prod": {eas: {"na_prod_eas_warm": fx.eas_service(autoscaler={"min": 2, "max": 8})},
                        pool: {"na_prod_pool_warm": fx.gpu_pool(scaling_config=[{"min_size": 2, "max_size": 8, "type": "gpu"}])}}},
        "ALIML_011": {"ml-dev": {"alicloud_ecs_disk": {
            "pass_deleted_with_instance": {"zone_id": fx.ZONE, "size": 500, "category": "cloud_essd",
                                           "delete_with_instance": True},
            "fail_provider_default": {"zone_id": fx.ZONE, "size": 500, "category": "cloud_essd"},
            "fail_kept": {"zone_id": fx.ZONE, "size": 500, "category": "cloud_essd", "delete_with_instance": False}}}},
        "ALIML_012": {"ml-dev": {
            "alicloud_vswitch": {
                "pass_zone_in_region": {"vpc_id": fx.VPC, "zone_id": "cn-shanghai-l", "cidr_block": "10.2.0.0/16"},
                "pass_aliased_provider": {"provider": "alicloud.hz", "vpc_id": fx.VPC, "zone_id": "cn-hangzhou-h",
                                          "cidr_block": "10.3.0.0/16"},
                "fail_zone_other_region": {"vpc_id": fx.VPC, "zone_id": "cn-hangzhou-h", "cidr_block": "10.4.0.0/16"},
                "pass_intl_zone": {"provider": "alicloud.sg", "vpc_id": fx.VPC, "zone_id": "ap-southeast-1a",
                                   "cidr_block": "10.5.0.0/16"},
                "fail_intl_zone_other_region": {"provider": "alicloud.sg", "vpc_id": fx.VPC,
                                                "zone_id": "ap-southeast-2a", "cidr_block": "10.6.0.0/16"},
                "fail_intl_zone_with_hyphen": {"provider": "alicloud.sg", "vpc_id": fx.VPC,
                                               "zone_id": "ap-southeast-1-a", "cidr_block": "10.7.0.0/16"}},
            "alicloud_ecs_disk": {"fail_disk_in_beijing": {"zone_id": "cn-beijing-a", "size": 100,
                                                           "delete_with_instance": True}},
            "alicloud_cs_managed_kubernetes": {"fail_cluster_zone_ids": {
                "name": "x", "zone_ids": [fx.ZONE, "cn-beijing-a"], "slb_internet_enabled": False}}}},
        "ALIML_013": {"ml-dev": {
            eas: {"pass_clean_env": fx.eas_service(),
                  "fail_env_key": fx.eas_service(containers=[{"image": "x", "env": [
                      {"name": "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "value": "not-a-real-secret-" + "y" * 8}]}])},
            "alicloud_vpc": {"fail_key_in_tag": {"vpc_name": "k", "cidr_block": "10.0.0.0/8",
                                                 "tags": {"owner": fx.fake_access_key_id()}},
                             "pass_referenced_var": {"vpc_name": "k", "cidr_block": "10.0.0.0/8",
                                                     "tags": {"access_key": "${var.not_a_secret}"}}}}},
        "ALIML_014": {"ml-dev": {"alicloud_ram_policy": {
            "pass_scoped": {"policy_name": "read", "policy_document": _ram(["oss:GetObject"], ["acs:oss:*:*:ckpt/*"])},
            "pass_deny_all": {"policy_name": "deny", "policy_document": _ram("*", "*", "Deny")},
            "fail_admin": {"policy_name": "admin", "policy_document": _ram("*", "*")},
            "fail_admin_in_list": {"policy_name": "admin2", "policy_document": _ram(["oss:*", "*"], ["*"])},
            "fail_statement_blocks": {"policy_name": "old", "statement": [
                {"effect": "Allow", "action": ["*"], "resource": ["*"]}]}}}},
        "ALIML_016": {"ml-dev": {"alicloud_cs_managed_kubernetes": {
            "pass_private": {"name": "p", "vswitch_ids": [fx.VSWITCH], "slb_internet_enabled": False},
            "fail_provider_default": {"name": "d", "vswitch_ids": [fx.VSWITCH]},
            "fail_public": {"name": "q", "vswitch_ids": [fx.VSWITCH], "slb_internet_enabled": True}}}},
        "ALIML_017": {"ml-dev": {pool: {
            "pass_updates_nodes": fx.gpu_pool(),
            "fail_taints_without_update": fx.gpu_pool(update_nodes=None),
            "fail_update_false": fx.gpu_pool(update_nodes=False),
            "na_plain_cpu": fx.cpu_pool(update_nodes=None)}}},
        "ALIML_018": {"ml-dev": {
            "alicloud_cs_managed_kubernetes": {name: {"name": name, "vswitch_ids": [fx.VSWITCH], "slb_internet_enabled": False}
                                               for name in ("pass_system_pool", "fail_gpu_pools_only", "fail_one_node",
                                                            "fail_tainted", "fail_autoscaled", "fail_no_pools")},
            pool: {"sys_ok": fx.system_pool("pass_system_pool"),
                   "gpu_only": fx.gpu_pool(cluster_id="${alicloud_cs_managed_kubernetes.fail_gpu_pools_only.id}"),
                   "one_node": fx.system_pool("fail_one_node", desired_size="1"),
                   "tainted": fx.system_pool("fail_tainted", taints=[{"key": "dedicated", "effect": "NoSchedule"}]),
                   "autoscaled": fx.system_pool("fail_autoscaled",
                                                scaling_config=[{"enable": True, "min_size": 2, "max_size": 4}])}}},
        "ALIML_019": {
            "ml-prod": {
                "alicloud_cs_managed_kubernetes": {
                    "pass_protected_cluster": {"name": "p", "vswitch_ids": [fx.VSWITCH], "slb_internet_enabled": False,
                                               "deletion_protection": True},
                    "fail_unprotected_cluster": {"name": "u", "vswitch_ids": [fx.VSWITCH], "slb_internet_enabled": False}},
                "alicloud_nas_file_system": {"pass_protected_cpfs": {**fx.cpfs(), "lifecycle": {"prevent_destroy": True}},
                                             "fail_unprotected_cpfs": fx.cpfs(),
                                             "na_standard_nas": {"file_system_type": "standard", "protocol_type": "NFS",
                                                                 "storage_type": "Capacity"}},
                "alicloud_oss_bucket": {"fail_state_bucket_unprotected": {"bucket": "tf-state-ml"},
                                        "na_other_bucket": {"bucket": "ml-models"}}},
            "ml-state": {"alicloud_oss_bucket": {"pass_state_bucket_protected": {
                "bucket": "tf-state-ml", "lifecycle": {"prevent_destroy": True,  # and ALIML_026's ignore
                                                       "ignore_changes": ["versioning", "server_side_encryption_rule"]}}},
                "alicloud_oss_bucket_versioning": {"ver": {"bucket": "tf-state-ml", "status": "Enabled"}},
                "alicloud_oss_bucket_server_side_encryption": {"sse": {"bucket": "tf-state-ml",
                                                                       "sse_algorithm": "AES256"}},
                "alicloud_oss_bucket_public_access_block": {"pab": {"bucket": "tf-state-ml",
                                                                    "block_public_access": True}}},
            "ml-dev": {"alicloud_cs_managed_kubernetes": {"na_dev_cluster": {
                "name": "d", "vswitch_ids": [fx.VSWITCH], "slb_internet_enabled": False}},
                "alicloud_nas_file_system": {"na_dev_cpfs": fx.cpfs()}}},
        "ALIML_020": {"ml-dev": {
            "alicloud_gpdb_instance": {
                "pass_vpc_only": gpdb(),
                "fail_world_whitelist": gpdb(ip_whitelist=[{"ip_group_name": "x", "security_ip_list": "10.1.0.0/16,0.0.0.0/0"}]),
                "fail_deprecated_world_list": gpdb(ip_whitelist=None, security_ip_list=["0.0.0.0/0"]),
                "fail_public_connection": gpdb()},
            "alicloud_gpdb_connection": {"public": {"instance_id": "${alicloud_gpdb_instance.fail_public_connection.id}",
                                                    "connection_prefix": "pub"}}}},
        "ALIML_021": {"ml-dev": {
            "alicloud_gpdb_instance": {"pass_in_vpc": gpdb(), "fail_literal_vpc": gpdb(vpc_id="vpc-0123456789"),
                                       "fail_foreign_vswitch": gpdb(vswitch_id=fx.OTHER_VSWITCH)},
            "alicloud_fcv3_function": {
                "pass_fn_in_vpc": rag_function(vpc_config=[{"vpc_id": fx.VPC, "vswitch_ids": [fx.VSWITCH]}]),
                "fail_fn_outside_vpc": rag_function(),
                "fail_fn_other_vpc": rag_function(vpc_config=[{"vpc_id": fx.OTHER_VPC, "vswitch_ids": [fx.OTHER_VSWITCH]}]),
                "na_fn_without_store": {**rag_function(), "environment_variables": {"MODE": "batch"}}}}},
        "ALIML_022": {"ml-dev": {
            "alicloud_gpdb_account": {
                "pass_password_variable": {"db_instance_id": "gp-1", "account_name": "rag_app", "account_password": "${var.pw}"},
                "fail_literal_password": {"db_instance_id": "gp-1", "account_name": "rag_app",
                                          "account_password": "Not-A-Real-Password-1"}},
            "alicloud_kms_secret": {
                "pass_secret_variable": {"secret_name": "a", "version_id": "v1", "secret_data": "${var.key}"},
                "fail_literal_secret": {"secret_name": "b", "version_id": "v1", "secret_data": "not-a-real-key"}},
            "alicloud_fcv3_function": {
                "pass_secret_names_only": rag_function(vpc_config=[{"vpc_id": fx.VPC}]),
                "fail_literal_api_key": {**rag_function(vpc_config=[{"vpc_id": fx.VPC}]),
                                         "environment_variables": {"OPENAI_API_KEY": "not-a-real-key"}}}}},
        "ALIML_023": {"ml-dev": {
            # checkov's CKV_ALI_6/10 pass a bucket with the inline blocks (or separate resources it can follow by
            # reference, as DocumentIngestion writes them: tests/constructs/test_construct_rag.py gates a real synth)
            "alicloud_oss_bucket": {"pass_docs": {"bucket": "docs-ok", **INLINE_PROTECTION},
                                    "fail_docs_unversioned": {"bucket": "docs-nover"},
                                    "fail_docs_unencrypted": {"bucket": "docs-nosse"},
                                    "na_other": {"bucket": "models", **INLINE_PROTECTION}},
            "alicloud_oss_bucket_server_side_encryption": {
                "sse_nover": {"bucket": "${alicloud_oss_bucket.fail_docs_unversioned.bucket}", "sse_algorithm": "AES256"}},
            "alicloud_oss_bucket_versioning": {
                "ver_nosse": {"bucket": "docs-nosse", "status": "Enabled"},
                "ver_nover": {"bucket": "docs-nover", "status": "Suspended"}},
            "alicloud_fcv3_trigger": {f"t_{b}": {"function_name": "ingest", "trigger_type": "oss", "trigger_name": b,
                                                 "source_arn": f"acs:oss:cn-shanghai:1234567890:{b}"}
                                      for b in ("docs-ok", "docs-nover", "docs-nosse")}}},
        # more ALIML_024 cases (fixtures, CLI exit codes at medium): tests/policies/test_registry_check.py
        "ALIML_024": {"ml-dev": {
            "alicloud_cr_internet_endpoint": {
                "pass_office_only": {"instance_id": "i", "entries": [{"entry": "203.0.113.0/24"}]},
                "fail_world_open": {"instance_id": "i", "entries": [{"entry": "0.0.0.0/0"}]},
                "fail_no_entries": {"instance_id": "i"}},
            "alicloud_cr_endpoint_acl_policy": {
                "fail_acl_world": {"instance_id": "i", "entry": "0.0.0.0/0", "endpoint_type": "internet"},
                "na_vpc_acl": {"instance_id": "i", "entry": "0.0.0.0/0", "endpoint_type": "vpc"}}}},
        "ALIML_027": {"ml-dev": {
            "alicloud_fcv3_function": {
                "pass_granted": rag_function(role="${alicloud_ram_role.granted.arn}"),
                "fail_no_decrypt": rag_function(role="${alicloud_ram_role.no_decrypt.arn}"),
                "na_not_a_handler": {"function_name": "other", "role": "${alicloud_ram_role.no_decrypt.arn}"}},
            "alicloud_ram_role": {"granted": {"role_name": "granted"}, "no_decrypt": {"role_name": "no-decrypt"}},
            "alicloud_ram_policy": {
                "granted": {"policy_name": "granted", "policy_document": _ram_statements(
                    ("oss:GetObject", "acs:oss:*:${data.alicloud_account.a.id}:docs/*"),
                    ("kms:Decrypt", "acs:kms:cn-shanghai:${data.alicloud_account.a.id}:key/${alicloud_kms_key.k.id}"),
                    ("kms:GetSecretValue", "acs:kms:cn-shanghai:${data.alicloud_account.a.id}:secret/db"))},
                "no_decrypt": {"policy_name": "no-decrypt", "policy_document": _ram_statements(
                    ("oss:GetObject", "acs:oss:*:${data.alicloud_account.a.id}:docs/*"),
                    ("kms:GetSecretValue", "acs:kms:cn-shanghai:${data.alicloud_account.a.id}:secret/db"))}},
            "alicloud_ram_role_policy_attachment": {
                "granted": {"role_name": "${alicloud_ram_role.granted.role_name}", "policy_type": "Custom",
                            "policy_name": "${alicloud_ram_policy.granted.policy_name}"},
                "no_decrypt": {"role_name": "${alicloud_ram_role.no_decrypt.role_name}", "policy_type": "Custom",
                               "policy_name": "${alicloud_ram_policy.no_decrypt.policy_name}"}}}},
        "ALIML_026": {"ml-dev": {
            "alicloud_oss_bucket": {
                "pass_ignores": {"bucket": "b-1", "lifecycle": {"ignore_changes": ["server_side_encryption_rule"]}},
                "pass_ignores_all": {"bucket": "b-2", "lifecycle": {"ignore_changes": "all"}},
                "fail_no_ignore": {"bucket": "b-3"},
                "fail_ignores_another": {"bucket": "b-4", "lifecycle": {"ignore_changes": ["versioning"]}},
                "na_alone": {"bucket": "b-5"},
                # acl is Computed: left unset it cannot drift (no ignore needed); set, it fights the child
                "pass_acl_unset": {"bucket": "b-6"},
                "fail_acl_set": {"bucket": "b-7", "acl": "private"}},
            "alicloud_oss_bucket_acl": {
                "acl_6": {"bucket": "${alicloud_oss_bucket.pass_acl_unset.bucket}", "acl": "private"},
                "acl_7": {"bucket": "${alicloud_oss_bucket.fail_acl_set.bucket}", "acl": "public-read"}},
            "alicloud_oss_bucket_server_side_encryption": {
                "sse_1": {"bucket": "${alicloud_oss_bucket.pass_ignores.bucket}", "sse_algorithm": "AES256"},
                "sse_2": {"bucket": "${alicloud_oss_bucket.pass_ignores_all.id}", "sse_algorithm": "AES256"},
                "sse_3": {"bucket": "${alicloud_oss_bucket.fail_no_ignore.bucket}", "sse_algorithm": "AES256"},
                "sse_4": {"bucket": "b-4", "sse_algorithm": "AES256"}},
            "alicloud_vpc": {
                "pass_one_way": {"cidr_block": "10.0.0.0/16"},
                "fail_both_ways": {"cidr_block": "10.1.0.0/16", "secondary_cidr_blocks": ["172.16.0.0/16"]}},
            "alicloud_vpc_ipv4_cidr_block": {
                "cidr_1": {"vpc_id": "${alicloud_vpc.pass_one_way.id}", "secondary_cidr_block": "192.168.0.0/16"},
                "cidr_2": {"vpc_id": "${alicloud_vpc.fail_both_ways.id}", "secondary_cidr_block": "192.168.0.0/16"}}}},
        # the emulator's side (local state: passes) with a real synth: tests/constructs/test_fc_runtime.py
        "ALIML_025": {"ml-dev": {"alicloud_oss_bucket_object": {
            "pass_built_for_the_runtime": code_object([]),
            "fail_cffi_for_another_python": code_object(["_cffi_backend.cpython-311-x86_64-linux-gnu.so"]),
            "na_plain_object": {"bucket": "code", "key": "readme.txt", "content": "hello"}}}},
    }


CASES = _cases()


def _write(tmp_path, stacks: dict[str, dict], drop_failing: bool = False, system_pools: bool = True):
    """One cdktf.out with a stack per entry; every cluster gets the system pool ALIML_018 asks for, unless
    `system_pools` is False (the ALIML_018 cases themselves)."""
    docs = {}
    for name, resources in stacks.items():
        resources = copy.deepcopy(resources)
        if drop_failing:
            resources = {t: {n: a for n, a in named.items() if not n.startswith("fail_")} for t, named in resources.items()}
        if system_pools:
            for cluster in resources.get("alicloud_cs_managed_kubernetes", {}):
                resources.setdefault("alicloud_cs_kubernetes_node_pool", {})[f"sys_{cluster}"] = fx.system_pool(cluster)
        docs[name] = fx.stack_doc(resources, name, providers=[{"region": fx.REGION}, {"alias": "hz", "region": "cn-hangzhou"},
                                                                    {"alias": "sg", "region": "ap-southeast-1"}])
    return fx.write_outdir(tmp_path, docs)


def _names(findings, check_id: str, status: str) -> set[str]:
    return {f.address.split(".", 1)[1] for f in findings if f.check_id == check_id and f.status == status}


def test_every_project_check_has_a_fixture():
    assert set(CASES) | {"ALIML_015"} == set(project_severities())


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_check_fails_exactly_the_fail_resources_and_names_their_construct_path(check_id, tmp_path, warm_gate):
    # GIVEN one synthesized JSON per stack with pass_*, fail_* and na_* subjects
    out = _write(tmp_path, CASES[check_id], system_pools=check_id != "ALIML_018")
    # WHEN the gate scans it
    report = warm_gate.run_gate(out, fail_on="low")
    # THEN the check fails exactly the fail_* subjects and passes exactly the pass_* ones
    subjects = {n for stack in CASES[check_id].values() for named in stack.values() for n in named if n.startswith(SUBJECT)}
    assert report.parse_errors == []
    assert _names(report.findings, check_id, "failed") == {n for n in subjects if n.startswith("fail_")}
    assert _names(report.findings, check_id, "passed") & subjects == {n for n in subjects if n.startswith("pass_")}
    for finding in (f for f in report.findings if f.check_id == check_id and f.status == "failed"):
        name = finding.address.split(".", 1)[1]
        assert finding.construct_path == f"{finding.stack}/Fixture/{name}"
        assert finding.message and finding.fix and finding.title.startswith("Ensure")
        assert finding.line > 1


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_check_cli_exits_1_on_fail_resources_and_0_without_them(check_id, tmp_path, warm_gate):
    from alicloud_ml.cli import app

    severity = project_severities()[check_id].value
    system_pools = check_id != "ALIML_018"
    failing = _write(tmp_path / "failing", CASES[check_id], system_pools=system_pools)
    passing = _write(tmp_path / "passing", CASES[check_id], drop_failing=True, system_pools=system_pools)
    runner = CliRunner()
    bad = runner.invoke(app, ["check", str(failing), "--fail-on", severity, "--format", "json"])
    good = runner.invoke(app, ["check", str(passing), "--fail-on", severity, "--format", "json"])
    assert bad.exit_code == 1, bad.output
    assert good.exit_code == 0, good.output
    blocking = json.loads(bad.stdout)["findings"]
    assert any(f["check_id"] == check_id and f["status"] == "failed" for f in blocking)


def test_every_check_fix_names_only_props_that_exist() -> None:
    # A fix that names `SomethingProps.field` must name a field the props model has.
    import re

    from alicloud_ml import constructs
    from alicloud_ml.policies.registry import project_checks

    for check in project_checks():
        for model, field in re.findall(r"\b(\w+Props)\.(\w+)", check.meta.fix):
            props = getattr(constructs, model, None)
            assert props is not None and field in props.model_fields, (check.meta.id, model, field)
