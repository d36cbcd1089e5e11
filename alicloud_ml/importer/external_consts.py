"""Constants from the provider's Go dependencies that its schemas use as enum values or defaults.

The provider's source does not vendor its SDKs, so `string(oss.StorageStandard)` cannot be
resolved from the `alicloud/` folder alone. These values were read (with this importer's own Go
evaluator) from the exact module versions pinned in the provider's go.mod at v1.289.0; the
importer reports any other external constant it meets as a note instead of guessing.
"""

from __future__ import annotations

EXTERNAL_CONSTS: dict[str, str | int] = {
    # github.com/aliyun/aliyun-oss-go-sdk v2.2.9, oss/const.go
    "oss.StorageStandard": "Standard", "oss.StorageIA": "IA", "oss.StorageArchive": "Archive",
    "oss.StorageColdArchive": "ColdArchive", "oss.StorageDeepColdArchive": "DeepColdArchive",
    "oss.RedundancyLRS": "LRS", "oss.RedundancyZRS": "ZRS", "oss.ACLPrivate": "private",
    # github.com/aliyun/aliyun-log-go-sdk v0.1.108, client_alert.go, config.go, machine_group.go
    "sls.NotificationTypeSMS": "SMS", "sls.NotificationTypeDingTalk": "DingTalk",
    "sls.NotificationTypeEmail": "Email", "sls.NotificationTypeMessageCenter": "MessageCenter",
    "sls.ETLType": "ETL", "sls.ETLVersion": 2, "sls.ETLSinksType": "AliyunLOG",
    "sls.MachineIDTypeIP": "ip", "sls.MachineIDTypeUserDefined": "userdefined",
    # github.com/denverdino/aliyungo e3c8bf5ad947, common/types.go and cdn/types.go
    "common.PrePaid": "PrePaid", "common.PostPaid": "PostPaid",
    "cdn.Web": "web", "cdn.Download": "download", "cdn.Video": "video", "cdn.LiveStream": "liveStream",
    "cdn.Ipaddr": "ipaddr", "cdn.Domain": "domain", "cdn.OSS": "oss",
    "cdn.Domestic": "domestic", "cdn.Overseas": "overseas", "cdn.Global": "global",
    "cdn.ContentType": "Content-Type", "cdn.CacheControl": "Cache-Control",
    "cdn.ContentDisposition": "Content-Disposition", "cdn.ContentLanguage": "Content-Language",
    "cdn.Expires": "Expires", "cdn.AccessControlAllowOrigin": "Access-Control-Allow-Origin",
    "cdn.AccessControlAllowMethods": "Access-Control-Allow-Methods",
    "cdn.AccessControlMaxAge": "Access-Control-Max-Age",
    # github.com/aliyun/fc-go-sdk bc7ded2a9050, trigger.go
    "fc.TRIGGER_TYPE_OSS": "oss", "fc.TRIGGER_TYPE_LOG": "log", "fc.TRIGGER_TYPE_TIMER": "timer",
    "fc.TRIGGER_TYPE_HTTP": "http", "fc.TRIGGER_TYPE_TABLESTORE": "tablestore",
    "fc.TRIGGER_TYPE_CDN_EVENTS": "cdn_events", "fc.TRIGGER_TYPE_MNS_TOPIC": "mns_topic",
    "fc.TRIGGER_TYPE_EVENTBRIDGE": "eventbridge",
    # github.com/aliyun/aliyun-mns-go-sdk d1b5875bda58, message.go
    "ali_mns.BACKOFF_RETRY": "BACKOFF_RETRY", "ali_mns.EXPONENTIAL_DECAY_RETRY": "EXPONENTIAL_DECAY_RETRY",
    "ali_mns.SIMPLIFIED": "SIMPLIFIED",
}
