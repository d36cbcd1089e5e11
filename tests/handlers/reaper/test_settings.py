"""Configuration is read from the environment and refused early when it cannot be trusted."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from alicloud_ml.handlers.notebook_reaper.dsw import ConfigError, Settings, credentials_from
from alicloud_ml.handlers.notebook_reaper.policy import ExemptTag

BASE = {"DSW_WORKSPACE_ID": "ws-1", "DSW_REGION": "cn-hangzhou"}


def test_defaults() -> None:
    s = Settings.from_env(BASE)
    assert (s.exempt, s.dry_run, s.idle_minutes) == (ExemptTag("overnight", "true"), False, None)
    assert (s.endpoint, s.protocol, s.resource_id) == (None, "https", "ALL")


def test_region_falls_back_to_the_fc_context_then_fc_region() -> None:
    assert Settings.from_env({"DSW_WORKSPACE_ID": "ws"}, "cn-beijing").region == "cn-beijing"
    assert Settings.from_env({"DSW_WORKSPACE_ID": "ws", "FC_REGION": "cn-shenzhen"}).region == "cn-shenzhen"


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("http://127.0.0.1:8080", ("127.0.0.1:8080", "http")),
        ("https://pai-dsw.cn-hangzhou.aliyuncs.com", ("pai-dsw.cn-hangzhou.aliyuncs.com", "https")),
        ("pai-dsw-vpc.cn-hangzhou.aliyuncs.com", ("pai-dsw-vpc.cn-hangzhou.aliyuncs.com", "https")),
    ],
)
def test_endpoint_override(endpoint: str, expected: tuple[str, str]) -> None:
    s = Settings.from_env({**BASE, "DSW_ENDPOINT": endpoint})
    assert (s.endpoint, s.protocol) == expected


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DSW_REGION": "cn-hangzhou"}, "DSW_WORKSPACE_ID"),
        ({"DSW_WORKSPACE_ID": "ws"}, "region"),
        ({**BASE, "DRY_RUN": "ture"}, "DRY_RUN"),
        ({**BASE, "IDLE_MINUTES": "0"}, "IDLE_MINUTES"),
        ({**BASE, "IDLE_MINUTES": "an hour"}, "IDLE_MINUTES"),
        ({**BASE, "EXEMPT_TAG": "overnight"}, "EXEMPT_TAG"),
        ({**BASE, "DSW_ENDPOINT": "ftp://host"}, "DSW_ENDPOINT"),
        ({**BASE, "DSW_PAGE_SIZE": "-1"}, "DSW_PAGE_SIZE"),
    ],
)
def test_bad_configuration_is_refused(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)


@pytest.mark.parametrize(("text", "expected"), [("true", True), ("1", True), ("YES", True), ("false", False), ("", False)])
def test_dry_run_values(text: str, expected: bool) -> None:
    assert Settings.from_env({**BASE, "DRY_RUN": text}).dry_run is expected


def test_context_credentials_win_over_the_environment() -> None:
    context = SimpleNamespace(
        credentials=SimpleNamespace(access_key_id="STS.ctx", access_key_secret="s", security_token="t")
    )
    env = {"ALIBABA_CLOUD_ACCESS_KEY_ID": "STS.env", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s2"}
    assert credentials_from(context, env).access_key_id == "STS.ctx"


def test_no_credentials_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no credentials"):
        credentials_from(SimpleNamespace(), {})


def test_secrets_stay_out_of_repr() -> None:
    creds = credentials_from(
        SimpleNamespace(),
        {"ALIBABA_CLOUD_ACCESS_KEY_ID": "STS.id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "sekrit",
         "ALIBABA_CLOUD_SECURITY_TOKEN": "tok"},
    )
    assert "sekrit" not in repr(creds) and "tok" not in repr(creds)
