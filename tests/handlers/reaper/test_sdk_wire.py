"""What goes over the wire: STS token and signature, endpoint, resource-group scope, credentials source."""

from __future__ import annotations

import json
import urllib.request
from types import SimpleNamespace
from urllib.error import HTTPError

import pytest

pytest.importorskip("alibabacloud_pai_dsw20220101", reason="the reaper's DSW SDK is not installed")

from alicloud_ml.handlers.notebook_reaper import REQUIRED_ACTIONS, REQUIRED_ACTIONS_SOURCES  # noqa: E402
from alicloud_ml.handlers.notebook_reaper import demo  # noqa: E402
from alicloud_ml.handlers.notebook_reaper.dsw import Settings, StsCredentials, build_client  # noqa: E402
from alicloud_ml.handlers.notebook_reaper.fake_dsw import sample_instance  # noqa: E402

from .conftest import WORKSPACE, fc_context  # noqa: E402


def test_every_request_carries_the_sts_token_and_a_valid_signature(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([sample_instance("dsw-a", "a", workspace_id=WORKSPACE)])
    result = run_reaper(fake)

    assert result.error is None
    assert [(s.method, s.status) for s in fake.requests] == [("GET", 200), ("PUT", 200)]
    for seen in fake.requests:
        assert seen.headers["x-acs-security-token"] == "fake-sts-token"
        assert seen.headers["authorization"].startswith("ACS3-HMAC-SHA256 Credential=STS.fake-access-key-id,")
        assert seen.headers["x-acs-version"] == "2022-01-01"
    assert [s.headers["x-acs-action"] for s in fake.requests] == ["ListInstances", "StopInstance"]


def test_the_fake_rejects_a_wrong_secret_so_the_signature_check_is_real(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([sample_instance("dsw-a", "a", workspace_id=WORKSPACE)])
    result = run_reaper(fake, context=fc_context(fake, secret="not-the-secret"))

    assert result.error is not None and "SignatureDoesNotMatch" in str(result.error)
    assert fake.stop_calls == [] and fake.status_of("dsw-a") == "Running"
    assert result.lines[-1]["reaper"] == "error" and result.lines[-1]["stage"] == "ListInstances"


def test_the_fake_rejects_a_missing_sts_token(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([sample_instance("dsw-a", "a", workspace_id=WORKSPACE)])
    context = fc_context(fake)
    context.credentials.security_token = ""
    result = run_reaper(fake, context=context)

    assert result.error is not None and "InvalidSecurityToken" in str(result.error)
    assert fake.stop_calls == []


def test_the_fake_validates_action_headers(fake_dsw) -> None:
    fake = fake_dsw([])
    request = urllib.request.Request(f"{fake.endpoint}/api/v2/instances", headers={"x-acs-action": "StopInstance"})
    with pytest.raises(HTTPError) as err:
        urllib.request.urlopen(request, timeout=5)
    assert err.value.code == 400
    assert json.loads(err.value.read())["Code"] == "ValidationError"


def test_python312_runtime_credentials_come_from_the_environment(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([sample_instance("dsw-a", "a", workspace_id=WORKSPACE)])
    context = SimpleNamespace(region="cn-hangzhou", request_id="r")  # 3.12 has no context.credentials
    result = run_reaper(
        fake,
        context=context,
        ALIBABA_CLOUD_ACCESS_KEY_ID=fake.access_key_id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET=fake.access_key_secret,
        ALIBABA_CLOUD_SECURITY_TOKEN="fake-sts-token",
    )

    assert result.error is None and fake.stop_calls == ["dsw-a"]
    assert fake.requests[0].headers["x-acs-security-token"] == "fake-sts-token"


def test_listing_asks_for_all_resource_groups(fake_dsw, run_reaper) -> None:
    fake = fake_dsw(
        [sample_instance("dsw-sub", "sub", workspace_id=WORKSPACE, payment_type="Subscription")]
    )
    run_reaper(fake)
    assert fake.requests[0].query["ResourceId"] == "ALL"
    assert fake.stop_calls == ["dsw-sub"]  # an empty ResourceId would have listed pay-as-you-go only


CREDS = StsCredentials("STS.fake-id", "fake-secret", "fake-token")


def test_default_endpoint_is_the_regional_public_one() -> None:
    client = build_client(Settings(workspace_id="ws", region="cn-shanghai"), CREDS)
    assert client._endpoint == "pai-dsw.cn-shanghai.aliyuncs.com"


def test_vpc_network_selects_the_vpc_endpoint() -> None:
    client = build_client(Settings(workspace_id="ws", region="cn-hangzhou", network="vpc"), CREDS)
    assert client._endpoint == "pai-dsw-vpc.cn-hangzhou.aliyuncs.com"


def test_required_actions_are_the_two_apis_called_each_with_a_source() -> None:
    assert REQUIRED_ACTIONS == ("paidsw:ListInstances", "paidsw:StopInstance")
    assert set(REQUIRED_ACTIONS_SOURCES) == set(REQUIRED_ACTIONS)
    assert all(url.startswith("https://") for url in REQUIRED_ACTIONS_SOURCES.values())


def test_demo_stops_the_untagged_and_spares_the_rest(capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main() == 0
    out = capsys.readouterr().out
    assert "STOPPED dsw-demo-llm-finetune" in out
    assert "spared  dsw-demo-overnight-train" in out
    assert "3 stopped, 2 spared, 0 failed" in out
