"""GetObject from OSS with a V1 header signature and the STS token, over ``urllib``.

Why not the ``oss2`` SDK: it pulls in requests, crcmod, pycryptodome and aliyun-python-sdk-kms for
one GET. V1: ``Authorization: OSS <AccessKeyId>:<base64(HMAC-SHA1(secret, VERB\\nContent-MD5\\n
Content-Type\\nDate\\nCanonicalizedOSSHeaders CanonicalizedResource))>``, with the STS token sent as
``x-oss-security-token`` (an ``x-oss-`` header, so it is part of the signed string).
https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header
STS requests without that header fail: https://help.aliyun.com/en/oss/user-guide/0002-00000003
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import urllib.error
import urllib.parse
import urllib.request
from email.utils import formatdate

from .config import Credentials


class ObjectFetchError(RuntimeError):
    """OSS did not return the object (retryable unless the object is gone)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class ObjectTooLarge(RuntimeError):
    """The object exceeds RAG_MAX_OBJECT_BYTES; it is skipped, not retried."""


def sign_v1(credentials: Credentials, verb: str, bucket: str, key: str, date: str,
            oss_headers: dict[str, str], content_md5: str = "", content_type: str = "") -> str:
    canonical_headers = "".join(f"{k.lower()}:{v.strip()}\n" for k, v in sorted(
        (k.lower(), v) for k, v in oss_headers.items() if k.lower().startswith("x-oss-")))
    resource = f"/{bucket}/{key}"
    string_to_sign = f"{verb}\n{content_md5}\n{content_type}\n{date}\n{canonical_headers}{resource}"
    digest = hmac.new(credentials.access_key_secret.encode(), string_to_sign.encode("utf-8"), hashlib.sha1)
    return f"OSS {credentials.access_key_id}:{base64.b64encode(digest.digest()).decode()}"


def get_object(endpoint: str, bucket: str, key: str, credentials: Credentials,
               max_bytes: int, timeout: float = 30.0) -> bytes:
    """Return the object's bytes. ``endpoint`` is the bucket's base URL (the key is appended)."""
    date = formatdate(usegmt=True)
    oss_headers = {"x-oss-security-token": credentials.security_token} if credentials.security_token else {}
    headers = {"Date": date, **oss_headers,
               "Authorization": sign_v1(credentials, "GET", bucket, key, date, oss_headers)}
    url = f"{endpoint.rstrip('/')}/{urllib.parse.quote(key, safe='/')}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length is not None and int(length) > max_bytes:
                raise ObjectTooLarge(f"oss://{bucket}/{key} is {length} bytes, over RAG_MAX_OBJECT_BYTES={max_bytes}")
            body = resp.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise ObjectFetchError(f"OSS GetObject oss://{bucket}/{key} answered HTTP {exc.code}: "
                               f"{exc.read()[:300].decode('utf-8', 'replace')}", exc.code) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise ObjectFetchError(f"OSS endpoint {endpoint} unreachable for oss://{bucket}/{key}: {exc}") from None
    if len(body) > max_bytes:
        raise ObjectTooLarge(f"oss://{bucket}/{key} is over RAG_MAX_OBJECT_BYTES={max_bytes}")
    return body
