"""A loopback stand-in for ECS `DescribePrice` and BSS `GetPayAsYouGoPrice`, answering in the documented shapes.

Requests are RPC calls signed ACS3-HMAC-SHA256 by the SDK core; the signature (and the STS token) is checked
by the same verifier the DSW fake uses (`FakeDsw.check_auth`), so a wrong secret is refused as the gateway
would. Response bodies follow the API references: DescribePrice `PriceInfo.Price{OriginalPrice, Currency,
DetailInfos.DetailInfo[{Resource, OriginalPrice}]}` (https://help.aliyun.com/document_detail/107829.html);
GetPayAsYouGoPrice `Data{Currency, ModuleDetails.ModuleDetail[{ModuleCode, OriginalCost}]}`
(https://www.alibabacloud.com/help/doc-detail/91486.htm). The prices are the test's own numbers.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from alicloud_ml.handlers.notebook_reaper.fake_dsw import FakeDsw, Seen


@dataclass
class FakeBilling:
    instance_prices: dict[str, float]               # ECS list price per hour by instance type
    disk_price_per_100gib_hour: float = 0.1
    eip: tuple[float, float] = (0.02, 0.8)          # InstanceRent per hour, InternetTrafficOut per GB
    currency: str = "CNY"
    access_key_id: str = "STS.fake-billing-key"
    access_key_secret: str = "fake-billing-secret"
    security_token: str | None = "fake-billing-token"
    seen: list[Seen] = field(default_factory=list)

    def start(self) -> FakeBilling:
        fake = self
        verifier = FakeDsw([], self.access_key_id, self.access_key_secret, self.security_token)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                parts = urlsplit(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                seen = Seen(self.command, parts.path, dict(parse_qsl(parts.query, keep_blank_values=True)),
                            {k.lower(): v for k, v in self.headers.items()})
                fake.seen.append(seen)
                status, answer = verifier.check_auth(seen, body) or fake.answer(seen)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def endpoint(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def answer(self, seen: Seen) -> tuple[int, dict]:
        action, q = seen.headers.get("x-acs-action"), seen.query
        if action == "DescribePrice" and seen.headers.get("x-acs-version") == "2014-05-26":
            if q.get("ResourceType") == "disk":
                size = int(q["DataDisk.1.Size"])
                return 200, _price(self.disk_price_per_100gib_hour * size / 100, self.currency, "dataDisk")
            itype = q.get("InstanceType", "")
            if itype not in self.instance_prices:
                return 400, {"Code": "InvalidInstanceType.NotFound", "Message": f"{itype} is not sold here",
                             "RequestId": "r"}
            return 200, _price(self.instance_prices[itype], self.currency, "instanceType")
        if action == "GetPayAsYouGoPrice" and seen.headers.get("x-acs-version") == "2017-12-14":
            modules = [{"ModuleCode": "InstanceRent", "OriginalCost": self.eip[0], "CostAfterDiscount": self.eip[0],
                        "InvoiceDiscount": 0, "UnitPrice": self.eip[0]},
                       {"ModuleCode": "InternetTrafficOut", "OriginalCost": self.eip[1], "CostAfterDiscount": self.eip[1],
                        "InvoiceDiscount": 0, "UnitPrice": self.eip[1]}]
            return 200, {"Code": "Success", "Message": "Successful!", "RequestId": "r", "Success": True,
                         "Data": {"Currency": self.currency, "ModuleDetails": {"ModuleDetail": modules}}}
        return 400, {"Code": "InvalidAction.NotFound", "Message": f"{action} is not served here", "RequestId": "r"}


def _price(hourly: float, currency: str, resource: str) -> dict:
    """DescribePrice's documented body: the total (with a 40 GiB system disk) and the per-resource details."""
    system_disk = 0.05
    return {"RequestId": "r", "PriceInfo": {"Rules": {"Rule": []}, "Price": {
        "OriginalPrice": round(hourly + system_disk, 6), "DiscountPrice": 0, "TradePrice": round(hourly + system_disk, 6),
        "Currency": currency,
        "DetailInfos": {"DetailInfo": [{"Resource": resource, "OriginalPrice": hourly, "DiscountPrice": 0,
                                        "TradePrice": hourly},
                                       {"Resource": "systemDisk", "OriginalPrice": system_disk, "DiscountPrice": 0,
                                        "TradePrice": system_disk}]}}}}
