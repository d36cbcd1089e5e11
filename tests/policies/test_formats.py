"""Report formats: SARIF 2.1.0 for code scanning, JUnit for CI, JSON and table; suppressions in all of them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from alicloud_ml.policies.formats import FORMATS, render
from tests.policies import fixtures as fx

REASON = "shared inference pool, accepted by the platform team"


@pytest.fixture
def report(tmp_path, warm_gate):
    suppressed = {**fx.gpu_pool(taints=None), "//": {"alicloud_ml": {"suppressions": [
        {"id": "ALIML_001", "reason": REASON, "scope": "ml-dev/Fixture/suppressed_pool"}]}}}
    doc = fx.stack_doc({"alicloud_cs_kubernetes_node_pool": {"fail_untainted": fx.gpu_pool(taints=None),
                                                             "suppressed_pool": suppressed}})
    return warm_gate.run_gate(fx.write_outdir(tmp_path, {"ml-dev": doc}))


def test_sarif_is_2_1_0_with_rules_levels_and_locations_in_the_json_file(report):
    sarif = json.loads(render(report, "sarif"))
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"ALIML_001", "ALIML_015", "CKV_ALI_31"} <= set(ids)  # every project check, plus built-ins that ran
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert float(rule["properties"]["security-severity"]) > 0
    results = run["results"]
    assert results and all(r["ruleId"] == ids[r["ruleIndex"]] for r in results)
    taint = [r for r in results if r["ruleId"] == "ALIML_001"]
    assert len(taint) == 2
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith("stacks/ml-dev/cdk.tf.json")
        assert location["region"]["startLine"] >= 1
    failing = next(r for r in taint if "suppressions" not in r)
    assert failing["level"] == "error" and "ml-dev/Fixture/fail_untainted" in failing["message"]["text"]
    lines = (report.findings[0].file and open(report.findings[0].file).read().splitlines())
    start = failing["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert '"fail_untainted"' in lines[start - 1]
    suppressed = next(r for r in taint if "suppressions" in r)
    assert suppressed["suppressions"] == [{"kind": "external", "justification": REASON}]


def test_junit_parses_and_marks_failures_and_suppressed_findings(report):
    root = ET.fromstring(render(report, "junit").split("?>", 1)[1])
    assert root.tag == "testsuites" and int(root.get("failures")) >= 1 and root.get("skipped") == "1"
    suite = root.find("testsuite[@name='ml-dev']")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    failing = cases["ALIML_001 ml-dev/Fixture/fail_untainted"]
    assert failing.find("failure").get("type") == "high"
    assert REASON in cases["ALIML_001 ml-dev/Fixture/suppressed_pool"].find("skipped").get("message")
    assert int(suite.get("tests")) == len(suite.findall("testcase"))


def test_junit_reports_parse_errors_as_errors(tmp_path, warm_gate):
    doc = fx.stack_doc({})
    doc["terraform"]["required_version"] = ">= 1.5"
    report = warm_gate.run_gate(fx.write_outdir(tmp_path, {"ml-dev": doc}))
    root = ET.fromstring(render(report, "junit").split("?>", 1)[1])
    assert root.get("errors") == "1"
    assert "required_version" in root.find("testsuite[@name='parse']/testcase/error").get("message")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_suppression_appears_in_every_report_format(report, fmt):
    assert REASON in render(report, fmt)


def test_json_report_lists_findings_with_the_public_fields(report):
    data = json.loads(render(report, "json"))
    assert data["ok"] is False and data["fail_on"] == "high"
    finding = next(f for f in data["findings"] if f["status"] == "failed" and f["check_id"] == "ALIML_001")
    for key in ("check_id", "severity", "title", "stack", "address", "construct_path", "message", "fix", "status",
                "suppression_reason", "line"):
        assert key in finding
    assert data["suppressions"][0]["status"] == "applied"
