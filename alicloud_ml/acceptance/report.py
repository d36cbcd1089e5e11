"""Pass rates per service and per step kind, failure classes and their top causes, as data and as a table.

Counted: every extracted test except those the replay cannot judge (not evaluable, needing a provider that is
not mirrored, skipped by the provider team itself). A test's steps are its config and import steps; a step
after a failure was never shown to pass, so it counts as not passed ("not reached"). The destroy at the end
is reported as its own kind. The ML platform's services have their own figures (`suite.ML_SUBCATEGORIES`).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from alicloud_ml import schema
from alicloud_ml.acceptance import classify, suite
from alicloud_ml.acceptance.runner import TestResult
from alicloud_ml.acceptance.suite import AccTest

#: TestAcc functions in alicloud/resource_alicloud_*_test.go at v1.289.0 as the issue counts them
#: (`git grep -c 'func TestAcc'`: 3,347, two of them commented out).
UPSTREAM_FUNCTIONS = 3347
SKIPPED = "skipped upstream"
_NOISE = [(re.compile(r"module\.t\d{3}\."), ""), (re.compile(r"\b[a-z]+-[a-z0-9]{12,}\b"), "<id>"),
          (re.compile(r"\b\d{3,}\b"), "<n>"), (re.compile(r"(expected|got|value) ('[^']*'|\"[^\"]*\")"), r"\1 …"),
          (re.compile(r"\(module\.[^)]*\)|\([a-z_]+\.[a-z_0-9]+\)"), "")]


def _rate(passed: int, total: int) -> float | None:
    return round(passed / total, 4) if total else None


def cause(result: TestResult) -> str:
    """A failure's message without ids, numbers and quoted values, so equal causes group together."""
    text = result.message.split(": ", 1)[-1] if result.message.startswith("step ") else result.message
    for pattern, repl in _NOISE:
        text = pattern.sub(repl, text)
    return text[:160]


def summary(tests: list[AccTest], results: dict[str, TestResult]) -> dict[str, Any]:
    """The figures of `tests` (a selection); extraction figures are always those of the whole archive."""
    everything = suite.load()
    by_status = Counter(t.status for t in everything)
    judged = [t for t in tests if t.status == "replayable" and results.get(t.id) is not None
              and results[t.id].klass not in classify.NOT_JUDGED]
    services: dict[str, dict[str, Any]] = {}
    kinds: dict[str, list[int]] = {}
    totals = {"all": [0, 0, 0, 0], "ml": [0, 0, 0, 0]}  # tests, passed, steps, steps passed
    for test in judged:
        result = results[test.id]
        steps = len(test.record.get("steps", []))
        passed_steps = sum(1 for s in result.steps if s.passed and s.index >= 0)
        entry = services.setdefault(test.subcategory, {"ml": test.ml, "tests": 0, "passed": 0, "steps": 0,
                                                       "steps_passed": 0})
        for bucket in (entry, totals["all"], totals["ml"] if test.ml else None):
            if bucket is None:
                continue
            if isinstance(bucket, dict):
                bucket["tests"] += 1
                bucket["passed"] += result.passed
                bucket["steps"] += steps
                bucket["steps_passed"] += passed_steps
            else:
                bucket[0] += 1
                bucket[1] += result.passed
                bucket[2] += steps
                bucket[3] += passed_steps
        for step in result.steps:
            kinds.setdefault(step.kind, [0, 0])
            kinds[step.kind][0] += 1
            kinds[step.kind][1] += step.passed
        reached = sum(1 for s in result.steps if s.index >= 0)
        if steps > reached:
            kinds.setdefault("not reached", [0, 0])[0] += steps - reached
    failures = [(t, results[t.id]) for t in judged if not results[t.id].passed]
    klass = {t.id: classify.refine(r.klass or classify.OTHER, r.message, t) for t, r in failures}
    by_class = Counter(klass[t.id] for t, _ in failures)
    causes = Counter((klass[t.id], cause(r)) for t, r in failures)
    not_judged = Counter(results[t.id].klass for t in tests if t.id in results and t not in judged)
    return {
        "provider_version": schema.provider_version(),
        "extraction": {"upstream_functions": UPSTREAM_FUNCTIONS, "functions": len(tests),
                       "replayable": by_status["replayable"], "skipped_upstream": by_status["skip"],
                       "not_evaluable": by_status["error"],
                       "rate": _rate(by_status["replayable"], UPSTREAM_FUNCTIONS),
                       "evaluated_rate": _rate(by_status["replayable"] + by_status["skip"], UPSTREAM_FUNCTIONS),
                       "steps": sum(len(t.record.get("steps", [])) for t in everything if t.status == "replayable")},
        "selected": len(tests),
        "not_judged": dict(not_judged),
        "tests": {"judged": totals["all"][0], "passed": totals["all"][1],
                  "rate": _rate(totals["all"][1], totals["all"][0])},
        "steps": {"total": totals["all"][2], "passed": totals["all"][3], "rate": _rate(totals["all"][3],
                                                                                      totals["all"][2])},
        "ml": {"tests": totals["ml"][0], "passed": totals["ml"][1], "rate": _rate(totals["ml"][1], totals["ml"][0]),
               "steps": totals["ml"][2], "steps_passed": totals["ml"][3],
               "steps_rate": _rate(totals["ml"][3], totals["ml"][2])},
        "by_kind": {k: {"total": v[0], "passed": v[1], "rate": _rate(v[1], v[0])} for k, v in sorted(kinds.items())},
        "by_service": {k: {**v, "steps_rate": _rate(v["steps_passed"], v["steps"])}
                       for k, v in sorted(services.items())},
        "failures_by_class": {c: by_class[c] for c in classify.CLASSES if by_class[c]},
        "top_causes": [{"class": k, "cause": c, "tests": n} for (k, c), n in causes.most_common(40)],
        "failures": sorted([t.id, klass[t.id], r.message[:300]] for t, r in failures),
    }


def stamp(data: dict[str, Any], emulator: str, services: str, seconds: float | None = None,
          current: bool = True, when: dt.date | None = None) -> dict[str, Any]:
    """Date (`when` the results were replayed, else today), commit, emulator hash and the services selected, so
    committed results say what they measured; the commit only when the results are the checkout's own
    (`current`: cached for this code's emulator hash)."""
    commit = None
    if current:
        try:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                    check=False, cwd=Path(__file__).parent).stdout.strip() or None
        except OSError:
            commit = None
    head: dict[str, Any] = {"date": (when or dt.date.today()).isoformat(), "commit": commit, "emulator_hash": emulator,
                            "services": services or "all"}
    if seconds is not None:
        head["wall_seconds"] = round(seconds)
    return {**head, **data}


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{100 * rate:.1f}%"


def table(data: dict[str, Any], failures: int = 25) -> str:
    ex = data["extraction"]
    lines = [f"Acceptance tests of aliyun/alicloud {data['provider_version']}: "
             f"{ex['replayable']} replayable + {ex['skipped_upstream']} skipped upstream of "
             f"{ex['upstream_functions']} TestAcc functions ({_pct(ex['rate'])} replayable), "
             f"{ex['not_evaluable']} not evaluable",
             f"  tests passed:  {data['tests']['passed']}/{data['tests']['judged']} = {_pct(data['tests']['rate'])}"
             f"   steps passed: {data['steps']['passed']}/{data['steps']['total']} = {_pct(data['steps']['rate'])}",
             f"  ML services:   {data['ml']['passed']}/{data['ml']['tests']} tests = {_pct(data['ml']['rate'])}"
             f"   steps: {data['ml']['steps_passed']}/{data['ml']['steps']} = {_pct(data['ml']['steps_rate'])}",
             "  by step kind:  " + ", ".join(f"{k} {v['passed']}/{v['total']}" for k, v in data["by_kind"].items()),
             "", f"  {'service':<52} {'tests':>11} {'steps':>13}"]
    for name, s in sorted(data["by_service"].items(), key=lambda kv: (not kv[1]["ml"], kv[0])):
        mark = "*" if s["ml"] else " "
        lines.append(f" {mark}{name[:52]:<52} {s['passed']:>4}/{s['tests']:<4} {_pct(s['passed'] / s['tests']):>6}"
                     f" {_pct(s['steps_rate']):>7}")
    lines.append("")
    lines.append("  failures by class: " + ", ".join(f"{k} {v}" for k, v in data["failures_by_class"].items()))
    if data["not_judged"]:
        lines.append("  not judged: " + ", ".join(f"{k} {v}" for k, v in data["not_judged"].items()))
    if failures:
        lines.append("\n  top causes:")
        for entry in data["top_causes"][:failures]:
            lines.append(f"    {entry['tests']:>4}  {entry['class']:<38} {entry['cause'][:120]}")
    return "\n".join(lines)
