"""Fixtures for the reaper: the loopback fake DSW API and a runner that invokes the real FC handler.

Everything goes through the real SDK to 127.0.0.1; credentials are the fake's made-up values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest

from alicloud_ml.handlers.notebook_reaper.fake_dsw import FakeDsw

from ..deployed_role import deployed_function

WORKSPACE = "ws-test"
TIMER_EVENT = json.dumps(
    {"triggerTime": "2026-12-02T11:00:00Z", "triggerName": "reaper-1900", "payload": ""}
).encode()

_ENV = (
    "DSW_WORKSPACE_ID", "DSW_ENDPOINT", "DSW_REGION", "DSW_NETWORK", "DSW_RESOURCE_ID", "DSW_PAGE_SIZE",
    "EXEMPT_TAG", "DRY_RUN", "IDLE_MINUTES", "FC_REGION",
    "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
    "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The handler reads os.environ; nothing from the developer's shell may leak in (proxies included)."""
    for key in _ENV:
        monkeypatch.delenv(key, raising=False)


@pytest.fixture(scope="session")
def reaper_role_policies() -> tuple[str, ...]:
    """The policy documents the reference dev platform attaches to the reaper function's role."""
    return deployed_function("dev", "alicloud_ml.handlers.notebook_reaper").policies


@pytest.fixture
def fake_dsw(reaper_role_policies: tuple[str, ...]):
    """Start a FakeDsw over the given instances: `fake_dsw([...], fail_stop={...})`. It evaluates the
    reaper role's policy from the synthesized dev stack unless `policies=` says otherwise."""
    started: list[FakeDsw] = []

    def start(instances: list[dict[str, Any]], **kwargs: Any) -> FakeDsw:
        kwargs.setdefault("policies", reaper_role_policies)
        fake = FakeDsw(instances, **kwargs).start()
        started.append(fake)
        return fake

    yield start
    for fake in started:
        fake.close()


def fc_context(fake: FakeDsw, *, secret: str | None = None) -> SimpleNamespace:
    """FC Python 3.10-style context: region plus the role's STS credentials (the fake's values)."""
    return SimpleNamespace(
        region="cn-hangzhou",
        request_id="test-request",
        credentials=SimpleNamespace(
            access_key_id=fake.access_key_id,
            access_key_secret=secret or fake.access_key_secret,
            security_token=fake.security_token,
        ),
    )


@dataclass
class Run:
    summary: dict[str, Any] | None
    error: BaseException | None
    lines: list[dict[str, Any]] = field(default_factory=list)

    @property
    def instance_lines(self) -> dict[str, dict[str, Any]]:
        return {line["instance_id"]: line for line in self.lines if line.get("reaper") == "instance"}

    def decision(self, instance_id: str) -> str:
        return self.instance_lines[instance_id]["decision"]


@pytest.fixture
def run_reaper(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Invoke `handler(event, context)` against `fake` with env overrides; collect its JSON lines."""
    from alicloud_ml.handlers.notebook_reaper.handler import handler

    def run(fake: FakeDsw, *, event: Any = TIMER_EVENT, context: Any = None, **env: str) -> Run:
        monkeypatch.setenv("DSW_WORKSPACE_ID", WORKSPACE)
        monkeypatch.setenv("DSW_ENDPOINT", fake.endpoint)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        summary, error = None, None
        try:
            summary = handler(event, context if context is not None else fc_context(fake))
        except Exception as err:  # the tests assert on it
            error = err
        out = capsys.readouterr().out
        return Run(summary, error, [json.loads(line) for line in out.splitlines() if line.strip()])

    return run
