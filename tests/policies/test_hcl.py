"""The policy pack on HCL: plain checkov with `--external-checks-dir policies`, and `alicloud-ml check <dir of *.tf>`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.policies import fixtures as fx

REPO = Path(__file__).resolve().parents[2]
POLICIES = REPO / "policies"
# checkov evaluates the modules' validation regexes as Python strings and warns about `\w`; not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore:invalid escape sequence:DeprecationWarning")

#: An untainted GPU pool and a training group open to the world, written by hand in HCL.
BAD_HCL = '''
provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_security_group" "training" {
  security_group_name = "training"
  vpc_id              = "vpc-123"
  tags                = { workload = "training" }
}

resource "alicloud_security_group_rule" "world" {
  type              = "ingress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  cidr_ip           = "0.0.0.0/0"
  nic_type          = "intranet"
  security_group_id = alicloud_security_group.training.id
}

resource "alicloud_cs_kubernetes_node_pool" "gpu" {
  cluster_id           = "c-123"
  node_pool_name       = "gpu"
  instance_types       = ["ecs.gn7i-c16g1.4xlarge"]
  vswitch_ids          = ["vsw-1"]
  system_disk_category = "cloud_essd"
  system_disk_size     = 200
  update_nodes         = true
  scaling_config {
    enable   = true
    min_size = 0
    max_size = 4
  }
}
'''


def _plain_checkov(directory: Path, *extra: str) -> list[dict]:
    cmd = [str(Path(sys.executable).with_name("checkov")), "-d", str(directory), "--skip-download",
           "--external-checks-dir", str(POLICIES), "-o", "json", "--compact", *extra]
    env = dict(os.environ, CHECKOV_RUN_SCA_PACKAGE_SCAN_V2="false", BC_SKIP_MAPPING="TRUE")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, cwd=directory)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    return data if isinstance(data, list) else [data]


def _failed(reports: list[dict]) -> set[tuple[str, str, str]]:
    return {(r["check_type"], c["check_id"], c["resource"]) for r in reports for c in r["results"]["failed_checks"]
            if c["check_id"].startswith("ALIML_")}


def test_plain_checkov_finds_an_untainted_gpu_pool_and_a_world_open_training_rule_in_hcl(tmp_path):
    # GIVEN a hand-written HCL file with both mistakes
    (tmp_path / "main.tf").write_text(BAD_HCL)
    # WHEN the real checkov CLI runs with the top-level policies folder
    failed = _failed(_plain_checkov(tmp_path))
    # THEN it reports both on HCL
    assert ("terraform", "ALIML_001", "alicloud_cs_kubernetes_node_pool.gpu") in failed
    assert ("terraform", "ALIML_003", "alicloud_security_group_rule.world") in failed


def test_plain_checkov_runs_the_same_checks_on_synthesized_json(tmp_path):
    # GIVEN the same two mistakes in a synthesized cdk.tf.json
    doc = fx.stack_doc({"alicloud_cs_kubernetes_node_pool": {"gpu": fx.gpu_pool(taints=None)},
                        "alicloud_security_group_rule": {"world": fx.sg_rule(cidr_ip="0.0.0.0/0")}}, "ml-bad")
    fx.write_outdir(tmp_path, {"ml-bad": doc})
    # WHEN plain checkov scans the folder (no framework named) with the policies folder
    failed = _failed(_plain_checkov(tmp_path))
    # THEN the ALIML checks report on JSON as well
    assert {c for _, c, _ in failed} >= {"ALIML_001", "ALIML_003"}
    assert {t for t, _, _ in failed} == {"terraform_json"}


def test_policies_folder_registers_the_gate_s_check_objects():
    # GIVEN the registration module  THEN it holds the gate's own check objects, not copies
    sys.path.insert(0, str(REPO))
    try:
        import importlib

        aliml = importlib.import_module("policies.aliml")
    finally:
        sys.path.remove(str(REPO))
    from alicloud_ml.policies.registry import project_checks

    assert aliml.CHECKS is project_checks()
    assert (POLICIES / "__init__.py").is_file()


def _check(args: list[str], capsys) -> tuple[int, str, str]:
    from alicloud_ml.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["check", *args])
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_check_gates_an_hcl_directory_with_the_pack_s_severities(tmp_path, capsys, warm_gate):
    # GIVEN the bad HCL root  WHEN `alicloud-ml check` runs on the directory
    (tmp_path / "main.tf").write_text(BAD_HCL)
    code, out, _ = _check([str(tmp_path), "--format", "json"], capsys)
    report = json.loads(out)
    found = {(f["check_id"], f["address"]): f for f in report["findings"] if f["status"] == "failed"}
    # THEN it fails (exit 1) with the same severities the gate gives JSON, naming resources by address and file
    assert code == 1
    assert found[("ALIML_001", "alicloud_cs_kubernetes_node_pool.gpu")]["severity"] == "high"
    assert found[("ALIML_003", "alicloud_security_group_rule.world")]["severity"] == "critical"
    assert found[("ALIML_004", "alicloud_security_group_rule.world")]["source"] == "gate"  # stack-level, on HCL
    assert found[("ALIML_003", "alicloud_security_group_rule.world")]["file"].endswith("main.tf")
    assert found[("ALIML_003", "alicloud_security_group_rule.world")]["line"] == 12


SPLIT_HCL = """
resource "alicloud_oss_bucket" "docs" {
  bucket = "docs-bucket"
  lifecycle {
    ignore_changes = [server_side_encryption_rule]
  }
}
resource "alicloud_oss_bucket_server_side_encryption" "docs" {
  bucket        = alicloud_oss_bucket.docs.bucket
  sse_algorithm = "AES256"
}
resource "alicloud_oss_bucket" "logs" {
  bucket = "logs-bucket"
}
resource "alicloud_oss_bucket_versioning" "logs" {
  bucket = alicloud_oss_bucket.logs.id
  status = "Enabled"
}
"""


def test_a_bucket_beside_its_sub_resource_must_ignore_what_it_manages_in_hcl(tmp_path, capsys, warm_gate):
    # GIVEN two buckets with standalone sub-resources, one with the documented ignore_changes
    (tmp_path / "main.tf").write_text(SPLIT_HCL)
    code, out, _ = _check([str(tmp_path), "--format", "json"], capsys)
    status = {f["address"]: f["status"] for f in json.loads(out)["findings"] if f["check_id"] == "ALIML_026"}
    # THEN the one without it fails ALIML_026 and the other passes
    assert status == {"alicloud_oss_bucket.logs": "failed", "alicloud_oss_bucket.docs": "passed"} and code == 1


def test_checkov_skip_comments_suppress_with_a_reason_and_short_reasons_are_bad_input(tmp_path, capsys, warm_gate):
    # GIVEN the bad root with a skip comment (reason >= 10 characters) on the pool, and one at file level
    text = BAD_HCL.replace('  node_pool_name       = "gpu"',
                           '  #checkov:skip=ALIML_001:shared CPU/GPU pool accepted by the platform team\n'
                           '  node_pool_name       = "gpu"')
    (tmp_path / "main.tf").write_text("#checkov:skip=ALIML_015:local state for this test root\n" + text)
    code, out, _ = _check([str(tmp_path), "--format", "json"], capsys)
    report = json.loads(out)
    status = {(f["check_id"], f["address"]): f["status"] for f in report["findings"]}
    # THEN the pool's finding is suppressed with its reason, the backend finding too, the rest still fail
    assert status[("ALIML_001", "alicloud_cs_kubernetes_node_pool.gpu")] == "suppressed"
    assert status[("ALIML_015", "terraform.backend")] == "suppressed"
    assert status[("ALIML_003", "alicloud_security_group_rule.world")] == "failed" and code == 1
    # WHEN a reason is shorter than 10 characters
    short = text.replace("shared CPU/GPU pool accepted by the platform team", "ok")
    (tmp_path / "main.tf").write_text(short)
    line = next(i for i, x in enumerate(short.splitlines(), start=1) if "checkov:skip=ALIML_001" in x)
    code, _, err = _check([str(tmp_path)], capsys)
    # THEN it is bad input: exit 2, one message naming the file, line and field
    assert code == 2
    assert f"main.tf:{line}:" in err and "suppress(ALIML_001).reason" in err and "at least 10 characters" in err


@pytest.mark.parametrize("fmt", ["table", "sarif", "junit"])
def test_check_on_hcl_writes_every_report_format(fmt, tmp_path, capsys, warm_gate):
    (tmp_path / "main.tf").write_text(BAD_HCL)
    code, out, _ = _check([str(tmp_path), "--format", fmt], capsys)
    assert code == 1
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert any(r["ruleId"] == "ALIML_001" and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 21
                   for r in results)
    elif fmt == "junit":
        assert int(ET.fromstring(out).get("failures")) >= 3
    else:
        assert "FAILED  HIGH     ALIML_001" in out and "alicloud_cs_kubernetes_node_pool.gpu" in out


def test_gate_passes_on_every_generated_module_example(warm_gate):
    # GIVEN every modules/*/examples/basic root  WHEN gated  THEN nothing fails: the modules keep the practices
    for example in sorted((REPO / "modules").glob("*/examples/basic")):
        report = warm_gate.run_gate(example, fail_on="low")
        failed = [f"{f.check_id} {f.address}: {f.message}" for f in report.failed]
        assert report.ok and not failed, f"{example}: {failed} {report.parse_errors}"
        assert report.resources_scanned > 0


def test_unevaluated_module_inputs_are_reported_as_no_verdict_not_as_findings(warm_gate):
    # GIVEN the ml-platform example (object-typed inputs with optional() defaults, for_each module instances)
    report = warm_gate.run_gate(REPO / "modules" / "ml-platform" / "examples" / "basic", fail_on="low")
    unknown = {f.check_id for f in report.findings if f.status == "not_evaluated"}
    # THEN what checkov cannot evaluate is listed as not evaluated, never as a pass or a failure
    assert "ALIML_016" in unknown and report.ok
    assert all(f.message.startswith("not evaluated") for f in report.findings if f.status == "not_evaluated")


def test_a_skip_comment_in_a_module_block_covers_that_module_s_resources(tmp_path, warm_gate):
    # GIVEN a root calling a local module whose GPU pool is untainted, with the skip in the module block
    (tmp_path / "pool").mkdir()
    pool = BAD_HCL.split('resource "alicloud_cs_kubernetes_node_pool"', 1)[1]
    (tmp_path / "pool" / "main.tf").write_text('resource "alicloud_cs_kubernetes_node_pool"' + pool)
    (tmp_path / "main.tf").write_text('provider "alicloud" {\n  region = "cn-shanghai"\n}\n\nmodule "shared" {\n'
                                      '  #checkov:skip=ALIML_001:notebook pool shared by CPU and GPU jobs, accepted\n'
                                      '  source = "./pool"\n}\n')
    report = warm_gate.run_gate(tmp_path, fail_on="low")
    found = {(f.check_id, f.address): f for f in report.findings}
    # THEN the pool is named by its module address and its finding is suppressed with the comment's reason
    f = found[("ALIML_001", "module.shared.alicloud_cs_kubernetes_node_pool.gpu")]
    assert f.status == "suppressed" and f.suppression_reason.startswith("notebook pool")
    assert f.file.endswith("pool/main.tf")


def test_check_on_hcl_speaks_terraform_names_the_directory_and_never_inverts_checkov_s_names(
        tmp_path, capsys, monkeypatch, warm_gate):
    # GIVEN a root with a public bucket (checkov names CKV_ALI_1 after the violation) and no OSS backend
    root = tmp_path / "team-root"
    root.mkdir()
    (root / "main.tf").write_text(BAD_HCL + 'resource "alicloud_oss_bucket" "public" {\n  bucket = "b-public"\n'
                                            '  acl    = "public-read"\n}\n')
    monkeypatch.chdir(root)
    # WHEN it is checked as `.`
    code, out, _ = _check([".", "--format", "json"], capsys)
    findings = {f["check_id"]: f for f in json.loads(out)["findings"] if f["status"] == "failed"}
    # THEN the stack is the directory's name, ALIML_015's fix is a backend block, and no fix says "so that" the
    # violation holds
    assert code == 1 and {f["stack"] for f in findings.values()} == {"team-root"}
    assert findings["ALIML_015"]["fix"].startswith('Use backend "oss"') and "Props" not in findings["ALIML_015"]["fix"]
    # (the field is the one checkov evaluated last: `acl`, or on some runs `resource_type`)
    assert findings["CKV_ALI_1"]["fix"].endswith(": checkov's CKV_ALI_1 fails on it (Alibaba Cloud OSS bucket "
                                                 "accessible to public)")
    assert "so that" not in findings["CKV_ALI_1"]["fix"]
    assert not any("construct" in f["fix"] or "Props" in f["fix"] for f in findings.values())
