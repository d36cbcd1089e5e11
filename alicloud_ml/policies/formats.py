"""Gate report formats: a table for people, JSON for tools, SARIF 2.1.0 for code scanning, JUnit for CI."""

from __future__ import annotations

import hashlib
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from alicloud_ml.policies.gate import GateFinding, GateReport
from alicloud_ml.policies.model import Severity

FORMATS = ("table", "json", "sarif", "junit")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
SECURITY_SEVERITY = {Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5", Severity.LOW: "3.0"}
LABEL = {"failed": "FAILED", "expired_suppression": "EXPIRED", "suppressed": "SKIPPED", "not_evaluated": "UNKNOWN",
         "passed": "PASSED"}


def render(report: GateReport, fmt: str) -> str:
    return {"table": render_table, "json": render_json, "sarif": render_sarif, "junit": render_junit}[fmt](report)


def _counts(report: GateReport) -> dict[str, int]:
    out = {s: 0 for s in LABEL}
    for f in report.findings:
        out[f.status] += 1
    out["blocking"] = len(report.blocking)
    out["parse_errors"] = len(report.parse_errors)
    return out


def render_table(report: GateReport) -> str:
    c = _counts(report)
    verdict = "PASS" if report.ok else "FAIL"
    lines = [f"policy gate {verdict}: {len(report.stacks)} stack(s), {report.resources_scanned} resource(s) scanned, "
             f"fail-on {report.fail_on.value}; {c['blocking']} blocking, {c['failed'] + c['expired_suppression']} "
             f"failed, {c['suppressed']} suppressed, {c['passed']} passed"
             + (f", {c['not_evaluated']} not evaluated" if c["not_evaluated"] else "")]
    for err in report.parse_errors:
        lines.append(f"  PARSE ERROR  {err}")
    for f in report.findings:
        if f.status == "passed":
            continue
        block = "!" if f in report.blocking else " "
        where = f.construct_path or f.address
        lines.append(f"{block} {LABEL[f.status]:<7} {f.severity.value.upper():<8} {f.check_id:<10} {f.stack}: {where}"
                     f" ({f.address}, {_rel(f.file)}:{f.line})")
        lines.append(f"      {f.message}")
        if f.status == "suppressed":
            lines.append(f"      suppressed: {f.suppression_reason}")
        elif f.status == "not_evaluated":
            lines.append("      no verdict: the value is only known to Terraform (check the plan, or pass it literally)")
        elif f.status == "expired_suppression":
            lines.append(f"      suppression {f.suppression_reason}")
        else:
            lines.append(f"      fix: {f.fix}")
    if report.suppressions:
        lines.append("suppressions:")
        for use in report.suppressions:
            s = use.suppression
            until = f" until {s.expires}" if s.expires else ""
            lines.append(f"  {s.id} on {s.scope}{until} [{use.status}, {use.findings} finding(s)]: {s.reason}")
    return "\n".join(lines)


def render_json(report: GateReport) -> str:
    data = {
        "version": 1, "path": report.path, "fail_on": report.fail_on.value, "ok": report.ok,
        "summary": _counts(report), "stacks": report.stacks, "resources_scanned": report.resources_scanned,
        "parse_errors": report.parse_errors,
        "findings": [f.to_json() for f in report.findings],
        "suppressions": [{**u.suppression.to_json(), "stack": u.stack, "status": u.status, "findings": u.findings}
                         for u in report.suppressions],
    }
    return json.dumps(data, indent=2)


def _rel(file: str) -> str:
    try:
        return Path(os.path.relpath(file)).as_posix()
    except ValueError:
        return Path(file).as_posix()


def _rules(report: GateReport) -> list[dict[str, Any]]:
    from alicloud_ml.policies.registry import project_checks

    rules: dict[str, dict[str, Any]] = {}
    for check in project_checks():
        m = check.meta
        rules[m.id] = _rule(m.id, m.title, m.why, m.fix, m.severity)
    for f in report.findings:
        if f.check_id not in rules:
            rules[f.check_id] = _rule(f.check_id, f.title, f.title, f.fix, f.severity)
    return [rules[k] for k in sorted(rules)]


def _rule(rule_id: str, title: str, why: str, fix: str, severity: Severity) -> dict[str, Any]:
    return {
        "id": rule_id, "name": rule_id,
        "shortDescription": {"text": title}, "fullDescription": {"text": why},
        "help": {"text": f"{why}\nFix: {fix}\nSuppress: suppress(construct, \"{rule_id}\", reason=\"…\")",
                 "markdown": f"{why}\n\n**Fix:** {fix}\n\n**Suppress:** "
                             f"`suppress(construct, \"{rule_id}\", reason=\"…\", expires=\"YYYY-MM-DD\")`"},
        "defaultConfiguration": {"level": SARIF_LEVEL[severity]},
        "properties": {"security-severity": SECURITY_SEVERITY[severity], "severity": severity.value,
                       "tags": ["security", "alicloud", "terraform"]},
    }


def _sarif_result(f: GateFinding, index: dict[str, int]) -> dict[str, Any]:
    fingerprint = hashlib.sha256(f"{f.check_id}|{f.stack}|{f.address}".encode()).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": f.check_id, "ruleIndex": index[f.check_id], "level": SARIF_LEVEL[f.severity],
        "message": {"text": f"{f.construct_path or f.address}: {f.message} Fix: {f.fix}"},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": _rel(f.file)},
                                 "region": {"startLine": max(1, f.line), "endLine": max(f.line, f.end_line, 1)}},
            "logicalLocations": [{"name": f.construct_path or f.address, "fullyQualifiedName": f"{f.stack}/{f.address}",
                                  "kind": "resource"}],
        }],
        "partialFingerprints": {"alicloudMlFinding/v1": fingerprint},
        "properties": {"stack": f.stack, "address": f.address, "severity": f.severity.value, "status": f.status},
    }
    if f.status == "suppressed":
        result["suppressions"] = [{"kind": "external", "justification": f.suppression_reason}]
    return result


def render_sarif(report: GateReport) -> str:
    rules = _rules(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [_sarif_result(f, index) for f in report.findings if f.status not in ("passed", "not_evaluated")]
    notifications = [{"level": "error", "message": {"text": err}} for err in report.parse_errors]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "alicloud-ml policy gate", "informationUri": "https://github.com/bridgecrewio/checkov",
                            "semanticVersion": _version(), "rules": rules}},
        "results": results,
        "invocations": [{"executionSuccessful": not report.parse_errors,
                         "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("alicloud-ml-cdk")
    except PackageNotFoundError:
        return "0.0.0"


def render_junit(report: GateReport) -> str:
    c = _counts(report)
    root = ET.Element("testsuites", name="alicloud-ml policy gate", tests=str(len(report.findings) + c["parse_errors"]),
                      failures=str(c["failed"] + c["expired_suppression"]), errors=str(c["parse_errors"]),
                      skipped=str(c["suppressed"] + c["not_evaluated"]))
    if report.parse_errors:
        suite = ET.SubElement(root, "testsuite", name="parse", tests=str(c["parse_errors"]), failures="0",
                              errors=str(c["parse_errors"]), skipped="0")
        for i, err in enumerate(report.parse_errors):
            case = ET.SubElement(suite, "testcase", classname="parse", name=f"parse[{i}]")
            ET.SubElement(case, "error", message=err, type="ParseError").text = err
    for stack in sorted({f.stack for f in report.findings}):
        found = [f for f in report.findings if f.stack == stack]
        suite = ET.SubElement(root, "testsuite", name=stack, tests=str(len(found)),
                              failures=str(sum(f.status in ("failed", "expired_suppression") for f in found)),
                              errors="0", skipped=str(sum(f.status in ("suppressed", "not_evaluated") for f in found)))
        for f in found:
            case = ET.SubElement(suite, "testcase", classname=f"{stack}.{f.check_id}",
                                 name=f"{f.check_id} {f.construct_path or f.address}", file=_rel(f.file),
                                 line=str(f.line))
            if f.status in ("failed", "expired_suppression"):
                text = f"{f.address}: {f.message}\nfix: {f.fix}"
                if f.suppression_reason:
                    text += f"\nsuppression {f.suppression_reason}"
                ET.SubElement(case, "failure", message=f"[{f.severity.value}] {f.message}", type=f.severity.value).text = text
            elif f.status == "suppressed":
                ET.SubElement(case, "skipped", message=f"suppressed: {f.suppression_reason}")
            elif f.status == "not_evaluated":
                ET.SubElement(case, "skipped", message=f.message)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)

