"""Private OSS buckets the way this toolkit makes them, and the platform's model bucket (`ModelBucket`).

Every bucket is private, versioned, encrypted and closed to public access, each setting as its own
resource (`alicloud_oss_bucket_acl`, `_versioning`, `_server_side_encryption`, `_public_access_block`).
The bucket's own `versioning` and `server_side_encryption_rule` are Optional, not Computed, so Read
fills them from the bucket and a later update with them empty removes what the split resource set, the
bucket's encryption included (alicloud/resource_alicloud_oss_bucket.go). Each split resource's doc
therefore requires `ignore_changes` on the bucket for its attribute (provider website/docs/r/
oss_bucket_versioning, oss_bucket_server_side_encryption, oss_bucket_policy .html.markdown at
v1.289.0); `SPLIT_ATTRIBUTES` is that table, and `private_bucket` ignores exactly the attributes of
the split resources it creates.

`acl` is the exception, although oss_bucket_acl.html.markdown asks for it too: it is Optional *and
Computed* (resource_alicloud_oss_bucket.go:36-41), so the value Read returns never diffs against a
configuration that leaves it out (terraform-plugin-sdk v1.17.2 helper/schema/schema.go, diffString:
a computed attribute with no config value keeps its state), and it is Deprecated, so naming it, even in
`ignore_changes`, makes Terraform warn "Deprecated attribute" on every plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from constructs import Construct

from alicloud_ml._cdk import TerraformOutput, cdk
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.buckets import ModelBucketProps
from alicloud_ml.provider.oss import (
    OssBucket,
    OssBucketAcl,
    OssBucketPublicAccessBlock,
    OssBucketServerSideEncryption,
    OssBucketVersioning,
)

#: Split OSS resource type -> the `alicloud_oss_bucket` attribute it manages and the bucket must ignore
#: (not `alicloud_oss_bucket_acl`: see the module docstring).
SPLIT_ATTRIBUTES = {
    "alicloud_oss_bucket_versioning": "versioning",
    "alicloud_oss_bucket_server_side_encryption": "server_side_encryption_rule",
    "alicloud_oss_bucket_policy": "policy",
}


def private_bucket(scope: Construct, *, bucket: str, sse_algorithm: Literal["AES256", "KMS"] = "AES256",
                   kms_key_id: str | None = None, prevent_destroy: bool = False,
                   tags: Mapping[str, str] | None = None) -> OssBucket:
    """A private, versioned, encrypted bucket with public access blocked, as children `Bucket`, `Acl`,
    `Versioning`, `Encryption` and `PublicAccessBlock` of `scope` (ids kept stable: they are state addresses)."""
    split = [OssBucketVersioning.TF_TYPE, OssBucketServerSideEncryption.TF_TYPE]
    lifecycle = cdk.TerraformResourceLifecycle(ignore_changes=[SPLIT_ATTRIBUTES[t] for t in split],
                                               prevent_destroy=prevent_destroy or None)
    resource = OssBucket(scope, "Bucket", bucket=bucket, storage_class="Standard", force_destroy=False,
                         tags=dict(tags) if tags else None, lifecycle=lifecycle)
    OssBucketAcl(scope, "Acl", bucket=resource.bucket, acl="private")
    OssBucketVersioning(scope, "Versioning", bucket=resource.bucket, status="Enabled")
    OssBucketServerSideEncryption(scope, "Encryption", bucket=resource.bucket, sse_algorithm=sse_algorithm,
                                  kms_master_key_id=kms_key_id)
    OssBucketPublicAccessBlock(scope, "PublicAccessBlock", bucket=resource.bucket, block_public_access=True)
    return resource


class ModelBucket(Construct):
    """The platform's model bucket: services' relative `model_path`s live here, training publishes here.

    Without it the reference services pointed at a bucket nobody created. Attributes: `bucket`, `name`.
    """

    def __init__(self, scope: Construct, id: str, *, props: ModelBucketProps | Mapping[str, Any]) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(ModelBucketProps, props, self.node.path)
        self.bucket = private_bucket(self, bucket=p.bucket, prevent_destroy=p.prevent_destroy, tags=p.tags)
        TerraformOutput(self, "bucket", value=self.bucket.bucket, description="Model bucket (oss://<bucket>/...)")

    @property
    def name(self) -> str:
        return self.props.bucket
