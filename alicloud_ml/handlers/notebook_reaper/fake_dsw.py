"""A loopback stand-in for the two PAI-DSW APIs the reaper calls, for tests and the demo.

Why a server and not a mocked client: the real SDK then builds, signs and sends real requests, and
parses real JSON, so the tests cover everything but the network. It is kept honest about what it
checks:

- Routes and actions as the SDK sends them (SDK alibabacloud_pai_dsw20220101 2.4.0 client.py):
  ListInstances = `GET /api/v2/instances`, StopInstance = `PUT /api/v2/instances/{InstanceId}/stop`,
  ROA style, headers `x-acs-action` and `x-acs-version: 2022-01-01`.
- Every request's ACS3-HMAC-SHA256 signature is recomputed with the secret the fake was given,
  the way tea_openapi 0.4.6 utils.py `get_authorization` builds it, and an STS token is required
  in `x-acs-security-token` when the fake was given one.
- Response bodies use the API's JSON names (SDK models/_list_instances_response_body.py,
  _stop_instance_response_body.py): `Instances`, `TotalCount`, `InstanceId`, `Status`, `Labels[{Key,Value}]`,
  `Tags[{TagKey,TagValue}]`, `IdleInstanceCuller{IdleTimeInMinutes,...}`.

- With `policies` (the caller's RAM policy documents), every request is evaluated as RAM does
  (`alicloud_ml.ram_policy`): ListInstances and StopInstance authorise on "All resources", so only a
  statement whose Resource is `*` grants them (the API pages cited at dsw.REQUIRED_ACTIONS).

What it invents (not documented, listed as assumptions): the error codes other than
InternalError/ValidationError, the default page size (10), and that stopping a non-Running
instance is a 400 ValidationError. A stop moves the instance to `Stopping`; `settle()` finishes it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

API_VERSION = "2022-01-01"
DEFAULT_PAGE_SIZE = 10
_STOP_PATH = re.compile(r"^/api/v2/instances/([^/]+)/stop$")
_AUTH = re.compile(r"^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$")


def sample_instance(
    instance_id: str,
    name: str,
    *,
    status: str = "Running",
    workspace_id: str = "ws-demo",
    labels: dict[str, str] | None = None,
    tags: dict[str, str] | None = None,
    gpu: bool = True,
    idle_minutes: int | None = None,
    payment_type: str = "PayAsYouGo",
) -> dict[str, Any]:
    """One `Instances[]` element in the API's JSON names (SDK models/_list_instances_response_body.py)."""
    item: dict[str, Any] = {
        "InstanceId": instance_id,
        "InstanceName": name,
        "Status": status,
        "WorkspaceId": workspace_id,
        "PaymentType": payment_type,
        "AcceleratorType": "GPU" if gpu else "CPU",
        "EcsSpec": "ecs.gn7i-c8g1.2xlarge" if gpu else "ecs.g6.xlarge",
        "GmtCreateTime": "2026-12-01T09:00:00Z",
        "GmtModifiedTime": "2026-12-02T09:00:00Z",
        "Labels": [{"Key": k, "Value": v} for k, v in (labels or {}).items()],
        "Tags": [{"TagKey": k, "TagValue": v} for k, v in (tags or {}).items()],
    }
    if idle_minutes is not None:
        item["IdleInstanceCuller"] = {
            "InstanceId": instance_id,
            "CpuPercentThreshold": 20,
            "GpuPercentThreshold": 10,
            "MaxIdleTimeInMinutes": 240,
            "IdleTimeInMinutes": idle_minutes,
        }
    return item


@dataclass
class Seen:
    """One request as the fake received it (header names lower-cased)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    status: int = 0


@dataclass
class FakeDsw:
    """The fake API. Use as a context manager; `endpoint` is what DSW_ENDPOINT should be."""

    instances: list[dict[str, Any]]
    access_key_id: str = "STS.fake-access-key-id"
    access_key_secret: str = "fake-access-key-secret"
    security_token: str | None = "fake-sts-token"
    fail_stop: set[str] = field(default_factory=set)  # instance ids whose StopInstance answers 500
    policies: tuple[str, ...] | None = None  # the caller's RAM policy documents; None: RAM is not evaluated
    max_page_size: int | None = None  # test knob: serve at most this many per page, whatever was asked
    requests: list[Seen] = field(default_factory=list)
    stop_calls: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeDsw:
        fake = self

        class Handler(_Handler):
            owner = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fake-dsw", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeDsw:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def endpoint(self) -> str:
        assert self._server is not None, "start() the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host.decode() if isinstance(host, bytes) else host}:{port}"

    # -- inspection --------------------------------------------------------------------------
    def instance(self, instance_id: str) -> dict[str, Any]:
        with self._lock:
            return next(i for i in self.instances if i["InstanceId"] == instance_id)

    def status_of(self, instance_id: str) -> str:
        return self.instance(instance_id)["Status"]

    def settle(self) -> None:
        """Finish every stop in progress (DSW does this asynchronously)."""
        with self._lock:
            for item in self.instances:
                if item["Status"] == "Stopping":
                    item["Status"] = "Stopped"

    # -- API ---------------------------------------------------------------------------------
    def denied(self, action: str) -> tuple[int, dict[str, Any]] | None:
        """RAM's refusal of `action` for the caller's policies ("All resources": the request's resource is *)."""
        if self.policies is None:
            return None
        from alicloud_ml.ram_policy import allows  # not needed by the demo without policies

        if allows(self.policies, action, "*"):
            return None
        return _error(403, "Forbidden.RAM", f"You are not authorized to do action: {action}")

    def list_instances(self, query: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if refused := self.denied("paidsw:ListInstances"):
            return refused
        try:
            page = int(query.get("PageNumber", "1"))
            size = int(query.get("PageSize", str(DEFAULT_PAGE_SIZE)))
        except ValueError:
            return _error(400, "ValidationError", "PageNumber and PageSize must be integers")
        if page < 1 or size < 1:
            return _error(400, "ValidationError", "PageNumber and PageSize must be positive")
        if self.max_page_size is not None:
            size = min(size, self.max_page_size)
        with self._lock:
            matched = [i for i in self.instances if _matches(i, query)]
            chunk = json.loads(json.dumps(matched[(page - 1) * size : page * size]))
        return 200, {
            "RequestId": _request_id(),
            "Success": True,
            "Instances": chunk,
            "TotalCount": len(matched),
        }

    def stop_instance(self, instance_id: str) -> tuple[int, dict[str, Any]]:
        if refused := self.denied("paidsw:StopInstance"):
            return refused
        with self._lock:
            self.stop_calls.append(instance_id)
            item = next((i for i in self.instances if i["InstanceId"] == instance_id), None)
            if item is None:
                return _error(404, "InstanceNotFound", f"instance {instance_id} does not exist")
            if instance_id in self.fail_stop:
                return _error(500, "InternalError", f"injected failure stopping {instance_id}")
            if item["Status"] != "Running":
                return _error(400, "ValidationError", f"instance {instance_id} is {item['Status']}, not Running")
            item["Status"] = "Stopping"
        return 200, {"RequestId": _request_id(), "Success": True, "InstanceId": instance_id}

    # -- request checks ----------------------------------------------------------------------
    def check_auth(self, seen: Seen, body: bytes) -> tuple[int, dict[str, Any]] | None:
        """None when the request is signed by the known key (and carries the STS token)."""
        match = _AUTH.match(seen.headers.get("authorization", ""))
        if not match:
            return _error(401, "MissingAuthorization", "no ACS3-HMAC-SHA256 Authorization header")
        key_id, signed, signature = match.groups()
        if key_id != self.access_key_id:
            return _error(401, "InvalidAccessKeyId.NotFound", "unknown AccessKey ID")
        if self.security_token is not None and seen.headers.get("x-acs-security-token") != self.security_token:
            return _error(401, "InvalidSecurityToken", "STS security token missing or wrong")
        payload_hash = hashlib.sha256(body).hexdigest()
        if seen.headers.get("x-acs-content-sha256") != payload_hash:
            return _error(400, "ContentSha256Mismatch", "x-acs-content-sha256 does not match the body")
        names = signed.split(";")
        if "host" not in names or any(name not in seen.headers for name in names):
            return _error(401, "IncompleteSignature", "signed headers missing from the request")
        canonical = "\n".join(
            [
                seen.method,
                seen.path,
                "&".join(f"{k}={quote(v, safe='~')}" for k, v in sorted(seen.query.items())),
                "".join(f"{name}:{seen.headers[name].strip()}\n" for name in names),
                signed,
                payload_hash,
            ]
        )
        to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
        expected = hmac.new(self.access_key_secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return _error(401, "SignatureDoesNotMatch", "the request signature does not match")
        return None


class _Handler(BaseHTTPRequestHandler):
    owner: FakeDsw
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms delayed-ACK stall

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._serve()

    def do_PUT(self) -> None:  # noqa: N802
        self._serve()

    def do_POST(self) -> None:  # noqa: N802
        self._serve()

    def _serve(self) -> None:
        fake = self.owner
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen = Seen(
            method=self.command,
            path=parts.path,
            query=dict(parse_qsl(parts.query, keep_blank_values=True)),
            headers={k.lower(): v for k, v in self.headers.items()},
        )
        stop = _STOP_PATH.match(parts.path)
        if self.command == "GET" and parts.path == "/api/v2/instances":
            action, route = "ListInstances", lambda: fake.list_instances(seen.query)
        elif self.command == "PUT" and stop:
            instance_id = unquote(stop.group(1))
            action, route = "StopInstance", lambda: fake.stop_instance(instance_id)
        else:
            action, route = None, None

        if route is None:
            status, payload = _error(404, "NotFound", f"no route for {self.command} {parts.path}")
        elif seen.headers.get("x-acs-action") != action or seen.headers.get("x-acs-version") != API_VERSION:
            status, payload = _error(400, "ValidationError", f"expected x-acs-action {action}, version {API_VERSION}")
        else:
            status, payload = fake.check_auth(seen, body) or route()
        seen.status = status
        with fake._lock:
            fake.requests.append(seen)
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
        pass  # the tests read `requests`; stderr stays quiet


def _matches(item: dict[str, Any], query: dict[str, str]) -> bool:
    """ListInstances filters: WorkspaceId, Status, and ResourceId (empty: pay-as-you-go only; ALL: all)."""
    if "WorkspaceId" in query and item.get("WorkspaceId") != query["WorkspaceId"]:
        return False
    if "Status" in query and item.get("Status") != query["Status"]:
        return False
    resource = query.get("ResourceId", "")
    if resource == "":
        return item.get("PaymentType") == "PayAsYouGo"
    return resource == "ALL" or item.get("ResourceId") == resource


def _error(status: int, code: str, message: str) -> tuple[int, dict[str, Any]]:
    return status, {"RequestId": _request_id(), "Success": False, "Code": code, "Message": message}


def _request_id() -> str:
    return str(uuid.uuid4()).upper()
