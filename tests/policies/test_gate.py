"""The gate as a whole: parse failures fail, addresses map back, stack-level checks, CLI exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from alicloud_ml.errors import InputError
from tests.policies import fixtures as fx


def _cli(*args: str):
    from alicloud_ml.cli import app

    return CliRunner().invoke(app, list(args))


def test_gate_fails_a_stack_checkov_cannot_parse_instead_of_passing_it(tmp_path, warm_gate):
    # GIVEN a compliant stack with terraform.required_version (checkov 3.3.30 parses it to nothing, exit 0)
    doc = fx.stack_doc({})
    doc["terraform"]["required_version"] = ">= 1.5"
    out = fx.write_outdir(tmp_path, {"ml-dev": doc})
    # WHEN gated / checked
    report = warm_gate.run_gate(out)
    result = _cli("check", str(out))
    # THEN the gate fails naming the file and the cause
    assert result.exit_code == 1, result.output
    assert not report.ok and len(report.parse_errors) == 1
    assert "stacks/ml-dev/cdk.tf.json" in report.parse_errors[0] and "required_version" in report.parse_errors[0]
    assert "PARSE ERROR" in result.stdout and "cdk.tf.json" in result.stdout


def test_gate_fails_invalid_json_naming_the_file(tmp_path, warm_gate):
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc({})})
    broken = out / "stacks" / "ml-broken" / "cdk.tf.json"
    broken.parent.mkdir(parents=True)
    broken.write_text('{"resource": {"alicloud_vpc": {"v": {"cidr_block": "10.0.0.0/8",}}}')
    report = warm_gate.run_gate(out)
    assert not report.ok
    assert [e for e in report.parse_errors if "ml-broken/cdk.tf.json is not valid JSON" in e]
    assert _cli("check", str(out)).exit_code == 1


def test_gate_fails_a_stack_in_which_no_resource_was_scanned(tmp_path, warm_gate):
    out = fx.write_outdir(tmp_path, {"ml-empty": fx.stack_doc({}, "ml-empty", base=False)})
    report = warm_gate.run_gate(out)
    assert not report.ok
    assert any("zero resources were scanned in stack ml-empty" in e for e in report.parse_errors)


def test_checkov_resource_ids_map_back_to_type_and_construct_path_even_when_names_collide(tmp_path, warm_gate):
    # GIVEN two resources of different types sharing one logical id
    doc = fx.stack_doc({"alicloud_ecs_disk": {"Shared": {"zone_id": fx.ZONE, "size": 100}},
                        "alicloud_security_group_rule": {"Shared": fx.sg_rule(cidr_ip="0.0.0.0/0")}})
    report = warm_gate.run_gate(fx.write_outdir(tmp_path, {"ml-dev": doc}))
    failed = {(f.check_id, f.address, f.construct_path) for f in report.failed}
    assert ("ALIML_011", "alicloud_ecs_disk.Shared", "ml-dev/Fixture/Shared") in failed
    assert ("ALIML_003", "alicloud_security_group_rule.Shared", "ml-dev/Fixture/Shared") in failed


def test_gate_accepts_a_single_tf_json_file(tmp_path, warm_gate):
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc({})})
    report = warm_gate.run_gate(out / "stacks" / "ml-dev" / "cdk.tf.json")
    assert report.ok and report.stacks == ["ml-dev"] and report.resources_scanned == 6


def test_state_backend_must_be_oss_encrypted_locked_with_a_hardened_bucket(tmp_path, warm_gate):
    weak = {"oss": {"bucket": "tf-state-weak", "encrypt": False, "acl": "public-read", "region": fx.REGION}}
    bucket = {"alicloud_oss_bucket": {"fail_state_bucket": {"bucket": "tf-state-weak", "acl": "public-read"}}}
    good_bucket = {"alicloud_oss_bucket": {"pass_state_bucket": {
        "bucket": "tf-state-ml", "versioning": [{"status": "Enabled"}],
        "server_side_encryption_rule": [{"sse_algorithm": "KMS"}]}}}
    out = fx.write_outdir(tmp_path, {
        "ml-dev": fx.stack_doc(good_bucket),
        "ml-local": fx.stack_doc({}, "ml-local", backend=None),
        "ml-weak": fx.stack_doc(bucket, "ml-weak", backend=weak)})
    report = warm_gate.run_gate(out)
    got = {(f.stack, f.address, f.status) for f in report.findings if f.check_id == "ALIML_015"}
    assert got == {("ml-dev", "terraform.backend", "passed"), ("ml-dev", "alicloud_oss_bucket.pass_state_bucket", "passed"),
                   ("ml-local", "terraform.backend", "failed"), ("ml-weak", "terraform.backend", "failed"),
                   ("ml-weak", "alicloud_oss_bucket.fail_state_bucket", "failed")}
    weak_msg = next(f.message for f in report.failed if f.stack == "ml-weak" and f.address == "terraform.backend")
    assert "encrypt is not true" in weak_msg and "tablestore_table" in weak_msg and "acl is public-read" in weak_msg
    bucket_msg = next(f.message for f in report.failed if f.address.endswith("fail_state_bucket") and f.check_id == "ALIML_015")
    assert "versioning" in bucket_msg and "encryption" in bucket_msg and "public" in bucket_msg


def test_provider_without_region_and_credentials_outside_resources_are_findings(tmp_path, warm_gate):
    key = fx.fake_access_key_id()
    doc = fx.stack_doc({}, providers=[{"access_key": key, "secret_key": "not-a-secret-" + "z" * 10}])
    doc["terraform"]["backend"]["oss"]["secret_key"] = "also-not-a-secret-" + "q" * 6
    report = warm_gate.run_gate(fx.write_outdir(tmp_path, {"ml-dev": doc}))
    failed = {(f.check_id, f.address): f for f in report.failed}
    assert ("ALIML_012", "provider.alicloud") in failed
    assert failed[("ALIML_013", "provider")].severity.value == "critical"
    assert ("ALIML_013", "terraform") in failed
    assert key not in json.dumps([f.to_json() for f in report.findings])  # findings never echo the key


def test_cli_exits_2_for_bad_input_without_traceback(tmp_path):
    missing = _cli("check", str(tmp_path / "nope"))
    assert missing.exit_code == 2 and "path not found" in missing.stderr
    (tmp_path / "empty").mkdir()
    assert _cli("check", str(tmp_path / "empty")).exit_code == 2
    assert _cli("check", str(tmp_path), "--fail-on", "severe").exit_code == 2
    assert _cli("check", str(tmp_path), "--format", "xml").exit_code == 2


def test_run_gate_raises_input_error_for_a_missing_path(tmp_path):
    from alicloud_ml.policies.gate import run_gate

    with pytest.raises(InputError, match="path not found"):
        run_gate(tmp_path / "cdktf.out")


def test_cli_writes_the_report_to_output_and_prints_the_table(tmp_path, warm_gate):
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc({})})
    target = tmp_path / "reports" / "gate.json"
    result = _cli("check", str(out), "--format", "json", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["ok"] is True
    assert "policy gate PASS" in result.stdout


def test_fail_on_threshold_decides_what_blocks(tmp_path, warm_gate):
    doc = fx.stack_doc({"alicloud_ecs_disk": {"fail_kept": {"zone_id": fx.ZONE, "size": 100}}})
    out = fx.write_outdir(tmp_path, {"ml-dev": doc})
    assert _cli("check", str(out), "--fail-on", "high").exit_code == 0
    assert _cli("check", str(out), "--fail-on", "medium").exit_code == 1


def test_bootstrap_stack_creating_the_state_bucket_may_keep_local_state(tmp_path, warm_gate):
    # GIVEN a state stack with local state that creates the bucket ml-dev's OSS backend uses,
    # hardened with the standalone versioning / encryption resources (provider >= 1.220)
    bucket_ref = "${alicloud_oss_bucket.state_bucket.bucket}"
    state = fx.stack_doc({
        "alicloud_oss_bucket": {"state_bucket": {"bucket": "tf-state-ml"}},
        "alicloud_oss_bucket_versioning": {"state_versioning": {"bucket": bucket_ref, "status": "Enabled"}},
        "alicloud_oss_bucket_server_side_encryption": {"state_sse": {"bucket": bucket_ref, "sse_algorithm": "KMS",
                                                                     "kms_master_key_id": "${alicloud_kms_key.k.id}"}},
        "alicloud_oss_bucket_public_access_block": {"state_pab": {"bucket": bucket_ref, "block_public_access": True}},
    }, "ml-state", base=False, backend=None)
    out = fx.write_outdir(tmp_path, {"ml-state": state, "ml-dev": fx.stack_doc({})})
    # WHEN gated together
    report = warm_gate.run_gate(out)
    # THEN the backend and the bucket pass, and checkov's inline-block checks are reconciled
    got = {(f.check_id, f.address): f.status for f in report.findings if f.stack == "ml-state"}
    assert got[("ALIML_015", "terraform.backend")] == "passed"
    assert got[("ALIML_015", "alicloud_oss_bucket.state_bucket")] == "passed"
    assert got[("CKV_ALI_10", "alicloud_oss_bucket.state_bucket")] == "passed"
    assert got[("CKV_ALI_6", "alicloud_oss_bucket.state_bucket")] == "passed"
    # and alone, without a stack using that bucket, local state fails
    alone = warm_gate.run_gate(fx.write_outdir(tmp_path / "alone", {"ml-state": state}))
    assert ("ALIML_015", "terraform.backend") in {(f.check_id, f.address) for f in alone.blocking}


def test_console_entry_point_exits_1_on_blocking_findings_and_2_on_a_missing_path(tmp_path, warm_gate):
    import subprocess
    import sys

    doc = fx.stack_doc({"alicloud_cs_kubernetes_node_pool": {"fail_untainted": fx.gpu_pool(taints=None)}})
    out = fx.write_outdir(tmp_path, {"ml-dev": doc})
    entry = [sys.executable, "-c", "from alicloud_ml.cli import main; main()"]
    blocked = subprocess.run([*entry, "check", str(out)], capture_output=True, text=True, timeout=300)
    missing = subprocess.run([*entry, "check", str(tmp_path / "nope")], capture_output=True, text=True, timeout=300)
    assert blocked.returncode == 1, blocked.stderr
    assert "ALIML_001" in blocked.stdout
    assert missing.returncode == 2 and "path not found" in missing.stderr
