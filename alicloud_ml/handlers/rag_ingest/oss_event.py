"""Parse the event an OSS trigger sends to Function Compute into (action, bucket, key) records.

Shape (FC docs, "OSS triggers"): ``{"events": [{"eventName": "ObjectCreated:PutObject",
"eventSource": "acs:oss", "region": "cn-hangzhou", "oss": {"bucket": {"name": ...},
"object": {"key": ..., "size": ...}}, ...}]}``
https://www.alibabacloud.com/help/en/fc/formats-of-event-for-different-triggers
(also https://alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/formats-of-event-for-different-triggers).
The trigger's own filter uses ``oss:ObjectCreated:*`` / ``oss:ObjectRemoved:*``
(https://alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-osstriggerconfig),
so the event name is accepted with or without the ``oss:`` prefix. FC passes ``event`` as bytes;
str and an already-parsed dict are accepted too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

CREATED, REMOVED = "created", "removed"


class EventError(ValueError):
    """The event is not an OSS trigger event; retrying it will not help."""


@dataclass(frozen=True)
class OssEvent:
    action: str  # CREATED or REMOVED
    event_name: str
    bucket: str
    key: str
    region: str | None
    size: int | None

    @property
    def document_key(self) -> str:
        """The id every vector row of this object carries: ``oss://bucket/key``."""
        return f"oss://{self.bucket}/{self.key}"


def parse_event(event: bytes | str | dict[str, Any]) -> list[OssEvent]:
    if isinstance(event, (bytes, bytearray)):
        try:
            event = event.decode("utf-8")
        except UnicodeDecodeError:
            raise EventError("event is not UTF-8 JSON") from None
    if isinstance(event, str):
        try:
            event = json.loads(event)
        except json.JSONDecodeError as exc:
            raise EventError(f"event is not JSON: {exc}") from None
    records = event.get("events") if isinstance(event, dict) else None
    if not isinstance(records, list) or not records:
        raise EventError("event has no 'events' list: is this an OSS trigger?")
    parsed = []
    for record in records:
        if not isinstance(record, dict):
            raise EventError("an entry of 'events' is not an object")
        name = str(record.get("eventName", ""))
        bare = name.removeprefix("oss:")
        if bare.startswith("ObjectCreated:"):
            action = CREATED
        elif bare.startswith("ObjectRemoved:"):
            action = REMOVED
        else:
            raise EventError(f"unsupported OSS event {name!r} (expected ObjectCreated:* or ObjectRemoved:*)")
        oss = record.get("oss") or {}
        bucket = (oss.get("bucket") or {}).get("name")
        obj = oss.get("object") or {}
        key = obj.get("key")
        if not bucket or not key:
            raise EventError(f"OSS event {name!r} lacks oss.bucket.name or oss.object.key")
        size = obj.get("size")
        parsed.append(OssEvent(action, name, str(bucket), str(key), record.get("region"),
                               int(size) if isinstance(size, (int, float)) else None))
    return parsed
