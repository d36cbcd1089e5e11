"""Loopback stand-ins for the three cloud APIs the handler calls, each checking what the real one checks.

The signature checks are written here from the documentation, independently of the handler's signers,
so a signer that drifts from the documented algorithm fails the tests:
- OSS V1 header signature and x-oss-security-token:
  https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header
- KMS RPC signature (V2, HMAC-SHA1) and SecurityToken: https://alibabacloud.com/help/en/ram/common-parameters-2
  GetSecretValue answer shape: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-getsecretvalue
- Model Studio OpenAI-compatible embeddings, at most 10 rows per request for text-embedding-v3:
  https://www.alibabacloud.com/help/en/model-studio/embedding-interfaces-compatible-with-openai

OSS and KMS also evaluate the calling role's RAM policy (`alicloud_ml.ram_policy`; the tests pass the
policy the synthesized stack gives the function, tests/handlers/deployed_role.py), as the cloud does:
- OSS GetObject needs `oss:GetObject` on `acs:oss:*:<account>:<bucket>/<key>`, and an SSE-KMS object
  also `kms:Decrypt` on its key, else 403 AccessDenied "This request is forbidden by kms." (OSS
  "Server-side encryption", https://www.alibabacloud.com/help/en/oss/user-guide/server-side-encryption-8);
- KMS GetSecretValue needs `kms:GetSecretValue` on `acs:kms:<region>:<account>:secret/<name>`; the
  error code for a RAM denial, Forbidden.RAM, is an assumption (the API's error list is not in the docs we read).
The embeddings API authorises by API key, which the function can only read through KMS.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from alicloud_ml.ram_policy import allows

MAX_BATCH = 10


def fake_embedding(text: str, dimensions: int) -> list[float]:
    """Hashed bag of words, L2-normalised: texts sharing words have high cosine similarity."""
    vec = [0.0] * dimensions
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        digest = hashlib.sha256(word.encode()).digest()
        vec[int.from_bytes(digest[:4], "big") % dimensions] += 1.0 if digest[4] & 1 else -1.0
    norm = math.sqrt(sum(x * x for x in vec)) or 1.0
    return [x / norm for x in vec]


class _Server:
    """A ThreadingHTTPServer on 127.0.0.1 with a free port, serving ``handler_class``."""

    def __init__(self, handler_class: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        self.httpd.fake = self  # type: ignore[attr-defined]
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep pytest output clean
        pass

    @property
    def fake(self) -> Any:
        return self.server.fake  # type: ignore[attr-defined]

    def reply(self, status: int, body: bytes | dict[str, Any], content_type: str = "application/json") -> None:
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


# --- embeddings ---------------------------------------------------------------------------------
class _EmbeddingHandler(_Handler):
    def do_POST(self) -> None:  # noqa: N802
        fake: FakeEmbeddingAPI = self.fake
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        with fake.lock:
            fake.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
            failure, fake.fail_next = fake.fail_next, None
        if self.path != "/compatible-mode/v1/embeddings":
            return self.reply(404, {"error": {"code": "NotFound", "message": f"no route {self.path}"}})
        if self.headers.get("Authorization") != f"Bearer {fake.api_key}":
            return self.reply(401, {"error": {"code": "invalid_api_key", "message": "Incorrect API key provided."}})
        if failure:
            return self.reply(*failure)
        if body.get("model") != fake.model:
            return self.reply(400, {"error": {"code": "model_not_found", "message": f"model {body.get('model')!r}"}})
        inputs = body.get("input")
        if isinstance(inputs, str):
            inputs = [inputs]
        if not isinstance(inputs, list) or not inputs:
            return self.reply(400, {"error": {"code": "InvalidParameter", "message": "input is empty"}})
        if len(inputs) > MAX_BATCH:
            return self.reply(400, {"error": {"code": "InvalidParameter",
                                              "message": f"batch size is invalid, it should not be larger than {MAX_BATCH}."}})
        dims = int(body.get("dimensions") or fake.default_dimensions)
        data = [{"object": "embedding", "index": i, "embedding": fake_embedding(t, dims)}
                for i, t in enumerate(inputs)]
        data.reverse()  # the API does not promise input order; the client must place by index
        self.reply(200, {"object": "list", "model": fake.model, "data": data,
                         "usage": {"prompt_tokens": 1, "total_tokens": 1}, "id": "fake"})


class FakeEmbeddingAPI(_Server):
    def __init__(self, api_key: str, model: str = "text-embedding-v3", default_dimensions: int = 1024) -> None:
        self.api_key, self.model, self.default_dimensions = api_key, model, default_dimensions
        self.requests: list[dict[str, Any]] = []
        self.fail_next: tuple[int, dict[str, Any]] | None = None
        super().__init__(_EmbeddingHandler)

    @property
    def base_url(self) -> str:
        return f"{self.url}/compatible-mode/v1"


# --- OSS GetObject -------------------------------------------------------------------------------
def oss_v1_expected(secret: str, key_id: str, verb: str, headers: dict[str, str], resource: str) -> str:
    oss = sorted((k.lower(), v.strip()) for k, v in headers.items() if k.lower().startswith("x-oss-"))
    to_sign = "\n".join([verb, headers.get("Content-MD5", ""), headers.get("Content-Type", ""),
                         headers.get("Date", "")]) + "\n" + "".join(f"{k}:{v}\n" for k, v in oss) + resource
    sig = base64.b64encode(hmac.new(secret.encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
    return f"OSS {key_id}:{sig}"


class _OssHandler(_Handler):
    def do_GET(self) -> None:  # noqa: N802
        fake: FakeOSS = self.fake
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        bucket, _, key = path.lstrip("/").partition("/")
        headers = {k: v for k, v in self.headers.items()}
        with fake.lock:
            fake.requests.append({"bucket": bucket, "key": key, "headers": {k.lower(): v for k, v in headers.items()}})
        error = None
        if self.headers.get("x-oss-security-token") != fake.security_token:
            error = "InvalidAccessKeyId: missing or wrong x-oss-security-token for an STS AccessKey"
        elif not self.headers.get("Date"):
            error = "AccessDenied: Date header missing"
        elif self.headers.get("Authorization") != oss_v1_expected(
                fake.access_key_secret, fake.access_key_id, "GET", headers, f"/{bucket}/{key}"):
            error = "SignatureDoesNotMatch"
        if error:
            return self.reply(403, f"<Error><Code>{error}</Code></Error>".encode(), "application/xml")
        body = fake.objects.get((bucket, key))
        if body is None:
            return self.reply(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
        if denied := fake.denial(bucket, key):
            return self.reply(403, f"<Error><Code>AccessDenied</Code><Message>{denied}</Message></Error>".encode(),
                              "application/xml")
        self.reply(200, body, "application/octet-stream")


class FakeOSS(_Server):
    """`bucket_keys`: buckets whose objects are SSE-KMS encrypted, with their key id; `policies`: the caller's
    RAM policy documents (None: no RAM evaluation, for tests of the signer alone)."""

    def __init__(self, access_key_id: str, access_key_secret: str, security_token: str, *, account: str = "",
                 region: str = "", policies: tuple[str, ...] | None = None,
                 bucket_keys: dict[str, str] | None = None) -> None:
        self.access_key_id, self.access_key_secret = access_key_id, access_key_secret
        self.security_token = security_token
        self.account, self.region, self.policies = account, region, policies
        self.bucket_keys = dict(bucket_keys or {})
        self.objects: dict[tuple[str, str], bytes] = {}
        self.requests: list[dict[str, Any]] = []
        super().__init__(_OssHandler)

    def denial(self, bucket: str, key: str) -> str:
        """Why RAM refuses this GetObject, or "" (the object exists and the signature is right)."""
        if self.policies is None:
            return ""
        if not allows(self.policies, "oss:GetObject", f"acs:oss:*:{self.account}:{bucket}/{key}"):
            return "You have no right to access this object because of bucket acl."
        kms_key = self.bucket_keys.get(bucket)
        if kms_key and not allows(self.policies, "kms:Decrypt", f"acs:kms:{self.region}:{self.account}:key/{kms_key}"):
            return "This request is forbidden by kms."
        return ""


# --- KMS GetSecretValue --------------------------------------------------------------------------
def rpc_expected_signature(params: dict[str, str], secret: str) -> str:
    def enc(s: str) -> str:
        return urllib.parse.quote(s, safe="-_.~")
    canonical = "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted(params.items()) if k != "Signature")
    to_sign = "GET&%2F&" + enc(canonical)
    return base64.b64encode(hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()).decode()


class _KmsHandler(_Handler):
    def do_GET(self) -> None:  # noqa: N802
        fake: FakeKMS = self.fake
        params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query, keep_blank_values=True))
        with fake.lock:
            fake.requests.append({k: v for k, v in params.items() if k != "Signature"})

        def error(status: int, code: str, message: str) -> None:
            self.reply(status, {"RequestId": "fake-request", "HostId": "kms.fake", "Code": code, "Message": message})

        if params.get("Action") != "GetSecretValue" or params.get("Version") != "2016-01-20":
            return error(400, "InvalidAction.NotFound", "unknown Action or Version")
        if params.get("AccessKeyId") != fake.access_key_id or params.get("SecurityToken") != fake.security_token:
            return error(403, "InvalidSecurityToken.Mismatch", "AccessKeyId or SecurityToken is wrong")
        if params.get("SignatureMethod") != "HMAC-SHA1" or params.get("Signature") != rpc_expected_signature(
                params, fake.access_key_secret):
            return error(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.")
        name = params.get("SecretName", "")
        arn = f"acs:kms:{fake.region}:{fake.account}:secret/{name}"
        if fake.policies is not None and not allows(fake.policies, "kms:GetSecretValue", arn):
            return error(403, "Forbidden.RAM", f"User not authorized to operate on the specified resource {arn}.")
        if name not in fake.secrets:
            return error(404, "Forbidden.ResourceNotFound", "The specified secret is not found.")
        value, data_type = fake.secrets[name]
        self.reply(200, {"RequestId": "fake-request", "SecretName": name, "SecretData": value,
                         "SecretDataType": data_type, "VersionId": "v1",
                         "VersionStages": {"VersionStage": ["ACSCurrent"]}, "CreateTime": "2026-01-01T00:00:00Z"})


class FakeKMS(_Server):
    def __init__(self, access_key_id: str, access_key_secret: str, security_token: str, *, account: str = "",
                 region: str = "", policies: tuple[str, ...] | None = None) -> None:
        self.access_key_id, self.access_key_secret = access_key_id, access_key_secret
        self.security_token = security_token
        self.account, self.region, self.policies = account, region, policies
        self.secrets: dict[str, tuple[str, str]] = {}
        self.requests: list[dict[str, str]] = []
        super().__init__(_KmsHandler)
