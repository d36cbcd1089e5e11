"""The gate's per-stack cache: a hit gives the fresh scan's report, and nothing it depends on can be served stale."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from alicloud_ml.policies import gate_cache
from tests.policies import fixtures as fx

OPEN_RULE = {"alicloud_security_group_rule": {"open": fx.sg_rule(cidr_ip="0.0.0.0/0")}}


def _suppressed(expires: str) -> dict:
    rule = fx.sg_rule(cidr_ip="0.0.0.0/0")
    rule["//"] = {"alicloud_ml": {"suppressions": [{"id": "ALIML_003", "reason": "a bastion port, reviewed by sec",
                                                    "scope": "ml-dev/Fixture/open", "expires": expires}]}}
    return {"alicloud_security_group_rule": {"open": rule}}


def _findings(report) -> list[tuple]:
    return [(f.check_id, f.stack, f.address, f.status, f.message, f.line, f.field, f.title) for f in report.findings]


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ALICLOUD_ML_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture()
def no_scans(monkeypatch):
    """After this, any checkov run fails the test: everything must come from the cache."""
    def refuse(*args, **kwargs):
        raise AssertionError("checkov ran on a stack whose verdicts are cached")

    def forbid():
        monkeypatch.setattr("alicloud_ml.policies.gate.run_checkov", refuse)
    return forbid


def test_a_cached_stack_gives_the_fresh_report_without_running_checkov(tmp_path, warm_gate, no_scans):
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc(OPEN_RULE), "ml-prod": fx.stack_doc({}, "ml-prod")})
    fresh = warm_gate.run_gate(out, fail_on="low")

    no_scans()
    cached = warm_gate.run_gate(out, fail_on="low")

    assert _findings(cached) == _findings(fresh) and cached.resources_scanned == fresh.resources_scanned
    assert any(f.check_id == "ALIML_003" and f.status == "failed" for f in cached.findings)


def test_only_the_changed_stack_is_scanned_again(tmp_path, warm_gate, monkeypatch):
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc({}), "ml-prod": fx.stack_doc({}, "ml-prod")})
    warm_gate.run_gate(out)
    scanned: list[str] = []
    original = warm_gate.run_checkov
    monkeypatch.setattr(warm_gate, "run_checkov", lambda files, *a: scanned.extend(
        sf.stack.name for sf in files) or original(files, *a))
    fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc(OPEN_RULE)})

    report = warm_gate.run_gate(out)

    assert scanned == ["ml-dev"]
    assert [(f.check_id, f.stack) for f in report.blocking] == [("ALIML_003", "ml-dev")]


def test_removing_a_suppression_brings_the_finding_back(tmp_path, warm_gate):
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc(_suppressed("2099-12-31"))})
    assert [f.status for f in warm_gate.run_gate(out).findings if f.check_id == "ALIML_003"] == ["suppressed"]

    fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc(OPEN_RULE)})
    report = warm_gate.run_gate(out)

    assert [f.status for f in report.findings if f.check_id == "ALIML_003"] == ["failed"] and not report.ok


def test_a_suppression_that_lapses_brings_the_finding_back_from_a_cached_stack(tmp_path, warm_gate, no_scans):
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc(_suppressed("2030-06-30"))})
    before = warm_gate.run_gate(out, today=dt.date(2030, 6, 30))

    no_scans()
    after = warm_gate.run_gate(out, today=dt.date(2030, 7, 1))

    assert [f.status for f in before.findings if f.check_id == "ALIML_003"] == ["suppressed"] and before.ok
    assert [f.status for f in after.findings if f.check_id == "ALIML_003"] == ["expired_suppression"]
    assert not after.ok


def test_a_changed_check_is_never_answered_from_the_cache(tmp_path, warm_gate, monkeypatch):
    # GIVEN a stack with a scoped security-group rule that the gate passed and cached
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc({"alicloud_security_group_rule": {"ok": fx.sg_rule()}})})
    assert warm_gate.run_gate(out).ok
    # WHEN ALIML_003 is changed to fail every rule (its code, and so the package's fingerprint, differ)
    import alicloud_ml.policies.checks.security_group_rule_not_world_open as module
    from alicloud_ml.policies.model import Result

    monkeypatch.setattr(module.check, "_evaluate", lambda resource: Result.failed("every rule fails now"))
    monkeypatch.setattr(gate_cache, "code_fingerprint", lambda root=None: "edited-check")
    report = warm_gate.run_gate(out)
    # THEN its new verdict is what the gate reports
    assert {f.message for f in report.blocking} == {"every rule fails now"}


def test_the_code_fingerprint_follows_every_byte_of_the_package_but_not_bytecode_or_bindings(tmp_path):
    from alicloud_ml.policies.registry import CHECKS_DIR

    root = tmp_path / "pkg"
    shutil.copytree(CHECKS_DIR, root / "policies" / "checks", ignore=shutil.ignore_patterns("__pycache__"))
    first = gate_cache.code_fingerprint(root)
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (root / "provider").mkdir()
    (root / "provider" / "vpc.py").write_text("# generated\n")
    gate_cache.code_fingerprint.cache_clear()
    assert gate_cache.code_fingerprint(root) == first
    check = root / "policies" / "checks" / "security_group_rule_not_world_open.py"
    check.write_text(check.read_text().replace("0.0.0.0/0", "0.0.0.0/1", 1))
    gate_cache.code_fingerprint.cache_clear()
    assert gate_cache.code_fingerprint(root) != first


def test_every_input_of_a_stack_scan_is_in_its_key(monkeypatch):
    base = gate_cache.key('{"resource": {}}', "ml-dev", {"state_buckets": ["a"]})
    assert base == gate_cache.key('{"resource": {}}', "ml-dev", {"state_buckets": ["a"]})
    assert len({base, gate_cache.key('{"resource": {} }', "ml-dev", {"state_buckets": ["a"]}),
                gate_cache.key('{"resource": {}}', "ml-prod", {"state_buckets": ["a"]}),
                gate_cache.key('{"resource": {}}', "ml-dev", {"state_buckets": ["b"]})}) == 4
    monkeypatch.setattr(gate_cache, "checkov_version", lambda: "9.9.9")
    assert gate_cache.key('{"resource": {}}', "ml-dev", {"state_buckets": ["a"]}) != base


def test_a_stack_checkov_cannot_parse_is_never_cached(tmp_path, warm_gate):
    doc = fx.stack_doc({})
    doc["terraform"]["required_version"] = ">= 1.5"
    out = fx.write_outdir(tmp_path, {"ml-dev": doc})
    for _ in range(2):
        report = warm_gate.run_gate(out)
        assert not report.ok and len(report.parse_errors) == 1


def test_the_libyaml_parser_gives_checkov_the_same_definitions_as_its_own(tmp_path, warm_gate):
    from checkov.common.parsers.yaml import loader as checkov_loader

    from alicloud_ml.policies import checkov_parser

    doc = fx.stack_doc({**OPEN_RULE, "alicloud_cs_kubernetes_node_pool": {"gpu": fx.gpu_pool()},
                        "alicloud_pai_service": {"eas": fx.eas_service()}})
    doc["locals"] = {"yes": "no", "on": ["off", True, None, 1.5, "é"]}
    text = json.dumps(doc, indent=2)
    assert checkov_parser.loads(text) == checkov_loader.loads(text)
    assert checkov_parser.loads("{not: [json") == checkov_loader.loads("{not: [json")


def test_the_cache_can_be_turned_off(tmp_path, warm_gate, monkeypatch, no_scans):
    monkeypatch.setenv(gate_cache.CACHE_SWITCH_ENV, "0")
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc({})})
    warm_gate.run_gate(out)
    no_scans()
    with pytest.raises(AssertionError, match="checkov ran"):
        warm_gate.run_gate(Path(out))
