"""Plain checkov users get the same per-resource checks: `checkov --external-checks-dir <package>/checks`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from alicloud_ml.policies.registry import CHECKS_DIR
from tests.policies import fixtures as fx
from tests.policies.test_checks import CASES


def _all_cases_outdir(tmp_path: Path) -> Path:
    docs = {}
    for check_id, stacks in CASES.items():
        for stack, resources in stacks.items():
            name = f"{stack}-c{check_id[-3:]}"
            docs[name] = fx.stack_doc(resources, name, providers=[{"region": fx.REGION},
                                                                  {"alias": "hz", "region": "cn-hangzhou"}])
    suppressed = {**fx.gpu_pool(taints=None), "//": {"alicloud_ml": {"suppressions": [
        {"id": "ALIML_001", "reason": "shared inference pool, accepted by platform team", "scope": "ml-supp"}]}}}
    docs["ml-supp"] = fx.stack_doc({"alicloud_cs_kubernetes_node_pool": {"suppressed_pool": suppressed}}, "ml-supp")
    return fx.write_outdir(tmp_path, docs)


def _checkov_cli(out: Path) -> dict:
    cmd = [str(Path(sys.executable).with_name("checkov")), "--framework", "terraform_json", "--skip-download",
           "--external-checks-dir", str(CHECKS_DIR), "-d", str(out), "-o", "json", "--compact"]
    env = dict(os.environ, CHECKOV_RUN_SCA_PACKAGE_SCAN_V2="false", BC_SKIP_MAPPING="TRUE")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    return data[0] if isinstance(data, list) else data


def test_plain_checkov_cli_finds_the_same_project_violations_as_the_gate(tmp_path, warm_gate):
    # GIVEN every check's fixture, one stack per case, plus one suppressed resource
    out = _all_cases_outdir(tmp_path)
    # WHEN the real checkov CLI runs with the package's checks folder, and the gate runs in-process
    results = _checkov_cli(out)["results"]
    report = warm_gate.run_gate(out, fail_on="low")

    def key(file_path: str, resource: str) -> tuple[str, str]:
        return Path(file_path).parent.name, resource.split(".", 1)[1]

    plain_failed = {(r["check_id"], *key(r["file_path"], r["resource"]))
                    for r in results["failed_checks"] if r["check_id"].startswith("ALIML_")}
    plain_skipped = {(r["check_id"], *key(r["file_path"], r["resource"]))
                     for r in results["skipped_checks"] if r["check_id"].startswith("ALIML_")}
    gate_failed = {(f.check_id, f.stack, f.address.split(".", 1)[1])
                   for f in report.findings if f.source == "checkov" and f.check_id.startswith("ALIML_")
                   and f.status == "failed"}
    # THEN checkov fails exactly what the gate fails with its per-resource checks, and honours the suppression
    assert plain_failed == gate_failed
    assert {c for c, _, _ in plain_failed} == {"ALIML_001", "ALIML_002", "ALIML_003", "ALIML_005", "ALIML_009",
                                                "ALIML_010", "ALIML_011", "ALIML_013", "ALIML_014", "ALIML_016",
                                                "ALIML_017", "ALIML_022", "ALIML_024"}
    assert plain_skipped == {("ALIML_001", "ml-supp", "suppressed_pool")}
