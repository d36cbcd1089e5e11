"""Machine-readable review output: a stable JSON document (`schema_version` 1) and SARIF 2.1.0.

JSON is for bots and dashboards (documented in the README, "Reviewing a pull request"; fields are
only ever added within a schema version). SARIF puts destructive changes and new policy findings in GitHub code scanning.
"""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.review.compose import Review
from alicloud_ml.review.cost_report import price_basis
from alicloud_ml.review.model import STATEFUL_IMPACT, Action, ResourceChange

SCHEMA_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render_json(review: Review) -> str:
    counts = review.counts()
    doc = {
        "schema_version": SCHEMA_VERSION,
        "kind": "alicloud-ml review",
        "source": review.source,
        "summary": {**{k: counts[k] for k in ("create", "update", "replace", "delete")},
                    "destructive": len(review.destructive())},
        "estimate": True,
        **price_basis(review.provenance, review.spot_discount),
        "cost": {"before": review.before.to_json(), "after": review.after.to_json(),
                 "delta": (review.after - review.before).to_json()},
        "destructive": [_destructive(rc) for rc in review.destructive()],
        "stacks": [{
            "name": s.name, "region": s.changes.region, "counts": s.changes.counts(),
            "cost": {"before": s.before.to_json(), "after": s.after.to_json(), "delta": (s.after - s.before).to_json()},
            "changes": [_change(rc, s.cost_of(rc)) for rc in s.changes.changed()],
        } for s in review.stacks],
        "policy": review.policy.to_json(),
        "resources": {**review.resource_counts(),
                      "unpriced": [{"stack": stack, "address": c.address, "type": c.type, "reason": c.reason}
                                   for stack, c in review.unpriced()]},
        "notes": review.notes,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _destructive(rc: ResourceChange) -> dict[str, Any]:
    return {"stack": rc.stack, "address": rc.address, "construct_path": rc.construct_path, "action": rc.action.value,
            "impact": STATEFUL_IMPACT[rc.type], "reasons": rc.reasons}


def _change(rc: ResourceChange, cost: Any) -> dict[str, Any]:
    return {
        "address": rc.address, "type": rc.type, "name": rc.name, "construct_path": rc.construct_path,
        "action": rc.action.value, "stateful": rc.stateful, "destructive": rc.destructive, "reasons": rc.reasons,
        "hints": rc.hints, "moved_from": rc.moved_from, "attributes": [a.to_json() for a in rc.attributes],
        "cost": {"before": cost.before.to_json() if cost.before else None,
                 "after": cost.after.to_json() if cost.after else None,
                 "delta": cost.delta.to_json() if cost.priced else None},
    }


_RULES = {
    "ALIML_REVIEW_DESTROY": ("Stateful resource replaced or destroyed", "error",
                             "Replacing or destroying storage, clusters or node pools loses data or drains workloads."),
    "ALIML_REVIEW_REPLACE": ("Resource replaced", "note",
                             "A force-new attribute changed, so Terraform destroys and recreates the resource."),
}


def render_sarif(review: Review, stack_files: dict[str, str] | None = None) -> str:
    """Destructive changes, replacements and new policy findings as SARIF results, one run."""
    stack_files = stack_files or {}
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []

    def rule(rule_id: str, title: str, level: str, help_text: str) -> None:
        rules.setdefault(rule_id, {"id": rule_id, "shortDescription": {"text": title},
                                   "fullDescription": {"text": help_text},
                                   "defaultConfiguration": {"level": level}})

    for s in review.stacks:
        for rc in s.changes.changed():
            if rc.action not in (Action.REPLACE, Action.DELETE):
                continue
            rule_id = "ALIML_REVIEW_DESTROY" if rc.destructive else "ALIML_REVIEW_REPLACE"
            if not rc.destructive and rc.action is Action.DELETE:
                continue
            rule(rule_id, *_RULES[rule_id])
            impact = f": {STATEFUL_IMPACT[rc.type]}" if rc.destructive else ""
            results.append(_result(rule_id, _RULES[rule_id][1], f"{rc.address} will be {rc.action.value}d{impact}"
                                   + (f" ({'; '.join(rc.reasons)})" if rc.reasons else ""),
                                   stack_files.get(s.name, f"cdktf.out/stacks/{s.name}/cdk.tf.json"), rc.construct_path
                                   or rc.address))
    for item in (i for i in review.policy.new if i.raw is None):
        level = "error" if item.severity in ("high", "critical") else "warning"
        rule(item.check_id, item.title or item.check_id, level, item.title or item.check_id)
        results.append(_result(item.check_id, level, f"{item.address}: {item.message}",
                               stack_files.get(item.stack, f"cdktf.out/stacks/{item.stack}/cdk.tf.json"),
                               item.construct_path or item.address))
    runs = [{"tool": {"driver": {"name": "alicloud-ml review", "rules": [rules[k] for k in sorted(rules)]}},
             "results": results}]
    gate_run = _gate_run(review)
    if gate_run is not None:
        runs.append(gate_run)
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": runs}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _gate_run(review: Review) -> dict[str, Any] | None:
    """New policy findings through the gate's own SARIF writer, so rules and fingerprints match `check`."""
    raw = [i.raw for i in review.policy.new if i.raw is not None]
    if not raw:
        return None
    from alicloud_ml.policies.formats import render_sarif
    from alicloud_ml.policies.gate import GateReport
    from alicloud_ml.policies.model import Severity

    return json.loads(render_sarif(GateReport(path="head", fail_on=Severity.LOW, findings=raw)))["runs"][0]


def _result(rule_id: str, level: str, message: str, uri: str, logical: str) -> dict[str, Any]:
    return {"ruleId": rule_id, "level": level, "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}},
                           "logicalLocations": [{"fullyQualifiedName": logical}]}]}
