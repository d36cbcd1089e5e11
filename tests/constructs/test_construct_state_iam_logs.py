from __future__ import annotations

import json

import pytest
from conftest import synth

from alicloud_ml.constructs.cluster import AckCluster
from alicloud_ml.constructs.iam import WorkloadRoles
from alicloud_ml.constructs.observability import Observability
from alicloud_ml.constructs.state import StateBackend, configure_backend
from alicloud_ml.props.state import StateBackendProps
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


def test_local_backend_path_is_relative_to_the_stack_directory_and_outside_the_output(stack, tmp_path):
    configure_backend(stack, StateBackendProps(**STATE), key="dev.tfstate", kind="local",
                      local_dir=tmp_path.parent / "state")

    path = synth(stack).doc["terraform"]["backend"]["local"]["path"]

    # the app's outdir is tmp_path; terraform runs in <outdir>/stacks/test
    assert path == "../../../state/terraform.test.tfstate"
    assert ((tmp_path / "stacks" / "test" / path).resolve() == (tmp_path.parent / "state" /
                                                                "terraform.test.tfstate").resolve())


def test_local_backend_inside_the_synth_output_is_refused(stack, tmp_path):
    with pytest.raises(InputError, match=r"local_dir: local state would live inside the synth output"):
        configure_backend(stack, StateBackendProps(**STATE), key="dev.tfstate", kind="local",
                          local_dir=tmp_path / "state")


def test_state_bucket_can_refuse_destruction(stack):
    StateBackend(stack, "State", props=STATE, prevent_destroy=True)

    assert synth(stack).one("alicloud_oss_bucket")["lifecycle"]["prevent_destroy"] is True


def test_a_protected_state_backend_also_protects_its_lock_instance_and_table(stack):
    # GIVEN production state: losing the lock table leaves every env unable to lock
    StateBackend(stack, "State", props=STATE, prevent_destroy=True)
    StateBackend(stack, "Other", props={**STATE, "bucket": "ml-tfstate-other", "ots_instance_name": "ml-other"})

    out = synth(stack)

    for tf_type in ("alicloud_ots_instance", "alicloud_ots_table"):
        lifecycles = sorted(str(r.get("lifecycle")) for r in out.resources(tf_type).values())
        assert lifecycles == ["None", "{'prevent_destroy': True}"], tf_type


def test_state_backend_rejects_bad_tablestore_instance_name(stack):
    with pytest.raises(InputError, match=r"test/State: ots_instance_name: invalid value 'x'; accepted: text matching"):
        StateBackend(stack, "State", props={**STATE, "ots_instance_name": "x"})


@pytest.fixture
def cluster(stack, network):
    return AckCluster(stack, "Cluster", network=network, props={"name": "ml"})


def test_workload_roles_scope_oss_to_the_model_path_and_checkpoint_prefix(stack, cluster):
    roles = WorkloadRoles(stack, "Roles", cluster=cluster, props={
        "name_prefix": "ml-dev", "data_buckets": ["ml-data"], "model_buckets": ["ml-models"],
        "model_paths": ["ml-models/fraud/v1/"], "checkpoint_paths": ["ml-ckpt/runs/"]})

    out = synth(stack)

    assert set(roles.roles) == {"training", "serving"}
    serving = roles.policy_documents["serving"]["Statement"]
    assert serving[0] == {"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:ml-models/fraud/v1/*"]}
    assert serving[1] == {"Effect": "Allow", "Action": ["oss:ListObjects"], "Resource": ["acs:oss:*:*:ml-models"],
                          "Condition": {"StringLike": {"oss:Prefix": ["fraud/v1/*"]}}}
    training = roles.policy_documents["training"]["Statement"]
    assert training[0]["Resource"] == ["acs:oss:*:*:ml-ckpt/runs/*", "acs:oss:*:*:ml-models/*"]
    assert "oss:PutObject" in training[0]["Action"]
    assert {"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:ml-data/*"]} in training
    for policy in out.resources("alicloud_ram_policy").values():
        for statement in json.loads(policy["policy_document"])["Statement"]:
            assert "*" not in statement["Resource"] and "*" not in statement["Action"]
    assert len(out.resources("alicloud_ram_role_policy_attachment")) == 2


def test_workload_roles_trust_the_cluster_oidc_provider_for_one_service_account_each(stack, cluster):
    WorkloadRoles(stack, "Roles", cluster=cluster, props={
        "name_prefix": "ml-dev", "training_service_account": {"namespace": "team-a", "name": "trainer"}})

    out = synth(stack)

    roles = {r["role_name"]: json.loads(r["assume_role_policy_document"]) for r in out.resources("alicloud_ram_role").values()}
    training = roles["ml-dev-training"]["Statement"]
    assert training == [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Federated": [
        "${alicloud_cs_managed_kubernetes.Cluster_EB0386A7.rrsa_metadata[0].ram_oidc_provider_arn}"]},
        "Condition": {"StringEquals": {
            "oidc:aud": "sts.aliyuncs.com",
            "oidc:iss": "${alicloud_cs_managed_kubernetes.Cluster_EB0386A7.rrsa_metadata[0].rrsa_oidc_issuer_url}",
            "oidc:sub": "system:serviceaccount:team-a:trainer"}}}]
    serving = roles["ml-dev-serving"]["Statement"]
    assert serving[0]["Condition"]["StringEquals"]["oidc:sub"] == "system:serviceaccount:ml-serving:serving"
    assert serving[1]["Principal"] == {"Service": ["pai.aliyuncs.com"]}  # EAS assumes it through role_arn


def test_workload_roles_emit_the_namespace_label_and_service_account_annotation_pods_need(stack, cluster):
    WorkloadRoles(stack, "Roles", cluster=cluster, props={"name_prefix": "ml-dev"})

    output = next(v for k, v in synth(stack).doc["output"].items() if "service_accounts" in k)
    manifests = json.loads(output["value"])

    namespaces = {m["metadata"]["name"]: m["metadata"]["labels"] for m in manifests if m["kind"] == "Namespace"}
    assert namespaces == {"ml-training": {"pod-identity.alibabacloud.com/injection": "on"},
                          "ml-serving": {"pod-identity.alibabacloud.com/injection": "on"}}
    accounts = {m["metadata"]["name"]: m["metadata"] for m in manifests if m["kind"] == "ServiceAccount"}
    assert accounts["training"]["annotations"] == {"pod-identity.alibabacloud.com/role-name": "ml-dev-training"}
    assert accounts["serving"]["namespace"] == "ml-serving"


def test_workload_roles_without_scope_get_no_policy(stack, cluster):
    WorkloadRoles(stack, "Roles", cluster=cluster, props={"name_prefix": "ml-dev"})

    out = synth(stack)

    assert len(out.resources("alicloud_ram_role")) == 2 and out.resources("alicloud_ram_policy") == {}


def test_observability_keeps_cluster_and_eas_logs_for_30_days_by_default(stack):
    Observability(stack, "Logs", props={"project_name": "ml-dev-logs"})

    out = synth(stack)

    stores = {s["logstore_name"]: s for s in out.resources("alicloud_log_store").values()}
    assert set(stores) == {"ack-cluster", "eas-services"}
    assert {s["retention_period"] for s in stores.values()} == {30}
    assert out.one("alicloud_log_project")["project_name"] == "ml-dev-logs"


@pytest.mark.parametrize("name", ["ml-ots-state", "aliml-state", "ml-tfstate-ay1"])
def test_state_backend_rejects_tablestore_names_with_forbidden_words(stack, name):
    with pytest.raises(InputError, match=r"test/State: ots_instance_name: .* which Tablestore refuses in instance names"):
        StateBackend(stack, "State", props={**STATE, "ots_instance_name": name})
