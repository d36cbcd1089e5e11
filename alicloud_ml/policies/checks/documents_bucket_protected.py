"""ALIML_023: a bucket whose events feed a function (the RAG documents bucket) is encrypted and versioned.

Stack-level. The bucket is the one named in an `alicloud_fcv3_trigger`'s OSS `source_arn`
(`acs:oss:<region>:<account>:<bucket>`), literally or by a reference to the bucket resource. PASS: encryption, by an `alicloud_oss_bucket_server_side_encryption`
naming it or the bucket's (deprecated) inline `server_side_encryption_rule`, and versioning `Enabled`, by an
`alicloud_oss_bucket_versioning` or the inline `versioning` block.  FAIL: either is missing.
"""

from __future__ import annotations

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Stack, references
from alicloud_ml.policies.values import first_block

CHECK = PolicyCheck(
    id="ALIML_023",
    severity=Severity.MEDIUM,
    title="Ensure the documents bucket of an OSS-triggered function is encrypted and versioned",
    why="The documents bucket holds the source text of every answer; without versioning an overwrite or delete "
        "cannot be undone, and without server-side encryption the documents sit in plain text.",
    fix="Use DocumentIngestion's bucket (KMS encryption and versioning on), add both to your bucket, or suppress with a reason.",
    resource_types=("alicloud_oss_bucket",),
    stack_level=True,
)


def _named(stack: Stack, tf_type: str, bucket: object) -> list:
    """Resources of `tf_type` whose `bucket` is the bucket (by reference or by name)."""
    out = []
    for item in stack.of_type(tf_type):
        target = stack.resolve(item.attrs.get("bucket"))
        if item.attrs.get("bucket") == bucket or (target is not None and target.attrs.get("bucket") == bucket):
            out.append(item)
    return out


def _fed_buckets(stack: Stack) -> set[object]:
    """Names of the buckets OSS triggers listen to (the ARN's last part, or the bucket it references)."""
    fed: set[object] = set()
    for trigger in stack.of_type("alicloud_fcv3_trigger"):
        if trigger.attrs.get("trigger_type") != "oss":
            continue
        arn = str(trigger.attrs.get("source_arn", ""))
        fed.add(arn.rsplit(":", 1)[-1])
        fed.update(target.attrs.get("bucket") for address, _ in references(arn)
                   if (target := stack.get(address)) is not None and target.type == "alicloud_oss_bucket")
    return fed


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    fed = _fed_buckets(stack)
    findings = []
    for bucket in stack.of_type("alicloud_oss_bucket"):
        name = bucket.attrs.get("bucket")
        if name not in fed:
            continue
        inline_sse = first_block(bucket.attrs, "server_side_encryption_rule").get("sse_algorithm")
        inline_versioning = first_block(bucket.attrs, "versioning").get("status") == "Enabled"
        if not inline_sse and not _named(stack, "alicloud_oss_bucket_server_side_encryption", name):
            result = Result.failed("documents bucket has no server-side encryption", field="server_side_encryption")
        elif not inline_versioning and not any(v.attrs.get("status") == "Enabled"
                                               for v in _named(stack, "alicloud_oss_bucket_versioning", name)):
            result = Result.failed("documents bucket is not versioned", field="versioning")
        else:
            result = Result.passed()
        findings.append(StackFinding(bucket.address, result, bucket.path))
    return findings
