"""Function Compute entry point: `handler(event, context)`, invoked by a timer trigger each evening.

Why this exists: "idle notebooks are where budgets die". The guide's cron job runs
`aliyun pai-dsw StopInstance` at 19:00; here the same stop runs as a function, so it needs no host,
uses the function role's short-lived STS credentials, and leaves one JSON log line per instance in
the function's SLS logstore (FC ships stdout there).

Timer event, as FC delivers it: `{"triggerTime": "2023-12-26T07:49:00Z", "triggerName": "...",
"payload": "..."}` (https://help.aliyun.com/document_detail/2513615.html,
https://www.alibabacloud.com/help/en/fc/formats-of-event-for-different-triggers).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from typing import Any

from .dsw import Settings, StsCredentials, build_client, credentials_from, list_instances, stop_instance
from .policy import STOP, decide

STOPPED = "stopped"
SPARED = "spared"
FAILED = "failed"
WOULD_STOP = "would_stop"  # DRY_RUN: the decision was "stop", nothing was sent


class ReaperError(RuntimeError):
    """Raised after the run when any StopInstance failed, so FC marks the invocation failed."""

    def __init__(self, summary: dict[str, Any]):
        super().__init__(
            f"{summary['failed']} of {summary['total']} DSW instances could not be stopped: "
            + ", ".join(summary["failed_ids"])
        )
        self.summary = summary


def handler(event: Any, context: Any) -> dict[str, Any]:
    """FC event handler. Returns the run's counts; raises ReaperError if any stop failed."""
    settings = Settings.from_env(os.environ, getattr(context, "region", None))
    creds = credentials_from(context, os.environ)
    return reap(settings, creds, event)


def reap(settings: Settings, creds: StsCredentials, event: Any = None, *, client: Any = None) -> dict[str, Any]:
    """List every instance, decide each, stop the ones decided (unless dry run), log it all."""
    schedule = describe_schedule(event)
    client = client if client is not None else build_client(settings, creds)
    base = {"workspace_id": settings.workspace_id, "dry_run": settings.dry_run}
    try:
        instances = list_instances(client, settings)
    except Exception as err:
        emit({"reaper": "error", **base, "stage": "ListInstances", "error": describe_error(err)})
        raise

    counts = {STOPPED: 0, SPARED: 0, FAILED: 0, WOULD_STOP: 0}
    failed_ids: list[str] = []
    for instance in instances:
        decision = decide(instance, settings.exempt, schedule=schedule, idle_minutes=settings.idle_minutes)
        line = {
            "reaper": "instance",
            **base,
            "instance_id": instance.instance_id,
            "instance_name": instance.name,
            "status": instance.status,
            "reason": decision.reason,
        }
        if decision.action != STOP:
            outcome = SPARED
        elif settings.dry_run:
            outcome = WOULD_STOP
            line["reason"] = f"dry run: {decision.reason}"
        else:
            try:
                stop_instance(client, instance.instance_id)
                outcome = STOPPED
            except Exception as err:  # one failed stop must not spare the rest
                outcome = FAILED
                line["error"] = describe_error(err)
                failed_ids.append(instance.instance_id)
        counts[outcome] += 1
        emit({**line, "decision": outcome})

    summary = {
        "reaper": "summary",
        **base,
        "schedule": schedule,
        "total": len(instances),
        **counts,
        "failed_ids": failed_ids,
    }
    emit(summary)
    if failed_ids:
        raise ReaperError(summary)
    return summary


def describe_schedule(event: Any) -> str:
    """"<triggerTime> schedule (trigger <name>)" from a timer event; the invocation time otherwise."""
    data = parse_event(event)
    when = data.get("triggerTime")
    if isinstance(when, str) and when:
        name = data.get("triggerName")
        return f"{when} schedule" + (f" (trigger {name})" if isinstance(name, str) and name else "")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{now} invocation"


def parse_event(event: Any) -> dict[str, Any]:
    """FC passes the event as bytes; a manual test invocation may pass anything, which is not an error."""
    if isinstance(event, dict):
        return event
    if isinstance(event, bytes | bytearray):
        event = bytes(event).decode("utf-8", errors="replace")
    if isinstance(event, str) and event.strip():
        try:
            data = json.loads(event)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def describe_error(err: BaseException) -> str:
    """`<Type> <code>: <message>`; the SDK's exceptions carry `code` and `message` (tea_openapi exceptions)."""
    code = getattr(err, "code", None)
    message = getattr(err, "message", None) or str(err)
    return f"{type(err).__name__}" + (f" {code}" if code else "") + f": {message}"


def emit(record: dict[str, Any]) -> None:
    """One JSON object per line on stdout, which FC collects into the function's SLS Logstore
    (https://www.alibabacloud.com/help/en/functioncompute/fc/logging-2) when one is configured."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
