"""OSS, Tablestore and Log Service types: name-keyed ids, endpoints in the region, and what they default to."""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.ids import ACCOUNT_ID, hexid, rand
from alicloud_ml.emulator.plugins.registry import Lookup, computed, identifier, known, statuses

BUCKET = "alicloud_oss_bucket"

for _type in (BUCKET, "alicloud_oss_bucket_public_access_block", "alicloud_oss_bucket_server_side_encryption",
              "alicloud_oss_bucket_versioning", "alicloud_oss_bucket_acl", "alicloud_oss_bucket_policy",
              "alicloud_oss_bucket_logging"):
    identifier(_type)(lambda s: str(s.get("bucket")))
identifier("alicloud_ots_instance")(lambda s: str(s.get("name") if known(s.get("name")) else s.get("instance_name")))
identifier("alicloud_log_project")(lambda s: next((str(s[k]) for k in ("project_name", "name") if known(s.get(k))), ""))
statuses({"alicloud_log_project": "Normal", "alicloud_oss_bucket_versioning": "Enabled"})
#: RDS: Create waits for DBInstanceStatus "Running" (provider v1.289.0 alicloud/resource_alicloud_db_instance.go:753).
statuses({"alicloud_db_instance": "Running"})
identifier("alicloud_db_instance")(lambda s: "rm-" + rand(17))  # docs r/db_instance import: `rm-abc12345678`


@computed(BUCKET, "bucket", before_id=True)
def _bucket_name(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "tf-bucket-" + hexid(12)  # the provider names a bucket when none is given


@computed(BUCKET, "acl")
def _acl(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "private"  # a new bucket's ACL (OSS "Bucket ACL": https://www.alibabacloud.com/help/en/oss/user-guide/bucket-acl)


@computed(BUCKET, "access_monitor")
def _access_monitor(s: dict[str, Any], region: str, lookup: Lookup) -> list[dict[str, Any]]:
    # Access tracking is off until PutBucketAccessMonitor turns it on, and GetBucketInfo reports it either way
    # (OSS API "PutBucketAccessMonitor": https://www.alibabacloud.com/help/en/oss/developer-reference/putbucketaccessmonitor).
    return [{"status": "Disabled"}]


@computed(BUCKET, "extranet_endpoint")
def _extranet(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"oss-{region}.aliyuncs.com"


@computed(BUCKET, "intranet_endpoint")
def _intranet(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"oss-{region}-internal.aliyuncs.com"


@computed(BUCKET, "location")
def _location(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"oss-{region}"


@computed(BUCKET, "owner")
def _owner(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return ACCOUNT_ID


@computed("alicloud_log_store", "shards")
def _shards(s: dict[str, Any], region: str, lookup: Lookup) -> list[dict[str, Any]]:
    count = int(s.get("shard_count") or 2)
    step = 2**128 // count
    return [{"id": i, "status": "readwrite", "begin_key": f"{i * step:032x}",
             "end_key": f"{min((i + 1) * step, 2**128 - 1):032x}"} for i in range(count)]
