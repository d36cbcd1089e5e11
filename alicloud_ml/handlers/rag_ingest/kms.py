"""Secret values from KMS Secrets Manager (``GetSecretValue``), signed with the function's STS role.

Why a small signer and not the KMS SDK: one read-only call does not justify the SDK's dependency tree
in the FC code package. ``SecretReader`` is the seam: anything with ``get(name) -> str`` works (a
cache, a KMS-instance gateway client), and the tests run this real signer against a loopback server.

GetSecretValue (API version 2016-01-20, RPC style) answers ``SecretData`` and ``SecretDataType``
(``text`` or ``binary``, the latter base64):
https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-getsecretvalue
RPC request syntax and signature (V2: HMAC-SHA1 over the sorted, percent-encoded query; the STS token
goes in the ``SecurityToken`` parameter): https://alibabacloud.com/help/en/ram/common-parameters-2 and
https://www.alibabacloud.com/help/doc-detail/127287.htm
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone
from typing import Protocol

from .config import Credentials
from .http_json import fetch_json

KMS_API_VERSION = "2016-01-20"  # https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-getsecretvalue


class SecretError(RuntimeError):
    """A secret could not be read; the message names the secret, never its value."""


class SecretReader(Protocol):
    def get(self, name: str) -> str: ...


def percent_encode(value: str) -> str:
    """RFC 3986 encoding the RPC signature requires: only A-Z a-z 0-9 - _ . ~ stay literal."""
    return urllib.parse.quote(value, safe="-_.~")


def rpc_signature(method: str, params: dict[str, str], access_key_secret: str) -> str:
    """``Base64(HMAC-SHA1(secret + "&", METHOD & %2F & encode(sorted query)))``."""
    canonical = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items()))
    string_to_sign = f"{method}&{percent_encode('/')}&{percent_encode(canonical)}"
    digest = hmac.new(f"{access_key_secret}&".encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


class KmsSecretReader:
    """Reads secrets over ``GET https://kms-vpc.<region>.aliyuncs.com/?Action=GetSecretValue&...``."""

    def __init__(self, endpoint: str, credentials: Credentials, timeout: float = 10.0) -> None:
        self.endpoint = endpoint.rstrip("/")
        self._credentials = credentials
        self.timeout = timeout

    def get(self, name: str) -> str:
        creds = self._credentials
        params = {
            "Action": "GetSecretValue",
            "SecretName": name,
            "Format": "JSON",
            "Version": KMS_API_VERSION,
            "AccessKeyId": creds.access_key_id,
            "SignatureMethod": "HMAC-SHA1",
            "SignatureVersion": "1.0",
            "SignatureNonce": uuid.uuid4().hex,
            "Timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        if creds.security_token:
            params["SecurityToken"] = creds.security_token
        params["Signature"] = rpc_signature("GET", params, creds.access_key_secret)
        query = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in params.items())
        url = f"{self.endpoint}/?{query}"
        payload = fetch_json(urllib.request.Request(url), timeout=self.timeout, error=SecretError, detail=_kms_error,
                             what=f"KMS GetSecretValue at {self.endpoint} for secret {name!r}")
        data = payload.get("SecretData") if isinstance(payload, dict) else None
        if not isinstance(data, str):
            raise SecretError(f"KMS answer for secret {name!r} has no SecretData")
        if payload.get("SecretDataType") == "binary":
            try:
                return base64.b64decode(data, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                raise SecretError(f"secret {name!r} is binary and not base64 UTF-8 text") from None
        return data


def _kms_error(raw: bytes) -> str:
    """KMS errors are ``{"Code", "Message", "RequestId"}``; only those fields are repeated."""
    try:
        body = json.loads(raw)
        return f"{body.get('Code', '?')}: {body.get('Message', '')} (RequestId {body.get('RequestId', '?')})"
    except (ValueError, AttributeError):
        return raw[:200].decode("utf-8", "replace")
