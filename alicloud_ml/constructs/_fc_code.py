"""Function Compute code from OSS: each package an object named by its hash in the stack's code bucket.

Why not `code.zip_file`: the provider keeps the argument in state, and the reaper's base64 ZIP made
8.5 MB of an 8.6 MB state file that every plan, apply and state read carried. `alicloud_fcv3_function`
takes `code.oss_bucket_name` + `code.oss_object_name` instead ("The name of the OSS Bucket/Object that
stores the function code ZIP package", provider v1.289.0 website/docs/r/fcv3_function.html.markdown,
whose example uploads the ZIP with `alicloud_oss_bucket_object`). The object is uploaded from the
synthesized asset (`source`, a path the state records as a string); its key carries the package's
SHA-256, so a new package is a new object (the old one is deleted after the function moved:
`create_before_destroy`), and the function changes with it. FC reads the object with the deployer's
credentials at CreateFunction/UpdateFunction ("grant the current user access permissions to the OSS
bucket ... oss:GetObject", FC API CreateFunction,
https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-createfunction),
so the function's role needs nothing for it.

The bucket: one per stack (`<stack>/FunctionCode`), created with the stack's first function, in the
stack's region (FC reads code from a bucket in the function's region: README Assumptions), named
`<stack>-fc-code-<account id>` (bucket names are global; the account id makes it unique wherever the
stack's function and role names are). Private, public access blocked, encrypted at rest with OSS-managed
keys; the objects are build outputs of this repository, rebuilt on every synth, hence no versioning.
"""

from __future__ import annotations

import re
from typing import Any

from constructs import Construct

from alicloud_ml import _cdk
from alicloud_ml.constructs._fc_package import Package
from alicloud_ml.constructs.buckets import SPLIT_ATTRIBUTES

CODE_CONSTRUCT = "FunctionCode"
#: Object keys: `fc-code/<function name>/<package SHA-256>.zip` (the provider's object id is the key alone,
#: so the function name keeps two stacks' identical packages apart in one account).
KEY_PREFIX = "fc-code"
#: Metadata on the object for the gate (ALIML_025): runtime, digest, what cannot import there.
META_PATH = "//.alicloud_ml.code_package"
#: Checks the code bucket accepts, each with its reason.
SUPPRESSIONS = (
    ("CKV_ALI_6", "function code packages are build outputs of this repository, rebuilt on every synth and holding "
                  "no secrets: encrypted with OSS-managed keys (AES256), no customer key", None),
    ("CKV_ALI_10", "objects are named by their content hash and never overwritten; the repository rebuilds any "
                   "of them, so versioning would only keep deleted packages", None),
    ("CKV_ALI_11", "Function Compute reads the packages in the bucket's own region; transfer acceleration only "
                   "adds cost", None),
    ("CKV_ALI_12", "only Terraform writes and Function Compute reads the packages, both recorded by ActionTrail; "
                   "access logging needs a log bucket this stack does not create", "2027-06-30"),
)


def emulated(scope: Construct) -> bool:
    """True when `scope`'s stack keeps local state: the offline emulator (or a laptop), never a real account's
    deploy (`alicloud_ml.deploy_target`), which runs no function code."""
    stack = _cdk.TerraformStack.of(scope)
    return isinstance(stack.node.try_find_child("backend"), _cdk.LocalBackend)


class FunctionCodeBucket(Construct):
    """The stack's bucket for function code packages. Attributes: `bucket`."""

    def __init__(self, scope: Construct, id: str) -> None:
        from alicloud_ml.policies import suppress
        from alicloud_ml.provider.common import DataAlicloudAccount
        from alicloud_ml.provider.oss import OssBucket, OssBucketPublicAccessBlock, OssBucketServerSideEncryption

        super().__init__(scope, id)
        stack = _cdk.TerraformStack.of(self).node.id
        prefix = re.sub(r"[^a-z0-9-]+", "-", stack.lower()).strip("-")[:38].rstrip("-") or "stack"
        account = DataAlicloudAccount(self, "Account")
        ignore = [SPLIT_ATTRIBUTES[OssBucketServerSideEncryption.TF_TYPE]]  # its split resource (buckets.py says why)
        self.bucket = OssBucket(self, "Bucket", bucket=f"{prefix}-fc-code-{account.id}", storage_class="Standard",
                                force_destroy=False, lifecycle=_cdk.cdk.TerraformResourceLifecycle(ignore_changes=ignore))
        OssBucketServerSideEncryption(self, "Encryption", bucket=self.bucket.bucket, sse_algorithm="AES256")
        OssBucketPublicAccessBlock(self, "PublicAccessBlock", bucket=self.bucket.bucket, block_public_access=True)
        for check, reason, expires in SUPPRESSIONS:
            suppress(self.bucket, check, reason=reason, expires=expires)

    @classmethod
    def of(cls, scope: Construct) -> "FunctionCodeBucket":
        """The code bucket of `scope`'s stack, created on first use."""
        stack = _cdk.TerraformStack.of(scope)
        found = stack.node.try_find_child(CODE_CONSTRUCT)
        return found if isinstance(found, cls) else cls(stack, CODE_CONSTRUCT)


def function_code(scope: Construct, package: Package, function_name: str) -> Any:
    """`code` of an `alicloud_fcv3_function` named `function_name`: `package` uploaded as an object of the stack's
    code bucket (created here under `scope` as `Code`, with its asset `CodePackage`)."""
    from alicloud_ml.provider.fcv3 import Fcv3FunctionCode
    from alicloud_ml.provider.oss import OssBucketObject

    bucket = FunctionCodeBucket.of(scope).bucket
    asset = _cdk.cdk.TerraformAsset(scope, "CodePackage", path=str(package.path), type=_cdk.cdk.AssetType.FILE)
    code = OssBucketObject(scope, "Code", bucket=bucket.bucket, key=f"{KEY_PREFIX}/{function_name}/{package.sha256}.zip",
                           source=asset.path, content_type="application/zip",
                           lifecycle=_cdk.cdk.TerraformResourceLifecycle(create_before_destroy=True))
    code.add_override(META_PATH, package.manifest())
    return Fcv3FunctionCode(oss_bucket_name=code.bucket, oss_object_name=code.key)
