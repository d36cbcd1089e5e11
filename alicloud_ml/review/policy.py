"""Policy delta for a review: findings new in head, resolved in head, and suppressions added.

A reviewer cares what this change does to the policy picture, not the whole list, so the gate
runs on both synths and the findings are matched by check, stack and resource.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


@dataclass(frozen=True)
class PolicyItem:
    check_id: str
    severity: str
    title: str
    stack: str
    address: str
    construct_path: str
    message: str
    status: str                    # failed | suppressed | expired_suppression
    suppression_reason: str = ""
    raw: Any = field(default=None, compare=False, repr=False)  # the gate's own finding, for its SARIF writer

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.check_id, self.stack, self.address)

    def sort_key(self) -> tuple[int, str, str, str]:
        return (_SEVERITY_ORDER.get(self.severity, 9), self.check_id, self.stack, self.address)

    def to_json(self) -> dict[str, Any]:
        return {"check_id": self.check_id, "severity": self.severity, "title": self.title, "stack": self.stack,
                "address": self.address, "construct_path": self.construct_path, "message": self.message,
                "status": self.status, "suppression_reason": self.suppression_reason or None}


@dataclass
class PolicyDelta:
    ran: bool
    note: str = ""                 # why it did not run
    new: list[PolicyItem] = field(default_factory=list)
    resolved: list[PolicyItem] = field(default_factory=list)
    suppressions_added: list[PolicyItem] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # synth files the gate could not parse

    def to_json(self) -> dict[str, Any]:
        return {"ran": self.ran, "note": self.note or None, "new": [i.to_json() for i in self.new],
                "resolved": [i.to_json() for i in self.resolved],
                "suppressions_added": [i.to_json() for i in self.suppressions_added], "errors": self.errors}


def not_run(note: str) -> PolicyDelta:
    return PolicyDelta(ran=False, note=note)


def gate_findings(path: Path) -> tuple[list[PolicyItem], list[str]]:
    """Every finding the gate reports on a synth (failed, suppressed or expired), and its parse errors."""
    from alicloud_ml.policies.gate import run_gate

    report = run_gate(path, fail_on="critical")
    items = [_item(f) for f in getattr(report, "findings", []) if getattr(f, "status", "") != "passed"]
    return items, [f"{path}: {e}" for e in getattr(report, "parse_errors", [])]


def _item(f: Any) -> PolicyItem:
    severity = getattr(f, "severity", "")
    return PolicyItem(
        check_id=str(getattr(f, "check_id", "")), severity=str(getattr(severity, "value", severity)).lower(),
        title=str(getattr(f, "title", "")), stack=str(getattr(f, "stack", "")), address=str(getattr(f, "address", "")),
        construct_path=str(getattr(f, "construct_path", "") or ""), message=str(getattr(f, "message", "") or ""),
        status=str(getattr(f, "status", "failed")), suppression_reason=str(getattr(f, "suppression_reason", "") or ""),
        raw=f)


def delta(base: list[PolicyItem], head: list[PolicyItem]) -> PolicyDelta:
    """Match findings by (check, stack, resource); an expired suppression counts as failing."""
    failing = ("failed", "expired_suppression")
    base_failing = {i.key: i for i in base if i.status in failing}
    head_failing = {i.key: i for i in head if i.status in failing}
    base_suppressed = {i.key for i in base if i.status == "suppressed"}
    out = PolicyDelta(ran=True)
    out.new = sorted((i for k, i in head_failing.items() if k not in base_failing), key=PolicyItem.sort_key)
    out.resolved = sorted((i for k, i in base_failing.items() if k not in head_failing), key=PolicyItem.sort_key)
    out.suppressions_added = sorted((i for i in head if i.status == "suppressed" and i.key not in base_suppressed),
                                    key=PolicyItem.sort_key)
    # a finding that is now suppressed is listed as a suppression, not as resolved
    suppressed_now = {i.key for i in out.suppressions_added}
    out.resolved = [i for i in out.resolved if i.key not in suppressed_now]
    return out


def policy_delta(base: Path | None, head: Path) -> PolicyDelta:
    """Run the gate on both synths; `base` None (plan mode) compares against no findings."""
    base_items, base_errors = gate_findings(base) if base is not None else ([], [])
    head_items, head_errors = gate_findings(head)
    out = delta(base_items, head_items)
    out.errors = base_errors + head_errors
    return out
