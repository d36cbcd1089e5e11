"""`alicloud-ml prices refresh`: list prices from Alibaba Cloud's own pricing APIs into a dated, region-scoped file.

Which API answers what (each response field read is named where it is parsed):

- ECS instance types and disks: ECS OpenAPI `DescribePrice` (version 2014-05-26; `ResourceType=instance`
  with `InstanceType`, or `ResourceType=disk` with `DataDisk.1.Category/Size`; pay-as-you-go, `PriceUnit=Hour`),
  https://help.aliyun.com/document_detail/107829.html. The row is `PriceInfo.Price.DetailInfos.DetailInfo[]`'s
  `OriginalPrice` for the `instanceType` (or `dataDisk`) resource: the list price without the system disk.
- EIP: BSS OpenAPI `GetPayAsYouGoPrice` (version 2017-12-14) with the module codes the EIP pricing sample
  documents (`InstanceRent:1` per hour, `InternetTrafficOut:1` per GB),
  https://www.alibabacloud.com/help/doc-detail/94449.htm and https://www.alibabacloud.com/help/doc-detail/91486.htm;
  `Data.ModuleDetails.ModuleDetail[].OriginalCost` per `ModuleCode`.
- Not used: `GetSubscriptionPrice` (subscriptions: the ACR EE module codes are not documented) and
  `QuerySkuPriceListByPage` (its price-factor codes per commodity are not documented for these products).

Credentials come from the standard Alibaba Cloud chain (`alibabacloud_credentials`: environment variables,
OIDC, `~/.alibabacloud/credentials.ini`, the `aliyun` CLI profile, the ECS instance RAM role); never from a
file of this project. The RAM actions needed are `REQUIRED_ACTIONS`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alicloud_ml.catalog import instance_types
from alicloud_ml.catalog.prices import Price, write_price_file
from alicloud_ml.errors import AlicloudMlError

DESCRIBE_PRICE_DOC = "https://help.aliyun.com/document_detail/107829.html"
GET_PAYG_PRICE_DOC = "https://www.alibabacloud.com/help/doc-detail/91486.htm"
EIP_PAYG_SAMPLE_DOC = "https://www.alibabacloud.com/help/doc-detail/94449.htm"
#: RAM actions, each with where the API reference lists it ("授权信息"/"Authorization information").
REQUIRED_ACTIONS = {"ecs:DescribePrice": DESCRIBE_PRICE_DOC, "bssapi:GetPayAsYouGoPrice": GET_PAYG_PRICE_DOC}
#: China-site regions bill in CNY through business.aliyuncs.com; international ones in USD through
#: business.ap-southeast-1.aliyuncs.com (the endpoints in the BSS samples cited above).
INTERNATIONAL_PREFIXES = ("ap-", "us-", "eu-", "me-", "na-", "sa-")
DISK_CATEGORIES = ("cloud_essd", "cloud_auto", "cloud_efficiency")


class RefreshError(AlicloudMlError):
    """The billing API refused or could not be reached; one line, exit 2."""


@dataclass(frozen=True)
class Endpoints:
    ecs: str
    bss: str
    protocol: str = "https"

    @classmethod
    def for_region(cls, region: str, override: str | None = None) -> Endpoints:
        if override:
            protocol, _, host = override.partition("://")
            return cls(host, host, protocol or "https")
        international = region.startswith(INTERNATIONAL_PREFIXES)
        return cls(f"ecs.{region}.aliyuncs.com",
                   "business.ap-southeast-1.aliyuncs.com" if international else "business.aliyuncs.com")


def refresh(region: str, out_dir: Path, *, endpoint: str | None = None, types: Iterable[str] | None = None,
            today: dt.date | None = None, client_factory: Callable[[str, str], Any] | None = None) -> tuple[Path, list[str]]:
    """Query every catalogued instance type, the disk categories and EIP in `region`; write the price file.

    Returns the file and the SKUs the API had no price for (not sold in the region), which stay unpriced.
    """
    day = (today or dt.date.today()).isoformat()
    ends = Endpoints.for_region(region, endpoint)
    make = client_factory or (lambda host, protocol: _client(host, protocol))
    ecs, bss = make(ends.ecs, ends.protocol), make(ends.bss, ends.protocol)
    rows: list[Price] = []
    missing: list[str] = []
    for itype in sorted(types if types is not None else instance_types()):
        price = _describe_price(ecs, region, {"ResourceType": "instance", "InstanceType": itype}, "instanceType")
        if price is None:
            missing.append(itype)
            continue
        rows.append(_row(itype, "hour", price, region, day, f"ECS DescribePrice ResourceType=instance "
                         f"InstanceType={itype} PriceUnit=Hour: OriginalPrice of instanceType", DESCRIBE_PRICE_DOC))
    for category in DISK_CATEGORIES:
        query = {"ResourceType": "disk", "DataDisk.1.Category": category, "DataDisk.1.Size": "100"}
        price = _describe_price(ecs, region, query, "dataDisk")
        if price is None:
            missing.append(f"disk.{category}")
            continue
        per_gib_month = (price[0] / 100 * 730, price[1])  # hourly price of 100 GiB -> per GiB-month (730 h)
        rows.append(_row(f"disk.{category}", "GiB-month", per_gib_month, region, day,
                         f"ECS DescribePrice ResourceType=disk Category={category} Size=100 PriceUnit=Hour, "
                         "OriginalPrice of dataDisk / 100 GiB × 730 h", DESCRIBE_PRICE_DOC))
    rows += _eip(bss, region, day)
    path = out_dir / f"prices-{region}-{day}.csv"
    write_price_file(path, rows)
    return path, missing


def _row(sku: str, unit: str, price: tuple[float, str], region: str, day: str, source: str, url: str) -> Price:
    return Price(sku, unit, round(price[0], 6), price[1], region, day, source, url, day)


def _describe_price(client: Any, region: str, query: dict[str, str], resource: str) -> tuple[float, str] | None:
    """(list price per hour, currency) of `resource` in the answer, or None when the region does not sell it."""
    body = _call(client, "DescribePrice", "2014-05-26", {"RegionId": region, "PriceUnit": "Hour", **query},
                 not_sold=("InvalidInstanceType", "Invalid.InstanceType", "InvalidParameter", "InvalidDataDiskCategory",
                           "InvalidSystemDiskCategory", "Zone.NotOnSale", "InvalidResourceType.NotSupported"))
    if body is None:
        return None
    price = (body.get("PriceInfo") or {}).get("Price") or {}
    details = ((price.get("DetailInfos") or {}).get("DetailInfo")) or []
    for detail in details:
        if detail.get("Resource") == resource:
            return float(detail["OriginalPrice"]), str(price.get("Currency", ""))
    return (float(price["OriginalPrice"]), str(price.get("Currency", ""))) if "OriginalPrice" in price else None


def _eip(client: Any, region: str, day: str) -> list[Price]:
    query = {"ProductCode": "eip", "SubscriptionType": "PayAsYouGo", "Region": region,
             "ModuleList.1.ModuleCode": "InstanceRent", "ModuleList.1.Config": "InstanceRent:1",
             "ModuleList.1.PriceType": "Hour",
             "ModuleList.2.ModuleCode": "InternetTrafficOut", "ModuleList.2.Config": "InternetTrafficOut:1",
             "ModuleList.2.PriceType": "Usage"}
    body = _call(client, "GetPayAsYouGoPrice", "2017-12-14", query, not_sold=())
    data = (body or {}).get("Data") or {}
    currency = str(data.get("Currency", ""))
    modules = {m.get("ModuleCode"): m for m in ((data.get("ModuleDetails") or {}).get("ModuleDetail") or [])}
    out = []
    for code, sku, unit in (("InstanceRent", "eip.traffic", "hour"), ("InternetTrafficOut", "eip.traffic.out", "GB")):
        if code in modules:
            out.append(_row(sku, unit, (float(modules[code]["OriginalCost"]), currency), region, day,
                            f"BSS GetPayAsYouGoPrice ProductCode=eip {code}: OriginalCost", EIP_PAYG_SAMPLE_DOC))
    return out


def _client(host: str, protocol: str) -> Any:
    """A generic OpenAPI client signed (ACS3-HMAC-SHA256) with the default credential chain."""
    try:
        from alibabacloud_credentials.client import Client as CredentialClient
        from alibabacloud_tea_openapi.client import Client
        from alibabacloud_tea_openapi.utils_models import Config
    except ImportError:
        raise RefreshError("prices refresh needs the Alibaba Cloud SDK core: pip install 'alicloud-ml-cdk[prices]'") \
            from None
    logging.getLogger("credentials").setLevel(logging.CRITICAL)  # the chain logs each miss with a traceback
    try:
        credential = CredentialClient()
        credential.get_credential()  # resolve now: "no credentials" is one line before any API call
    except Exception as err:  # the chain found nothing: one line, not the SDK's traceback
        raise RefreshError(f"no Alibaba Cloud credentials: {_first_line(err)} - set ALIBABA_CLOUD_ACCESS_KEY_ID/"
                           "ALIBABA_CLOUD_ACCESS_KEY_SECRET, an `aliyun configure` profile or an instance RAM role") from None
    return Client(Config(credential=credential, endpoint=host, protocol=protocol,
                         connect_timeout=5000, read_timeout=15000))


def _call(client: Any, action: str, version: str, query: dict[str, str], not_sold: tuple[str, ...]) -> dict[str, Any] | None:
    from alibabacloud_tea_openapi.utils_models import OpenApiRequest, Params
    from darabonba.runtime import RuntimeOptions

    params = Params(action=action, version=version, protocol=client._protocol or "https", pathname="/",
                    method="POST", auth_type="AK", style="RPC", body_type="json", req_body_type="formData")
    try:
        answer = client.call_api(params, OpenApiRequest(query=query), RuntimeOptions(autoretry=False))
    except Exception as err:  # SDK errors carry the API's Code; credentials problems are one clear line
        code = str(getattr(err, "code", "") or "")
        if code.startswith(not_sold) and not code.startswith(("InvalidAccessKey", "SignatureDoesNotMatch")):
            return None
        if code.startswith(("InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurityToken", "Forbidden",
                            "NoPermission", "InvalidCredentials", "IncompleteSignature", "MissingAuthorization")):
            raise RefreshError(f"{action} refused the credentials ({code}): {_first_line(getattr(err, 'message', err))} "
                               f"- check the key, its expiry, and that it may call {', '.join(REQUIRED_ACTIONS)}") from None
        raise RefreshError(f"{action} failed: {code or type(err).__name__} {_first_line(getattr(err, 'message', err))}") \
            from None
    body = answer.get("body") if isinstance(answer, dict) else None
    return body if isinstance(body, dict) else None


def _first_line(value: object) -> str:
    return str(value).strip().splitlines()[0] if str(value).strip() else ""
