"""Everything the reaper asks of PAI-DSW, through the official SDK `alibabacloud_pai_dsw20220101`.

Why through the SDK and not raw HTTP: the SDK signs requests (ACS3-HMAC-SHA256) and carries the
STS token the way the gateway expects, so the tests that drive it against a loopback server exercise
the same bytes production sends. Facts below cite the SDK as `SDK <file>` (alibabacloud_pai_dsw20220101
2.4.0 and its alibabacloud_tea_openapi 0.4.6 base) or the API docs by URL.

The SDK is imported inside the functions that call it, so `REQUIRED_ACTIONS` and `Settings` can be
imported (by the construct that builds the function's RAM policy) where the SDK is not installed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .policy import ExemptTag, InstanceView

#: RAM actions the function's role needs, and nothing more. The handler calls exactly two APIs.
#: paidsw:ListInstances: https://www.alibabacloud.com/help/zh/pai/developer-reference/api-pai-dsw-2022-01-01-listinstances
#: paidsw:StopInstance:  https://help.aliyun.com/document_detail/470441.htm
#: Both list the resource type as "All resources" (no resource-level ARN), so the policy's
#: Resource must be "*".
#: As (action, resource, why) for the gate and the loopback DSW (alicloud_ml/handlers/permissions.py);
#: plain data, since this package ships alone in the function's code package.
REQUIRED_PERMISSIONS: tuple[tuple[str, str, str], ...] = (
    ("paidsw:ListInstances", "*", "list the workspace's notebooks"),
    ("paidsw:StopInstance", "*", "stop an idle, running notebook"),
)
REQUIRED_ACTIONS: tuple[str, ...] = tuple(action for action, _, _ in REQUIRED_PERMISSIONS)
#: An environment variable the handler requires: it marks a function in a stack as running this handler.
MARKER_ENV = "DSW_WORKSPACE_ID"
REQUIRED_ACTIONS_SOURCES: Mapping[str, str] = {
    "paidsw:ListInstances": (
        "https://www.alibabacloud.com/help/zh/pai/developer-reference/api-pai-dsw-2022-01-01-listinstances"
    ),
    "paidsw:StopInstance": "https://help.aliyun.com/document_detail/470441.htm",
}

#: Endpoint the SDK derives when DSW_ENDPOINT is unset: `<product><network>.<region>.aliyuncs.com`
#: with product `pai-dsw` (SDK client.py `_endpoint_rule = 'regional'`; tea_openapi utils.py
#: `get_endpoint_rules`), matching the public and VPC endpoints in
#: https://www.alibabacloud.com/help/en/pai/developer-reference/api-pai-dsw-2022-01-01-endpoint
#: (pai-dsw.cn-hangzhou.aliyuncs.com / pai-dsw-vpc.cn-hangzhou.aliyuncs.com).
ENDPOINT_TEMPLATE = "pai-dsw{network}.{region}.aliyuncs.com"

#: ListInstances' ResourceId: "empty: only pay-as-you-go instances; ALL: all instances"
#: (SDK models/_list_instances_request.py; same text in the ListInstances doc above). The reaper
#: defaults to ALL so subscription resource groups are not silently skipped.
DEFAULT_RESOURCE_ID = "ALL"
DEFAULT_PAGE_SIZE = 50
#: A bound on paging so a misbehaving API (TotalCount never reached) cannot loop the function
#: until its timeout: 1000 pages of 50 is far beyond any workspace.
MAX_PAGES = 1000

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """The function's configuration cannot be used; raised before any API call."""


@dataclass(frozen=True)
class Settings:
    """The reaper's configuration, read from the function's environment variables."""

    workspace_id: str
    region: str
    exempt: ExemptTag = field(default_factory=lambda: ExemptTag("overnight", "true"))
    dry_run: bool = False
    idle_minutes: int | None = None
    endpoint: str | None = None  # host[:port]; None lets the SDK derive it from the region
    protocol: str = "https"
    network: str | None = None  # "vpc" selects pai-dsw-vpc.<region>.aliyuncs.com
    resource_id: str = DEFAULT_RESOURCE_ID
    page_size: int = DEFAULT_PAGE_SIZE

    @classmethod
    def from_env(cls, env: Mapping[str, str], context_region: str | None = None) -> Settings:
        workspace_id = env.get("DSW_WORKSPACE_ID", "").strip()
        if not workspace_id:
            raise ConfigError("DSW_WORKSPACE_ID is required: the workspace whose notebooks are reaped")
        # FC sets FC_REGION for every function and passes context.region
        # (https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables,
        # https://www.alibabacloud.com/help/en/functioncompute/user-guide/context-1).
        region = (env.get("DSW_REGION") or context_region or env.get("FC_REGION") or "").strip()
        endpoint, protocol = _parse_endpoint(env.get("DSW_ENDPOINT", ""))
        if not region and not endpoint:
            raise ConfigError("no region: set DSW_REGION (FC normally provides context.region)")
        try:
            exempt = ExemptTag.parse(env.get("EXEMPT_TAG", "overnight=true"))
        except ValueError as err:
            raise ConfigError(f"EXEMPT_TAG: {err}") from None
        return cls(
            workspace_id=workspace_id,
            region=region,
            exempt=exempt,
            dry_run=_parse_bool("DRY_RUN", env.get("DRY_RUN", "")),
            idle_minutes=_parse_positive_int("IDLE_MINUTES", env.get("IDLE_MINUTES", ""), default=None),
            endpoint=endpoint,
            protocol=protocol,
            network=(env.get("DSW_NETWORK") or "").strip() or None,
            resource_id=(env.get("DSW_RESOURCE_ID") or DEFAULT_RESOURCE_ID).strip(),
            page_size=_parse_positive_int("DSW_PAGE_SIZE", env.get("DSW_PAGE_SIZE", ""), None) or DEFAULT_PAGE_SIZE,
        )


@dataclass(frozen=True)
class StsCredentials:
    access_key_id: str
    access_key_secret: str = field(repr=False)
    security_token: str = field(repr=False)


def credentials_from(context: object, env: Mapping[str, str]) -> StsCredentials:
    """The function role's STS credentials.

    FC's Python 3.10/3.9/3.6 runtimes pass them as `context.credentials` with `access_key_id`,
    `access_key_secret`, `security_token`; Python 3.12 removed that field and provides
    ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET / ALIBABA_CLOUD_SECURITY_TOKEN
    instead (https://www.alibabacloud.com/help/en/functioncompute/user-guide/context-1 and
    https://www.alibabacloud.com/help/id/functioncompute/fc/user-guide/context-1;
    https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables). Both work here.
    """
    creds = getattr(context, "credentials", None)
    if creds is not None and getattr(creds, "access_key_id", None):
        return StsCredentials(creds.access_key_id, creds.access_key_secret, creds.security_token or "")
    key_id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID", "")
    secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "")
    if not key_id or not secret:
        raise ConfigError(
            "no credentials: the function needs a role (context.credentials or ALIBABA_CLOUD_ACCESS_KEY_ID/"
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET/ALIBABA_CLOUD_SECURITY_TOKEN)"
        )
    return StsCredentials(key_id, secret, env.get("ALIBABA_CLOUD_SECURITY_TOKEN", ""))


def build_client(settings: Settings, creds: StsCredentials):  # -> alibabacloud_pai_dsw20220101.client.Client
    """An SDK client signed with the STS credentials.

    With a security token the tea_openapi base client switches the credential type to `sts` and
    sends it as `x-acs-security-token` on every request (tea_openapi client.py `__init__` and
    `do_request`).
    """
    from alibabacloud_pai_dsw20220101.client import Client
    from alibabacloud_tea_openapi.utils_models import Config

    config = Config(
        access_key_id=creds.access_key_id,
        access_key_secret=creds.access_key_secret,
        security_token=creds.security_token or None,
        region_id=settings.region or None,
        endpoint=settings.endpoint,
        protocol=settings.protocol,
        network=settings.network,
        connect_timeout=5000,  # milliseconds (darabonba core.py `do_action` divides by 1000)
        read_timeout=15000,
    )
    return Client(config)


def list_instances(client, settings: Settings) -> list[InstanceView]:
    """Every instance in the workspace, all pages, read before anything is stopped.

    Reading the whole list first matters: stopping while paging would change the listing under
    the pager. Paging uses PageNumber (from 1) and PageSize; the response carries TotalCount
    (SDK models/_list_instances_request.py and _list_instances_response_body.py).
    """
    from alibabacloud_pai_dsw20220101 import models

    seen: dict[str, InstanceView] = {}
    for page in range(1, MAX_PAGES + 1):
        request = models.ListInstancesRequest(
            workspace_id=settings.workspace_id,
            resource_id=settings.resource_id or None,
            page_number=page,
            page_size=settings.page_size,
        )
        body = client.list_instances(request).body
        if body.success is False:
            raise RuntimeError(f"ListInstances failed: {body.code} {body.message} (request {body.request_id})")
        items = body.instances or []
        for item in items:
            view = to_view(item)
            seen.setdefault(view.instance_id, view)
        # End on TotalCount when the API gives it, not on a short page: a service that caps
        # PageSize below what was asked would otherwise end the listing after page 1.
        total = body.total_count
        if not items or (len(seen) >= total if total is not None else len(items) < settings.page_size):
            return list(seen.values())
    raise RuntimeError(f"ListInstances did not end within {MAX_PAGES} pages")


def stop_instance(client, instance_id: str) -> None:
    """PUT /api/v2/instances/{InstanceId}/stop (SDK client.py `stop_instance_with_options`).

    SaveImage is left unset, so DSW stops without saving the environment as an image
    (https://help.aliyun.com/document_detail/470441.htm).
    """
    from alibabacloud_pai_dsw20220101 import models

    body = client.stop_instance(instance_id, models.StopInstanceRequest()).body
    if body is not None and body.success is False:
        raise RuntimeError(f"StopInstance refused: {body.code} {body.message} (request {body.request_id})")


def to_view(item) -> InstanceView:
    """ListInstancesResponseBodyInstances -> InstanceView.

    Labels are `[{Key, Value}]`, tags `[{TagKey, TagValue}]`, and idle time is
    `IdleInstanceCuller.IdleTimeInMinutes` (SDK models/_list_instances_response_body.py: "The time
    duration for which the instance is idle. Unit: minutes."); the culler block exists only for
    instances with an idle auto-stop rule (CreateIdleInstanceCuller,
    https://help.aliyun.com/zh/pai/user-guide/api-pai-dsw-2022-01-01-createidleinstanceculler).
    """
    labels = {lb.key: lb.value or "" for lb in (item.labels or []) if lb.key}
    tags = {tg.tag_key: tg.tag_value or "" for tg in (item.tags or []) if tg.tag_key}
    culler = item.idle_instance_culler
    idle = culler.idle_time_in_minutes if culler is not None else None
    return InstanceView(
        instance_id=item.instance_id or "",
        name=item.instance_name or "",
        status=item.status or "",
        labels=labels,
        tags=tags,
        idle_minutes=int(idle) if idle is not None else None,
    )


def _parse_endpoint(text: str) -> tuple[str | None, str]:
    """DSW_ENDPOINT is a host[:port] (HTTPS) or a URL whose scheme picks the protocol."""
    text = text.strip()
    if not text:
        return None, "https"
    if "://" not in text:
        return text.rstrip("/"), "https"
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/"):
        raise ConfigError(f"DSW_ENDPOINT must be host[:port] or http(s)://host[:port], got {text!r}")
    return parts.netloc, parts.scheme


def _parse_bool(name: str, text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    # A typo in DRY_RUN must not turn a rehearsal into a real stop.
    raise ConfigError(f"{name} must be true or false, got {text!r}")


def _parse_positive_int(name: str, text: str, default: int | None) -> int | None:
    text = text.strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ConfigError(f"{name} must be a positive integer, got {text!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be a positive integer, got {text!r}")
    return value
