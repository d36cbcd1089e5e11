from __future__ import annotations

import json

import pytest
from conftest import synth

from alicloud_ml.constructs.iam import WorkloadRoles
from alicloud_ml.constructs.observability import Observability
from alicloud_ml.constructs.state import StateBackend, StateBackendProps, configure_backend
from alicloud_ml.errors import InputError

STATE = {"bucket": "ml-tfstate-test", "region": "cn-shanghai"}


def test_state_backend_bucket_is_versioned_encrypted_private_and_ignores_inline_blocks(stack):
    StateBackend(stack, "State", props=STATE)

    out = synth(stack)

    bucket = out.one("alicloud_oss_bucket")
    assert bucket["bucket"] == "ml-tfstate-test"
    assert set(bucket["lifecycle"]["ignore_changes"]) >= {"versioning", "server_side_encryption_rule"}
    assert out.one("alicloud_oss_bucket_versioning")["status"] == "Enabled"
    assert out.one("alicloud_oss_bucket_server_side_encryption")["sse_algorithm"] == "AES256"
    assert out.one("alicloud_oss_bucket_public_access_block")["block_public_access"] is True


def test_state_lock_table_has_a_string_lockid_key_that_never_expires(stack):
    StateBackend(stack, "State", props=STATE)

    table = synth(stack).one("alicloud_ots_table")

    assert table["primary_key"] == [{"name": "LockID", "type": "String"}]
    assert (table["time_to_live"], table["max_version"], table["table_name"]) == (-1, 1, "terraform_lock")
    assert table["instance_name"].startswith("${alicloud_ots_instance.")


def test_oss_backend_is_encrypted_private_and_locked_per_env_key(stack):
    configure_backend(stack, StateBackendProps(**STATE), key="dev.tfstate")

    backend = synth(stack).doc["terraform"]["backend"]["oss"]

    assert backend == {"bucket": "ml-tfstate-test", "prefix": "ml-platform", "key": "dev.tfstate",
                       "region": "cn-shanghai", "encrypt": True, "acl": "private",
                       "tablestore_endpoint": "https://ml-tfstate.cn-shanghai.ots.aliyuncs.com",
                       "tablestore_table": "terraform_lock"}


def test_local_backend_is_selectable_for_the_emulator(stack):
    configure_backend(stack, StateBackendProps(**STATE), key="dev.tfstate", kind="local")

    assert synth(stack).doc["terraform"]["backend"] == {"local": {"path": "terraform.test.tfstate"}}


def test_state_backend_rejects_bad_tablestore_instance_name(stack):
    with pytest.raises(InputError, match=r"test/State: ots_instance_name: invalid value 'x'; accepted: text matching"):
        StateBackend(stack, "State", props={**STATE, "ots_instance_name": "x"})


def test_workload_roles_scope_policies_to_named_buckets_and_file_systems(stack):
    roles = WorkloadRoles(stack, "Roles", props={"name_prefix": "ml-dev", "data_buckets": ["ml-data"],
                                                 "model_buckets": ["ml-models"]}, file_system_ids=["cpfs-123"])

    out = synth(stack)

    assert set(roles.roles) == {"training", "serving", "workers"}
    serving = roles.policy_documents["serving"]["Statement"][0]
    assert serving["Resource"] == ["acs:oss:*:*:ml-models", "acs:oss:*:*:ml-models/*"]
    assert "oss:PutObject" not in serving["Action"]
    assert roles.policy_documents["workers"]["Statement"][0]["Resource"] == ["acs:nas:*:*:filesystem/cpfs-123"]
    for policy in out.resources("alicloud_ram_policy").values():
        for statement in json.loads(policy["policy_document"])["Statement"]:
            assert "*" not in statement["Resource"] and "*" not in statement["Action"]
    assert len(out.resources("alicloud_ram_role_policy_attachment")) == 3


def test_workload_roles_without_scope_get_no_policy(stack):
    WorkloadRoles(stack, "Roles", props={"name_prefix": "ml-dev"})

    out = synth(stack)

    assert len(out.resources("alicloud_ram_role")) == 3 and out.resources("alicloud_ram_policy") == {}


def test_observability_keeps_cluster_and_eas_logs_for_30_days_by_default(stack):
    Observability(stack, "Logs", props={"project_name": "ml-dev-logs"})

    out = synth(stack)

    stores = {s["logstore_name"]: s for s in out.resources("alicloud_log_store").values()}
    assert set(stores) == {"ack-cluster", "eas-services"}
    assert {s["retention_period"] for s in stores.values()} == {30}
    assert out.one("alicloud_log_project")["project_name"] == "ml-dev-logs"
