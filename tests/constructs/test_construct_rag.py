"""The RAG tier's constructs: a private, encrypted AnalyticDB vector store; secrets only by reference; an
encrypted, versioned documents bucket whose events invoke an in-VPC function with a least-privilege role."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import synth

from alicloud_ml.constructs.ingestion import CODE_VERSION_ENV, DocumentIngestion, ingestion_package
from alicloud_ml.constructs.rag import GenerationEndpoint, VectorStore
from alicloud_ml.constructs.security import ServingSecurityGroup
from alicloud_ml.errors import InputError



def _tier(stack, network, **ingestion):
    store = VectorStore(stack, "Vectors", network=network, props={"name": "ml-dev-rag"})
    endpoint = GenerationEndpoint(stack, "Generation", name="ml-dev-rag", encryption_key=store.key)
    serving = ServingSecurityGroup(stack, "Serving", network=network, props={"name": "ml-dev-serving"})
    return DocumentIngestion(stack, "Ingestion", network=network, security_group=serving, store=store,
                             endpoint=endpoint, props={"bucket": "ml-dev-rag-documents", "function_name": "ml-dev-ingest",
                                                       **ingestion})


def test_vector_store_is_vector_optimized_private_encrypted_and_backed_up(stack, network):
    _tier(stack, network)
    out = synth(stack)
    db = out.one("alicloud_gpdb_instance")
    assert (db["db_instance_mode"], db["db_instance_category"], db["instance_spec"]) == (
        "StorageElastic", "HighAvailability", "4C32G")
    assert db["vector_configuration_status"] == "enabled" and db["seg_node_num"] == 4
    # the `default` group every instance has (Read returns all groups: another name alone never plans clean)
    assert db["ip_whitelist"] == [{"ip_group_name": "default", "security_ip_list": "10.0.1.0/24"}]
    assert db["vpc_id"].startswith("${alicloud_vpc.") and db["encryption_type"] == "CloudDisk"
    assert db["encryption_key"].startswith("${alicloud_kms_key.")
    assert "alicloud_gpdb_connection" not in out.doc["resource"]  # no public connection
    assert out.one("alicloud_gpdb_backup_policy")["backup_retention_period"] == 7
    assert out.one("alicloud_gpdb_account")["account_type"] == "Normal"


def test_passwords_and_api_keys_are_sensitive_variables_never_literals_or_outputs(stack, network):
    _tier(stack, network)
    out = synth(stack)
    variables = out.doc["variable"]
    assert sorted(variables) == ["rag_api_key", "rag_db_password"]
    assert all(v["sensitive"] is True and "default" not in v for v in variables.values())
    account = out.one("alicloud_gpdb_account")
    assert account["account_password"].startswith("${var.")
    secrets = out.resources("alicloud_kms_secret")
    assert len(secrets) == 2 and all(s["secret_data"].startswith("${var.") for s in secrets.values())
    assert "output" not in out.doc or not any("var." in json.dumps(o) for o in out.doc["output"].values())


def test_documents_bucket_is_private_versioned_and_kms_encrypted(stack, network):
    _tier(stack, network)
    out = synth(stack)
    assert out.one("alicloud_oss_bucket_acl")["acl"] == "private"
    assert out.one("alicloud_oss_bucket_versioning")["status"] == "Enabled"
    docs = next(f"${{alicloud_oss_bucket.{name}.bucket}}" for name, bucket in out.resources("alicloud_oss_bucket").items()
                if bucket["bucket"] == "ml-dev-rag-documents")  # the stack's code bucket is the other one
    sse = [r for r in out.resources("alicloud_oss_bucket_server_side_encryption").values() if r["bucket"] == docs]
    block = [r for r in out.resources("alicloud_oss_bucket_public_access_block").values() if r["bucket"] == docs]
    assert [r["sse_algorithm"] for r in sse] == ["KMS"] and [r["block_public_access"] for r in block] == [True]


def test_function_runs_in_the_vpc_triggered_by_create_and_remove_with_a_least_privilege_role(stack, network):
    _tier(stack, network)
    out = synth(stack)
    fn = out.one("alicloud_fcv3_function")
    assert fn["vpc_config"][0]["vpc_id"].startswith("${alicloud_vpc.") and fn["internet_access"] is False
    assert fn["handler"] == "index.handler"
    env = fn["environment_variables"]
    assert env["RAG_DB_DIALECT"] == "analyticdb" and env["RAG_DB_HOST"].endswith(".connection_string}")
    assert not any(k.endswith(("PASSWORD", "API_KEY")) for k in env)  # only secret names, never values
    trigger = out.one("alicloud_fcv3_trigger")
    assert trigger["trigger_type"] == "oss"
    assert json.loads(trigger["trigger_config"])["events"] == ["oss:ObjectCreated:*", "oss:ObjectRemoved:*"]
    policies = {p["policy_name"]: json.loads(p["policy_document"]) for p in out.resources("alicloud_ram_policy").values()}
    actions = sorted(a for doc in policies.values() for s in doc["Statement"] for a in s["Action"])
    assert actions == ["fc:InvokeFunction", "kms:Decrypt", "kms:GetSecretValue", "oss:GetObject"]
    assert not any(r == "*" for doc in policies.values() for s in doc["Statement"] for r in s["Resource"])
    trusts = sorted(json.loads(r["assume_role_policy_document"])["Statement"][0]["Principal"]["Service"][0]
                    for r in out.resources("alicloud_ram_role").values())
    assert trusts == ["fc.aliyuncs.com", "oss.aliyuncs.com"]


def _documents_sse(out) -> dict:
    """The documents bucket's encryption (the stack also has its function code bucket's)."""
    (sse,) = [r for r in out.resources("alicloud_oss_bucket_server_side_encryption").values()
              if "Ingestion_Bucket" in r["bucket"]]
    return sse


def test_the_function_may_decrypt_with_the_documents_key_and_nothing_else(stack, network):
    # GIVEN the documents bucket encrypted with SSE-KMS (OSS refuses reads without the key: "forbidden by kms")
    ingestion = _tier(stack, network)
    out = synth(stack)
    sse = _documents_sse(out)
    # THEN the function's role may use exactly the key the bucket encrypts with, by its ARN
    (policy,) = [json.loads(p["policy_document"]) for name, p in out.resources("alicloud_ram_policy").items()
                 if name.startswith("Ingestion_FunctionPolicy")]
    (decrypt,) = [s for s in policy["Statement"] if "kms:Decrypt" in s["Action"]]
    (arn,) = decrypt["Resource"]
    key_ref = sse["kms_master_key_id"]
    assert decrypt["Action"] == ["kms:Decrypt"] and arn.startswith("acs:kms:cn-shanghai:${data.alicloud_account.")
    assert arn.endswith(":key/" + key_ref) and ingestion.key_arn.startswith("acs:kms:")


def test_disks_use_their_own_key_with_rotation_off_and_the_rotating_key_uses_seconds(stack, network):
    _tier(stack, network)
    out = synth(stack)
    db = out.one("alicloud_gpdb_instance")
    keys = out.resources("alicloud_kms_key")
    disk = keys[db["encryption_key"].split(".")[1]]
    other = [k for name, k in keys.items() if k is not disk]
    # AnalyticDB disk encryption takes only a key whose rotation is off (encryption_key is ForceNew)
    assert disk["automatic_rotation"] == "Disabled" and "rotation_interval" not in disk
    # the documents bucket and the secrets keep a yearly rotating key, in the form Read returns (no diff)
    (rotating,) = other
    assert (rotating["automatic_rotation"], rotating["rotation_interval"]) == ("Enabled", "31536000s")
    assert _documents_sse(out)["kms_master_key_id"].split(".")[1] != (
        db["encryption_key"].split(".")[1])


def test_secrets_can_be_deleted_at_once_so_a_destroyed_tier_deploys_again(stack, network):
    store = VectorStore(stack, "Vectors", network=network, props={"name": "ml-dev-rag", "force_delete_secrets": True})
    GenerationEndpoint(stack, "Generation", name="ml-dev-rag", encryption_key=store.key, force_delete_secret=True)
    VectorStore(stack, "Kept", network=network, props={"name": "ml-prod-rag"})
    secrets = {s["secret_name"]: s for s in synth(stack).resources("alicloud_kms_secret").values()}
    assert secrets["ml-dev-rag-db-password"]["force_delete_without_recovery"] is True
    assert secrets["ml-dev-rag-api-key"]["force_delete_without_recovery"] is True
    assert "force_delete_without_recovery" not in secrets["ml-prod-rag-db-password"]  # production keeps 30 days


def test_the_oss_trigger_references_the_bucket_and_waits_for_the_invoker_policy(stack, network):
    _tier(stack, network)
    out = synth(stack)
    trigger = out.one("alicloud_fcv3_trigger")
    bucket = next(b for b in out.resources("alicloud_oss_bucket") if b.startswith("Ingestion_Bucket"))  # not the code one
    (invoker,) = [name for name in out.resources("alicloud_ram_role_policy_attachment")
                  if name.startswith("Ingestion_InvokerAttachment")]
    assert trigger["source_arn"].endswith(f":${{alicloud_oss_bucket.{bucket}.bucket}}")  # in the graph, not a literal
    assert trigger["depends_on"] == [f"alicloud_ram_role_policy_attachment.{invoker}"]


def test_a_vector_store_too_small_for_vector_optimization_is_refused(stack, network):
    with pytest.raises(InputError, match="seg_node_num"):
        VectorStore(stack, "Vectors", network=network, props={"name": "ml-dev-rag", "seg_node_num": 6})
    with pytest.raises(InputError, match="instance_spec"):
        VectorStore(stack, "Vectors2", network=network, props={"name": "ml-dev-rag", "instance_spec": "2C16G"})


def test_the_reference_code_package_is_deterministic_and_imports_with_nothing_installed(tmp_path):
    package = ingestion_package()
    assert package.distributions.keys() >= {"pg8000", "scramp", "asn1crypto"} and package.unavailable_on_target == []
    zipfile.ZipFile(io.BytesIO(package.data)).extractall(tmp_path)
    probe = "import index, pg8000; print(index.handler.__module__, pg8000.__file__)"
    run = subprocess.run([sys.executable, "-S", "-E", "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": os.environ["PATH"]})
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("alicloud_ml.handlers.rag_ingest.handler") and str(tmp_path) in run.stdout


def test_the_code_is_an_oss_object_named_by_its_digest_which_is_also_an_env_var(stack, network):
    _tier(stack, network)
    out = synth(stack)
    fn = out.one("alicloud_fcv3_function")
    code = out.one("alicloud_oss_bucket_object")
    sha = ingestion_package().sha256
    ref = f"alicloud_oss_bucket_object.{next(iter(out.resources('alicloud_oss_bucket_object')))}"
    assert code["key"] == f"fc-code/ml-dev-ingest/{sha}.zip" and code["source"].endswith(f"/{sha}.zip")
    assert fn["code"] == [{"oss_bucket_name": f"${{{ref}.bucket}}", "oss_object_name": f"${{{ref}.key}}"}]
    assert fn["environment_variables"][CODE_VERSION_ENV] == sha[:16] and len(json.dumps(fn)) < 5000


def test_your_own_code_package_replaces_the_reference_handler(stack, network, tmp_path):
    own = tmp_path / "own.zip"
    with zipfile.ZipFile(own, "w") as zf:
        zf.writestr("index.py", "def handler(event, context):\n    return 'mine'\n")
    _tier(stack, network, code_zip=str(own))
    fn = synth(stack).one("alicloud_fcv3_function")
    assert fn["environment_variables"][CODE_VERSION_ENV] == ingestion_package(str(own)).sha256[:16]
    assert fn["environment_variables"][CODE_VERSION_ENV] != ingestion_package().sha256[:16]


def test_the_tier_passes_the_rag_checks_on_a_real_gate_run(stack, network, tmp_path):
    from alicloud_ml.policies.gate import run_gate
    from tests.policies import fixtures as fx

    _tier(stack, network)
    doc = synth(stack).doc
    report = run_gate(fx.write_outdir(tmp_path, {"test": doc}), fail_on="high")
    rag = {f.check_id: f.status for f in report.findings if f.check_id in ("ALIML_020", "ALIML_021", "ALIML_022",
                                                                            "ALIML_023")}
    assert rag == {"ALIML_020": "passed", "ALIML_021": "passed", "ALIML_022": "passed", "ALIML_023": "passed"}
    # the bare test stack has no state backend (ALIML_015); nothing of the tier blocks
    assert [(f.check_id, f.address) for f in report.blocking if f.check_id != "ALIML_015"] == []
