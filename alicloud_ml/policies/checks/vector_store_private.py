"""ALIML_020: an AnalyticDB (vector store) instance is reachable only from inside: no `0.0.0.0/0` in its IP
whitelist and no public connection.

Stack-level. PASS: every whitelist entry (`ip_whitelist[].security_ip_list`, or the deprecated
`security_ip_list`) is a private range and no `alicloud_gpdb_connection` (the public endpoint,
provider docs r/gpdb_connection) names the instance.  FAIL: a world-open entry, or a public connection.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Stack
from alicloud_ml.policies.values import blocks, str_list

WORLD = ("0.0.0.0/0", "0.0.0.0")

CHECK = PolicyCheck(
    id="ALIML_020",
    severity=Severity.HIGH,
    title="Ensure the AnalyticDB vector store has no public connection and no 0.0.0.0/0 whitelist",
    why="The vector store holds every document the RAG tier has read; a public connection or a world-open whitelist "
        "puts it one guessed password away from a data leak.",
    fix="Keep VectorStoreProps' defaults (whitelist = the VPC's vSwitch CIDRs, no alicloud_gpdb_connection); reach "
        "the store from the VPC, or suppress with a reason.",
    resource_types=("alicloud_gpdb_instance",),
    stack_level=True,
)


def _whitelist(attrs: Mapping[str, Any]) -> list[str]:
    entries = [e for group in blocks(attrs, "ip_whitelist") for e in str(group.get("security_ip_list") or "").split(",")]
    return [e.strip() for e in entries + str_list(attrs.get("security_ip_list")) if e.strip()]


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    public = {str(c.attrs.get("instance_id")) for c in stack.of_type("alicloud_gpdb_connection")}
    findings = []
    for db in stack.of_type("alicloud_gpdb_instance"):
        open_entries = [e for e in _whitelist(db.attrs) if e in WORLD]
        if open_entries:
            result = Result.failed("vector store whitelist admits 0.0.0.0/0", field="ip_whitelist")
        elif any(f"{db.address}." in ref for ref in public):
            result = Result.failed("vector store has a public connection (alicloud_gpdb_connection)",
                                   field="connection")
        else:
            result = Result.passed()
        findings.append(StackFinding(db.address, result, db.path))
    return findings
