"""Pass rates and the failure work list, as a table for people and JSON for machines.

The goal's denominator leaves out examples that need a provider that is not mirrored: the emulator
cannot be judged on them until that provider is installed (see the README's Fidelity section).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

from alicloud_ml.fidelity.classify import CLASSES, NEEDS_PROVIDER, UNSERVED, Outcome

_DATA = re.compile(r"\bdata\.(alicloud_\w+)")


def summary(outcomes: Iterable[Outcome], ml: Iterable[str] = ()) -> dict[str, Any]:
    """Counts, the pass rate over the examples the emulator can be judged on, failures per class and service."""
    outcomes = list(outcomes)
    ml = set(ml)
    excluded = [o for o in outcomes if o.klass == NEEDS_PROVIDER]
    judged = [o for o in outcomes if o.klass != NEEDS_PROVIDER]
    passed = sum(o.passed for o in judged)
    seeded = sum(o.passed and o.seeded for o in judged)  # passed only in a cloud seeded with pre-existing objects
    by_class = Counter(o.klass for o in judged if not o.passed)
    services: dict[str, dict[str, int]] = {}
    for o in judged:
        entry = services.setdefault(o.subcategory or "-", {"total": 0, "passed": 0})
        entry["total"] += 1
        entry["passed"] += o.passed
    ml_judged = [o for o in judged if o.id in ml]
    return {
        "total": len(outcomes),
        "judged": len(judged),
        "passed": passed,
        "pass_rate": round(passed / len(judged), 4) if judged else None,
        "passed_with_seeded_prerequisites": seeded,
        "pass_rate_empty_account": round((passed - seeded) / len(judged), 4) if judged else None,
        "needs_another_provider": len(excluded),
        "ml": {"judged": len(ml_judged), "passed": sum(o.passed for o in ml_judged)},
        "failures_by_class": {c: by_class[c] for c in CLASSES if c != NEEDS_PROVIDER and by_class[c]},
        "unserved_data_sources": dict(Counter(
            d for o in judged if o.klass == UNSERVED
            for d in sorted(set(_DATA.findall(" ".join([o.message, *o.details]))))).most_common()),
        "by_subcategory": dict(sorted(services.items())),
        "seconds": round(sum(o.seconds for o in outcomes), 1),
        "results": [o.to_json() for o in outcomes],
    }


def _rate(passed: int, total: int) -> str:
    return f"{passed}/{total} = {100 * passed / total:.1f}%" if total else "0/0"


def table(title: str, data: dict[str, Any], failures: bool = True, width: int = 200) -> str:
    """A plain-text report: the pass rate, failures per class, then each failure with its first diagnostic."""
    lines = [title, f"  pass rate: {_rate(data['passed'], data['judged'])}"]
    if data["needs_another_provider"]:
        lines[-1] += f"   ({data['needs_another_provider']} more need another provider, not counted)"
    seeded = data.get("passed_with_seeded_prerequisites", 0)
    if seeded:
        lines.append(f"  of which {seeded} passed with seeded prerequisites; in an empty account: "
                     f"{_rate(data['passed'] - seeded, data['judged'])}")
    if data["ml"]["judged"]:
        lines.append(f"  ML platform types: {_rate(data['ml']['passed'], data['ml']['judged'])}")
    for klass in CLASSES:
        count = data["failures_by_class"].get(klass) if klass != NEEDS_PROVIDER else data["needs_another_provider"]
        if count:
            lines.append(f"  {klass:<28} {count:>5}")
    if data["unserved_data_sources"]:
        lines.append("  data sources behind those unserved: " + ", ".join(
            f"{name} ({count})" for name, count in data["unserved_data_sources"].items()))
    if failures:
        results = [r for r in data["results"] if not r["passed"]]
        for klass in CLASSES:
            members = sorted((r for r in results if r["class"] == klass), key=lambda r: r["id"])
            if not members or klass == NEEDS_PROVIDER:
                continue
            lines.append(f"\n  {klass} ({len(members)}):")
            for r in members:
                line = f"    {r['id']:<48} {r['step']:<8} {r['message']}"
                lines.append(line if len(line) <= width else line[:width - 3] + "...")
        needs = sorted(r["id"] for r in results if r["class"] == NEEDS_PROVIDER)
        if needs:
            lines.append(f"\n  {NEEDS_PROVIDER} ({len(needs)}): " + ", ".join(needs))
    return "\n".join(lines)
