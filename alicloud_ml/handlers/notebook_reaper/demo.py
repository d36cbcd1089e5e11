"""`python -m alicloud_ml.handlers.notebook_reaper.demo`: DSW idle shutdown, end to end, offline.

Why: the reaper's effect is otherwise only visible in a cloud account at 19:00. This starts the
loopback DSW API (fake_dsw) with a few notebooks, invokes the real `handler(event, context)` the way
a 19:00 timer trigger would, through the real SDK, and shows what was stopped and what was spared.
Exits 0 only if the outcome is the intended one (untagged running notebooks stopped, the
overnight-tagged one and the already-stopped one untouched).
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from types import SimpleNamespace

from .fake_dsw import FakeDsw, sample_instance
from .handler import handler

WORKSPACE = "ws-demo"
#: What FC delivers for a timer trigger set to `CRON_TZ=Asia/Shanghai 0 0 19 * * *`:
#: 19:00 in Shanghai is 11:00 UTC (https://help.aliyun.com/document_detail/2513615.html).
EVENT = json.dumps(
    {"triggerTime": "2026-12-02T11:00:00Z", "triggerName": "dsw-reaper-1900", "payload": ""}
).encode()

#: Variables the handler (and the SDK's HTTP layer) reads; the demo sets or clears all of them so the
#: caller's shell cannot change its outcome or send the loopback requests through a proxy.
_ENV_KEYS = ("DSW_WORKSPACE_ID", "DSW_ENDPOINT", "DSW_REGION", "DSW_NETWORK", "DSW_RESOURCE_ID",
             "DSW_PAGE_SIZE", "EXEMPT_TAG", "DRY_RUN", "IDLE_MINUTES",
             "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")


def sample_workspace() -> list[dict]:
    return [
        sample_instance("dsw-demo-llm-finetune", "llm_finetune_a10", workspace_id=WORKSPACE),
        sample_instance("dsw-demo-cv-explore", "cv_explore_t4", workspace_id=WORKSPACE),
        sample_instance(
            "dsw-demo-overnight-train", "overnight_train_a100", workspace_id=WORKSPACE,
            labels={"overnight": "true"},
        ),
        sample_instance("dsw-demo-old-notebook", "old_notebook", status="Stopped", workspace_id=WORKSPACE),
        sample_instance("dsw-demo-cpu-etl", "cpu_etl", gpu=False, workspace_id=WORKSPACE),
    ]


@contextmanager
def _environment(values: dict[str, str]):
    saved = {key: os.environ.get(key) for key in _ENV_KEYS}
    for key in _ENV_KEYS:
        os.environ.pop(key, None)
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def main() -> int:
    with FakeDsw(sample_workspace()) as fake:
        # FC's Python 3.10 context shape; the values are the fake's own, not real credentials.
        context = SimpleNamespace(
            region="cn-hangzhou",
            request_id="demo-request",
            credentials=SimpleNamespace(
                access_key_id=fake.access_key_id,
                access_key_secret=fake.access_key_secret,
                security_token=fake.security_token,
            ),
        )
        print(f"== loopback DSW API at {fake.endpoint}, workspace {WORKSPACE}; handler log lines follow")
        with _environment({"DSW_WORKSPACE_ID": WORKSPACE, "DSW_ENDPOINT": fake.endpoint,
                           "DSW_REGION": "cn-hangzhou"}):
            summary = handler(EVENT, context)
        fake.settle()
        after = {item["InstanceId"]: item["Status"] for item in fake.instances}
        stopped = sorted(fake.stop_calls)

    print("== result")
    for item in sample_workspace():
        iid = item["InstanceId"]
        verdict = "STOPPED" if iid in stopped else "spared "
        print(f"  {verdict} {iid:<26} {item['InstanceName']:<22} {item['Status']} -> {after[iid]}")
    print(f"== {summary['stopped']} stopped, {summary['spared']} spared, {summary['failed']} failed")

    expected = ["dsw-demo-cpu-etl", "dsw-demo-cv-explore", "dsw-demo-llm-finetune"]
    ok = stopped == expected and after["dsw-demo-overnight-train"] == "Running"
    if not ok:
        print(f"unexpected outcome: stopped {stopped}, expected {expected}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
