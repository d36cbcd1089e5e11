"""ALIML_014: RAM policies never allow `*` actions on `*` resources.

PASS: no `Allow` statement whose Action includes `*` (or `*:*`) and whose Resource includes `*`.
FAIL: such a statement in `policy_document` (or the deprecated `document` / `statement` blocks), or a
policy document that is not literal JSON (the gate cannot see what it grants).
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.values import blocks, json_string, str_list

CHECK = PolicyCheck(
    id="ALIML_014",
    severity=Severity.HIGH,
    title="Ensure RAM policies do not allow all actions on all resources",
    why="A workload role with Action * on Resource * is an account administrator: one compromised training "
        "pod can delete the cluster, the state bucket and every checkpoint.",
    fix="List the actions and resource ARNs the workload needs in WorkloadRolesProps statements.",
    resource_types=("alicloud_ram_policy",),
)


def _admin(statement: dict) -> bool:
    effect = str(statement.get("Effect", statement.get("effect", "Allow"))).lower()
    actions = str_list(statement.get("Action", statement.get("action")))
    resources = str_list(statement.get("Resource", statement.get("resource")))
    return effect == "allow" and any(a in ("*", "*:*") for a in actions) and "*" in resources


def evaluate(resource: Resource) -> Result:
    attrs = resource.attrs
    key = "policy_document" if attrs.get("policy_document") else "document" if attrs.get("document") else ""
    statements: list = []
    if key:
        doc, problem = json_string(attrs.get(key))
        if problem:
            return Result.failed(f"RAM policy {key} {problem}", field=key)
        raw = doc.get("Statement", []) if isinstance(doc, dict) else []
        statements = raw if isinstance(raw, list) else [raw]
    else:
        key = "statement"
        statements = blocks(attrs, "statement")
    if any(_admin(s) for s in statements if isinstance(s, dict)):
        return Result.failed("RAM policy allows Action * on Resource *", field=key)
    return Result.passed()


check = checkov_check(CHECK, evaluate)
