"""`alicloud-ml prices refresh` against a loopback billing API that checks the ACS signature."""

from __future__ import annotations

import csv

import pytest

from alicloud_ml.catalog.pricing import PriceBook
from tests.tools import run_cli as run

from .fake_billing import FakeBilling

pytest.importorskip("alibabacloud_tea_openapi", reason="prices refresh needs the SDK core (extra `prices`)")

PRICED = {"ecs.gn7i-c8g1.2xlarge": 12.5, "ecs.g7.xlarge": 1.25}


def use_env_credentials(monkeypatch, key_id: str, secret: str, token: str | None) -> None:
    """The chain's environment provider, with these values. alibabacloud_credentials reads the environment once,
    at import (utils/auth_util.py), so the module's copies are set too; the CLI-profile and ECS-metadata
    providers are switched off so nothing outside the test (a developer's profile, 100.100.100.200) is read."""
    from alibabacloud_credentials.utils import auth_util

    values = {"ALIBABA_CLOUD_ACCESS_KEY_ID": key_id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secret,
              "ALIBABA_CLOUD_SECURITY_TOKEN": token, "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true",
              "ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true"}
    for name, value in values.items():
        monkeypatch.setenv(name, value or "")
    for attr, value in (("environment_access_key_id", key_id), ("environment_access_key_secret", secret),
                        ("environment_security_token", token), ("environment_ecs_metadata_disabled", "true"),
                        ("environment_cli_profile_disabled", "true"), ("environment_credentials_file", None),
                        ("environment_oidc_token_file", None), ("enable_oidc_credential", False)):
        monkeypatch.setattr(auth_util, attr, value, raising=False)
    for key in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def billing(monkeypatch):
    fake = FakeBilling(PRICED).start()
    use_env_credentials(monkeypatch, fake.access_key_id, fake.access_key_secret, fake.security_token)
    yield fake
    fake.close()



def test_refresh_writes_a_dated_region_file_from_signed_describeprice_and_getpayasyougoprice_calls(billing, tmp_path, capsys):
    code, out, err = run(["prices", "refresh", "--region", "cn-shanghai", "--output-dir", str(tmp_path),
                          "--endpoint", billing.endpoint], capsys)

    assert code == 0, err
    [written] = list(tmp_path.glob("prices-cn-shanghai-*.csv"))
    rows = {r["sku"]: r for r in csv.DictReader(written.open())}
    # the instance row is the instanceType detail (no system disk), the disk row per GiB-month
    assert float(rows["ecs.gn7i-c8g1.2xlarge"]["price"]) == 12.5 and rows["ecs.g7.xlarge"]["unit"] == "hour"
    assert float(rows["disk.cloud_essd"]["price"]) == pytest.approx(0.1 / 100 * 730)
    assert (float(rows["eip.traffic"]["price"]), float(rows["eip.traffic.out"]["price"])) == (0.02, 0.8)
    assert {r["region"] for r in rows.values()} == {"cn-shanghai"} and all(r["url"].startswith("https://") for r in rows.values())
    actions = {s.headers["x-acs-action"] for s in billing.seen}
    assert actions == {"DescribePrice", "GetPayAsYouGoPrice"}
    assert all(s.headers["authorization"].startswith("ACS3-HMAC-SHA256 Credential=STS.fake-billing-key,")
               and s.headers["x-acs-security-token"] == "fake-billing-token" for s in billing.seen)
    assert "not sold in cn-shanghai" in out and "ecs.ebmgn8v.48xlarge" in out  # the fake sells two types only


def test_review_and_cost_prefer_the_refreshed_file_over_the_shipped_table(billing, tmp_path, capsys):
    run(["prices", "refresh", "--region", "cn-shanghai", "--output-dir", str(tmp_path), "--endpoint",
         billing.endpoint], capsys)
    book = PriceBook(refreshed_dir=tmp_path)

    price = book.lookup("cn-shanghai", "ecs.gn7i-c8g1.2xlarge")
    assert price is not None and price.price == 12.5 and book.label(price) == f"refreshed {next(tmp_path.glob('prices-cn-shanghai-*.csv')).name}"
    assert book.lookup("cn-shanghai", "ack.pro.small").price == 0.64  # not refreshed: the shipped official row


def test_a_wrong_secret_is_one_clear_error_with_exit_2(billing, tmp_path, capsys, monkeypatch):
    use_env_credentials(monkeypatch, billing.access_key_id, "expired-or-wrong", billing.security_token)

    code, out, err = run(["prices", "refresh", "--region", "cn-shanghai", "--output-dir", str(tmp_path),
                          "--endpoint", billing.endpoint], capsys)

    assert code == 2
    assert err.count("\n") == 1 and "SignatureDoesNotMatch" in err and "ecs:DescribePrice" in err
    assert "Traceback" not in err and not list(tmp_path.iterdir())
