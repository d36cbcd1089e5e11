"""Built-in checks that read only inline blocks, corrected by the standalone resources that replace them.

Provider 1.220+ moved bucket versioning and encryption to `alicloud_oss_bucket_versioning` and
`alicloud_oss_bucket_server_side_encryption`; checkov's CKV_ALI_10 and CKV_ALI_6 still read the
deprecated inline blocks and fail a bucket hardened the current way. The gate turns such a
failure into a pass when a standalone resource in the same stack provides the setting.
"""

from __future__ import annotations

from alicloud_ml.policies.model import FAILED, Result
from alicloud_ml.synthesized import Resource, Stack


def _related(stack: Stack, bucket: Resource, rtype: str) -> list[Resource]:
    name = bucket.attrs.get("bucket")
    return [r for r in stack.of_type(rtype)
            if str(r.attrs.get("bucket", "")).startswith(bucket.ref_prefix) or (name and r.attrs.get("bucket") == name)]


def reconcile(stack: Stack, check_id: str, address: str, result: Result) -> Result:
    if result.status != FAILED or not address.startswith("alicloud_oss_bucket."):
        return result
    bucket = stack.get(address)
    if bucket is None:
        return result
    if check_id == "CKV_ALI_10":
        for r in _related(stack, bucket, "alicloud_oss_bucket_versioning"):
            if str(r.attrs.get("status", "")).lower() == "enabled":
                return Result.passed(f"versioning enabled by {r.address}")
    if check_id == "CKV_ALI_6":
        for r in _related(stack, bucket, "alicloud_oss_bucket_server_side_encryption"):
            if r.attrs.get("sse_algorithm") == "KMS" and r.attrs.get("kms_master_key_id"):
                return Result.passed(f"encrypted with a CMK by {r.address}")
    return result
