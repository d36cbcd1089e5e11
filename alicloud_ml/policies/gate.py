"""The synth gate: checkov (in-process) plus the project's checks on every synthesized stack.

    prewarm()                      # start importing checkov in a background thread (before synth)
    report = run_gate(Path("cdktf.out"), fail_on="high")
    # alicloud_ml.synth gates every synth before it is published and raises PolicyViolation (exit 1)

One checkov run (`terraform_json` runner, built-in `CKV_ALI_*` checks plus the project's
per-resource checks, no downloads, no network) covers every stack; the project's stack-level
checks (backend, region, cross-resource references, secrets outside resources) then read each
stack's JSON. Findings carry the construct path from the resource's `"//"` metadata (checkov
reports `resource.<logicalId>`; the gate maps it back to `type.logicalId`), the pack's severity
and fix, and the construct-scoped suppressions that apply. A file checkov cannot parse, or a
stack in which no resource was scanned, fails the gate: checkov itself passes such files.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError
from alicloud_ml.naming import is_prod
from alicloud_ml.synthesized import StackFile, discover, manifest_names, read_stack_file
from alicloud_ml.policies import gate_cache
from alicloud_ml.policies.checkov_scan import ensure_checkov, prewarm, run_checkov  # noqa: F401 (prewarm: the gate's API)
from alicloud_ml.policies.gate_cache import StackScan, Verdict
from alicloud_ml.policies.model import FAILED, PASSED, Result, Severity
from alicloud_ml.policies.severities import severity_of
from alicloud_ml.policies.suppressions import Suppression, read_suppressions

STATUSES = ("failed", "expired_suppression", "suppressed", "not_evaluated", "passed")

@dataclass
class GateFinding:
    check_id: str
    severity: Severity
    title: str
    stack: str
    address: str
    construct_path: str
    message: str
    fix: str
    status: str
    suppression_reason: str = ""
    file: str = ""
    line: int = 1
    end_line: int = 1
    field: str = ""
    source: str = "checkov"

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items()}
        out["severity"] = self.severity.value
        return out


@dataclass
class SuppressionUse:
    suppression: Suppression
    stack: str
    status: str = "unused"  # applied | expired | unused
    findings: int = 0


@dataclass
class GateReport:
    path: str
    fail_on: Severity
    findings: list[GateFinding] = field(default_factory=list)
    parse_errors: list[str] = field(default_factory=list)
    stacks: list[str] = field(default_factory=list)
    suppressions: list[SuppressionUse] = field(default_factory=list)
    resources_scanned: int = 0

    @property
    def failed(self) -> list[GateFinding]:
        return [f for f in self.findings if f.status in ("failed", "expired_suppression")]

    @property
    def blocking(self) -> list[GateFinding]:
        """Unsuppressed (or expired-suppression) findings at or above `fail_on`."""
        return [f for f in self.failed if f.severity.at_least(self.fail_on)]

    @property
    def ok(self) -> bool:
        return not self.parse_errors and not self.blocking


def run_gate(path: Path, fail_on: str | Severity = "high", today: _dt.date | None = None) -> GateReport:
    """Gate a `cdktf.out` directory, one `*.tf.json` file, or an HCL root module (a directory of `*.tf`).

    Raises `InputError` for a missing path, or a `#checkov:skip` comment with a short reason or an unknown id.
    """
    from alicloud_ml.policies import hcl

    path = Path(path)
    threshold = Severity.parse_option(fail_on)
    today = today or _dt.date.today()
    if hcl.is_hcl_dir(path):
        return _run_hcl_gate(path, threshold, today)
    loaded = _load_stacks(path)
    report = GateReport(str(path), threshold)
    report.parse_errors.extend(sf.error for sf in loaded if sf.error)
    good = [sf for sf in loaded if sf.stack is not None]
    report.stacks = [sf.stack.name for sf in good if sf.stack]
    verdicts: list[tuple[StackFile, Verdict]] = []
    todo: dict[str, StackFile] = {}
    for sf, entry in _cache_keys(good):
        cached = gate_cache.load(entry)
        if cached is None:
            todo[entry] = sf
            continue
        sf.lines.update(cached.lines)
        report.resources_scanned += cached.scanned
        verdicts.extend((sf, v) for v in cached.verdicts)
    if todo:
        scans, unparsed = _scan(list(todo.values()), report)
        for entry, sf in todo.items():
            scan = scans[sf.path]
            verdicts.extend((sf, v) for v in scan.verdicts)
            if sf.path not in unparsed:
                gate_cache.store(entry, scan)
    _apply(report, verdicts, good, today)
    return report


def _load_stacks(path: Path) -> list[StackFile]:
    """The stack files under `path`, each told which buckets the stacks gated with it keep state in."""
    names = manifest_names(path if path.is_dir() else path.parent)
    loaded = [read_stack_file(f, names) for f in discover(path)]
    stacks = [sf.stack for sf in loaded if sf.stack is not None]
    buckets = frozenset(b for st in stacks if (b := _backend_bucket(st.data)))
    prod_buckets = frozenset(b for st in stacks if is_prod(st.name) and (b := _backend_bucket(st.data)))
    for sf in loaded:
        if sf.stack is not None:
            sf.stack = replace(sf.stack, state_buckets=buckets, prod_state_buckets=prod_buckets)
    return loaded


def _cache_keys(good: list[StackFile]) -> list[tuple[StackFile, str]]:
    out = []
    for sf in good:
        assert sf.stack is not None
        context = {"state_buckets": sorted(sf.stack.state_buckets), "prod_state_buckets": sorted(sf.stack.prod_state_buckets)}
        out.append((sf, gate_cache.key(sf.text, sf.stack.name, context)))
    return out


def answered_from_cache(path: Path) -> bool:
    """True when every stack under `path` (a previous synth's output) has cached verdicts: the next synth of the
    same app will most likely need no checkov, so importing it ahead (`prewarm`) would only compete with synth."""
    try:
        loaded = _load_stacks(Path(path))
    except InputError:
        return False
    return bool(loaded) and all(sf.stack is not None and gate_cache.load(key) is not None
                                for sf, key in _cache_keys(loaded))


def _scan(files: list[StackFile], report: GateReport) -> tuple[dict[Path, StackScan], set[Path]]:
    """Checkov and the stack-level checks on `files`: each file's verdicts, and the files checkov could not parse."""
    scans = {sf.path: StackScan([], sf.lines, 0) for sf in files}
    unparsed = run_checkov(files, report.parse_errors, scans)
    report.resources_scanned += sum(scans[sf.path].scanned for sf in files)
    for sf, check_id, address, result, source in _run_stack_checks(files):
        scans[sf.path].verdicts.append(Verdict.of(check_id, address, result, source))
    return scans, unparsed


def _run_hcl_gate(path: Path, threshold: Severity, today: _dt.date) -> GateReport:
    """The HCL side of `run_gate` (see `alicloud_ml.policies.hcl`)."""
    from alicloud_ml.policies import hcl
    from alicloud_ml.policies.suppressions import META_KEY

    ck = ensure_checkov()
    from checkov.terraform.runner import Runner as TerraformRunner

    root, reports = hcl.run(path, TerraformRunner, ck["RunnerFilter"])
    report = GateReport(str(path), threshold)
    report.parse_errors.extend(f"{p}: checkov could not parse this file, so no check ran on it"
                               for rep in reports for p in rep.parsing_errors)
    stack_level = hcl.comment_suppressions(root)
    assert root.stack is not None
    data = dict(root.stack.data)
    data["//"] = {META_KEY: {"suppressions": [s.to_json() for s in stack_level]}}
    root.stack = replace(root.stack, data=data)
    hcl.link(root)
    stack = root.stack
    report.stacks = [stack.name]
    report.resources_scanned = len(root.resources)
    if not root.resources:
        report.parse_errors.append(f"{path}: zero resources were scanned (no resource blocks, or none checkov "
                                   "could read)")
    sf = StackFile(path, "", stack, lines={a: (h.start, h.end) for a, h in root.resources.items()})
    results = hcl.builtin_results(root, reports) + hcl.project_results(root, ck["checks"])
    verdicts = [(sf, Verdict.of(cid, address, result, "checkov"))
                for cid, address, result in results if result.status in (PASSED, FAILED)]
    for _, cid, address, result, source in _run_stack_checks([sf]):
        why = hcl.unsettled(root, address) if result.status == FAILED else ""
        if why:
            results.append((cid, address, Result("not_evaluated", why)))
        else:
            verdicts.append((sf, Verdict.of(cid, address, result, source)))
    _apply(report, verdicts, [sf], today)
    hcl.speak_hcl(report.findings)  # fixes in Terraform's words, not the constructs'
    for cid, address, result in results:
        if result.status == "not_evaluated":
            from alicloud_ml.policies.registry import by_id

            meta = by_id().get(cid)
            res = stack.get(address)
            report.findings.append(GateFinding(
                cid, severity_of(cid), meta.meta.title if meta else cid, stack.name, address, res.path if res else "",
                result.message, meta.meta.fix if meta else "", "not_evaluated"))
    for f in report.findings:
        f.file, f.line, f.end_line = hcl.locate(root, f.address)
    order = {s: i for i, s in enumerate(STATUSES)}
    report.findings.sort(key=lambda f: (order[f.status], -f.severity.rank, f.stack, f.check_id, f.address))
    return report


def _backend_bucket(data: Any) -> str:
    backend = ((data.get("terraform") or {}).get("backend") or {}) if isinstance(data, dict) else {}
    oss = backend.get("oss") if isinstance(backend, dict) else None
    return str(oss.get("bucket") or "") if isinstance(oss, dict) else ""


def _run_stack_checks(files: list[StackFile]) -> Iterable[tuple[StackFile, str, str, Result, str]]:
    for check in ensure_checkov()["checks"]:
        if check.evaluate_stack is None:
            continue
        for sf in files:
            for found in check.evaluate_stack(sf.stack):
                if found.result.status in (PASSED, FAILED):
                    yield sf, check.meta.id, found.address, found.result, "gate"


def _apply(report: GateReport, verdicts: list[tuple[StackFile, Verdict]], files: list[StackFile],
           today: _dt.date) -> None:
    """Findings from verdicts: suppressions (and their expiry, against `today`) applied, sorted."""
    uses: dict[tuple[str, Suppression], SuppressionUse] = {}
    stack_level: dict[str, list[Suppression]] = {}
    for sf in files:
        assert sf.stack is not None
        top, problems = read_suppressions(sf.stack.data.get("//"), f"{sf.path} (stack {sf.stack.name})")
        stack_level[sf.stack.name] = top
        report.parse_errors.extend(problems)
        for s in top:
            uses.setdefault((sf.stack.name, s), SuppressionUse(s, sf.stack.name))
        for resource in sf.stack.resources:
            found, problems = read_suppressions(resource.meta, resource.path or resource.address)
            report.parse_errors.extend(problems)
            for s in found:
                uses.setdefault((sf.stack.name, s), SuppressionUse(s, sf.stack.name))
    seen: set[tuple[str, str, str, str]] = set()
    for sf, verdict in verdicts:
        stack = sf.stack
        assert stack is not None
        check_id, address = verdict.check_id, verdict.address
        key = (stack.name, check_id, address, verdict.status)
        if key in seen:
            continue
        seen.add(key)
        res = stack.get(address)
        status = "failed" if verdict.status == FAILED else "passed"
        candidates = (read_suppressions(res.meta, res.path)[0] if res else []) + stack_level.get(stack.name, [])
        matching = [s for s in candidates if s.id == check_id]
        reason = ""
        active = [s for s in matching if not s.expired(today)]
        expired = [s for s in matching if s.expired(today)]
        if status == "failed" and active:
            status, reason = "suppressed", active[0].reason
            _use(uses, stack.name, active[0], "applied")
        elif expired:
            status = "expired_suppression"
            reason = f"expired {expired[0].expires}: {expired[0].reason}"
            _use(uses, stack.name, expired[0], "expired")
        message = verdict.message if verdict.status == FAILED else (
            f"{address}: suppression expired on {expired[0].expires}; remove or renew it" if expired else "")
        start, end = sf.line_of(address)
        report.findings.append(GateFinding(
            check_id, severity_of(check_id), verdict.title, stack.name, address, res.path if res else "",
            message, verdict.fix, status, reason, str(sf.path), start, end, verdict.field, verdict.source))
    for use in uses.values():
        if use.suppression.expired(today):
            use.status = "expired"
    report.suppressions = sorted(uses.values(), key=lambda u: (u.stack, u.suppression.scope, u.suppression.id))
    order = {s: i for i, s in enumerate(STATUSES)}
    report.findings.sort(key=lambda f: (order[f.status], -f.severity.rank, f.stack, f.check_id, f.address))


def _use(uses: dict[tuple[str, Suppression], SuppressionUse], stack: str, s: Suppression, status: str) -> None:
    use = uses.setdefault((stack, s), SuppressionUse(s, stack))
    use.status, use.findings = status, use.findings + 1
