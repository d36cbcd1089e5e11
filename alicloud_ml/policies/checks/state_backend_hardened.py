"""ALIML_015: the state backend is OSS, encrypted and locked, and its bucket is hardened.

Stack-level. PASS: `terraform.backend.oss` with `encrypt = true`, a `tablestore_table` (and
`tablestore_endpoint`), an `acl` that is private or unset; and, when a state bucket is created in
the JSON (an `alicloud_oss_bucket` whose `bucket` is named by this stack's backend or by the OSS
backend of any stack gated with it), versioning Enabled (inline or `alicloud_oss_bucket_versioning`),
server-side encryption (inline or `alicloud_oss_bucket_server_side_encryption`), no public ACL and
no public-access block turned off.
The bootstrap stack that creates the state bucket keeps its own state local: a local backend
passes in a stack that creates a bucket another stack's OSS backend uses.
FAIL: a local (or missing) backend elsewhere, or any of the above missing.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.values import as_bool, first_block

CHECK = PolicyCheck(
    id="ALIML_015",
    severity=Severity.HIGH,
    title="Ensure the state backend is OSS with encryption, a Tablestore lock and a hardened bucket",
    why="State holds every resource id and output; without a lock two applies corrupt it, without versioning "
        "a bad apply cannot be rolled back, and encrypt defaults to false.",
    fix="Use the StateBackend construct (StateBackendProps.bucket, lock_table): encrypt = true, acl private, "
        "tablestore_table, versioned and encrypted bucket.",
    resource_types=("alicloud_oss_bucket",),
    stack_level=True,
    fix_hcl='Use backend "oss" with encrypt = true, acl = "private" and tablestore_endpoint + tablestore_table (the '
            "lock), on a bucket with versioning and server-side encryption.",
)

ADDRESS = "terraform.backend"


def _refers(value: Any, bucket: Resource) -> bool:
    return isinstance(value, str) and (value.startswith(bucket.ref_prefix) or value == bucket.attrs.get("bucket"))


def bucket_problems(bucket: Resource, stack: Stack) -> list[str]:
    attrs = bucket.attrs
    related = [r for r in stack.resources if r.type.startswith("alicloud_oss_bucket_") and _refers(r.attrs.get("bucket"), bucket)]
    problems = []
    versioned = str(first_block(attrs, "versioning").get("status", "")).lower() == "enabled" or any(
        r.type == "alicloud_oss_bucket_versioning" and str(r.attrs.get("status", "")).lower() == "enabled" for r in related)
    if not versioned:
        problems.append("state bucket versioning is not Enabled")
    encrypted = bool(first_block(attrs, "server_side_encryption_rule").get("sse_algorithm")) or any(
        r.type == "alicloud_oss_bucket_server_side_encryption" for r in related)
    if not encrypted:
        problems.append("state bucket has no server-side encryption")
    acls = [attrs.get("acl")] + [r.attrs.get("acl") for r in related if r.type == "alicloud_oss_bucket_acl"]
    if any(a and a != "private" for a in acls):
        problems.append("state bucket ACL is public")
    if any(r.type == "alicloud_oss_bucket_public_access_block" and as_bool(r.attrs.get("block_public_access")) is False
           for r in related):
        problems.append("state bucket public access block is off")
    return problems


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    backend = (stack.data.get("terraform") or {}).get("backend") or {}
    kind = next(iter(backend), None)
    conf = (backend.get("oss") or {}) if kind == "oss" else {}
    names = set(stack.state_buckets) | ({conf["bucket"]} if conf.get("bucket") else set())
    findings = []
    for bucket in stack.of_type("alicloud_oss_bucket"):
        if bucket.attrs.get("bucket") in names:
            found = bucket_problems(bucket, stack)
            findings.append(StackFinding(bucket.address, Result.failed("; ".join(found), field="bucket")
                                         if found else Result.passed(), bucket.path))
    if kind != "oss":
        if findings:  # the bootstrap stack creating the state bucket keeps its own state local
            return [StackFinding(ADDRESS, Result.passed("bootstrap stack: creates the state bucket")), *findings]
        return [StackFinding(ADDRESS, Result.failed(
            f"state backend is {kind or 'missing (local state)'}; accepted: oss", field="terraform.backend")), *findings]
    problems = []
    if as_bool(conf.get("encrypt")) is not True:
        problems.append("backend encrypt is not true (default false)")
    if not conf.get("tablestore_table"):
        problems.append("backend sets no tablestore_table (no state lock)")
    elif not conf.get("tablestore_endpoint"):
        problems.append("backend sets tablestore_table without tablestore_endpoint")
    if conf.get("acl") not in (None, "", "private"):
        problems.append(f"backend acl is {conf.get('acl')}; accepted: private")
    result = Result.failed("; ".join(problems), field="terraform.backend.oss") if problems else Result.passed()
    return [StackFinding(ADDRESS, result), *findings]
