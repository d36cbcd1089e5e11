"""Props of `alicloud_ml.constructs.buckets` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from pydantic import Field

from alicloud_ml.props.base import FrozenModel

#: OSS bucket names: 3-63 lowercase letters, digits and '-', starting and ending with a letter or digit
#: (https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions).
BUCKET_PATTERN = r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"


class ModelBucketProps(FrozenModel):
    """Props of `ModelBucket`."""

    bucket: str = Field(pattern=BUCKET_PATTERN, description="Bucket name (3-63 lowercase letters, digits, '-'; "
                                                            "global). Required.")
    prevent_destroy: bool = Field(False, description="`lifecycle.prevent_destroy`: Terraform refuses any plan that "
                                                     "deletes the bucket. Default: `false` (`true` in production "
                                                     "environments).")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")
