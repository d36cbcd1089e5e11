"""What the cloud reports for an attribute the config leaves out, where the schema or the name says it.

The provider's Read copies the API's answer into state, and for a created object that answer is rarely
empty: it has a status, timestamps, an ARN; an enumerated setting the caller omitted comes back with one
of its values. The provider team's acceptance tests check exactly this (`"status": CHECKSET` after create,
terraform-provider-alicloud v1.289.0 alicloud/resource_alicloud_*_test.go). The rules here are general:

- `status`: the ready state its listing data source accepts as a filter (`alicloud_ga_accelerators`
  takes `active`, `alicloud_amqp_instances` `SERVING`, `alicloud_resource_manager_resource_groups` `OK`:
  the provider's data source schemas, website/docs/d/*.html.markdown), else `Available`;
- an Optional+Computed attribute with accepted values (the provider's `validation.StringInSlice`) and no
  documented default: the ready word among them for a status-like name (`*_status`, `*_state`), else the
  first the provider lists (its validation usually opens with the API's default: `Ipv4` before
  `DualStack`, `Wrr` before `Rr`);
- what an object placed in a vSwitch inherits when the config leaves it out: its VPC, zone, a private address;
- what only the cloud computes (Computed, not Optional): timestamps (`update_time`, `gmt_modified`,
  `created_at`, any `*_time`/`*_date`): now; an expiry (`expired_time`, `end_time`): `period` months on; `arn`: `acs:<product>:<region>:<account id>:<resource>/<id>` (RAM docs, "Resource
  ARN": https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements); the object's own id under its
  type's name (`ipv4_gateway_id` of `alicloud_vpc_ipv4_gateway`); endpoints and domains as a host under
  aliyuncs.com (a stand-in: each product has its own form); key fingerprints; a stand-in PEM for `*_pem`;
  `usable` for an image; a NIC's MAC under Alibaba
  Cloud's OUI 00:16:3e (IEEE registry); the creating account for `creator`, `*_owner`, `*account_id`.
"""

from __future__ import annotations

import ipaddress
import re
import secrets
import time
from collections.abc import Callable
from functools import cache
from typing import Any

from alicloud_ml import schema
from alicloud_ml.emulator.ids import ACCOUNT_ID, hexid, now
from alicloud_ml.emulator.wire import UNKNOWN

#: How data sources spell a ready object's status, most specific first.
READY = ("Available", "available", "Active", "active", "OK", "Running", "running", "SERVING", "Serving", "InService",
         "Normal", "normal", "Enabled", "Enable", "ENABLE", "enable", "Activated", "Online", "online", "Ready",
         "Success", "Succeeded", "Created")
_STAMP = re.compile(r"^(gmt_(create|created|modified|modify|update)|(create|created|creation|update|updated|modify|"
                    r"modified|last_modified|last_update)(_time|_date|_at|_timestamp))$")
_HOST = re.compile(r"^(domain|\w+_domain|connection_string|\w+_connection_string|endpoint|\w+_endpoint|end_point|cname"
                   r"|domain_name_endpoint)$")
_PRIVATE_IP = frozenset({"private_ip", "private_ip_address", "primary_ip_address", "ip_address", "primary_ip"})
_TIMESTAMP = re.compile(r"_(time|date|at)$")
_EXPIRY = re.compile(r"^(expired_time|expire_time|expiration_time|end_time|end_date|expired_date)$")
_FINGERPRINT = re.compile(r"^(finger_print|fingerprint|\w+_fingerprint)$")
_BACKTICKED = re.compile(r"`([^`]+)`")


def value(type_name: str, name: str, attr: Any, state: dict[str, Any], region: str, aliased: bool = False,
          lookup: Callable[[str, Any], Any] | None = None) -> Any:
    """The value the cloud reports for `name`, or UNKNOWN when no rule here says (`aliased`: another attribute
    of the type holds the same value, and its own default decides; `lookup` reads objects of the cloud)."""
    if name == "status":
        return ready_status(type_name) or UNKNOWN
    placed = _placement(name, state, lookup) if lookup is not None and attr.type == "string" \
        and (not attr.optional or name != "zone_id") else UNKNOWN  # an API may require a zone_id (CPFS does)
    if placed is not UNKNOWN:
        return placed
    if attr.optional and attr.allowed and not aliased:
        if name.endswith(("status", "state")):
            return _ready(attr.allowed) or UNKNOWN
        return attr.allowed[0]
    if attr.optional:
        return UNKNOWN  # the rules below name what the cloud computes on its own
    if name == "usable" and attr.type == "bool":
        return True  # an image the cloud reports is one instances can be created from
    if attr.type != "string":
        return UNKNOWN
    known_id = state.get("id") not in (None, UNKNOWN)
    product = type_name.removeprefix("alicloud_").split("_")[0]
    if _STAMP.match(name) or (_TIMESTAMP.search(name) and not _EXPIRY.match(name)):
        return now()
    if _EXPIRY.match(name):  # a subscription ends `period` months on (a month when the config says nothing)
        period = state.get("period")
        months = period if isinstance(period, int) and period > 0 else 1
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 30 * 86400 * months))
    if name == "arn" and known_id:
        kind = type_name.removeprefix(f"alicloud_{product}_") if type_name != f"alicloud_{product}" else product
        return f"acs:{product}:{region}:{ACCOUNT_ID}:{kind.replace('_', '')}/{state['id']}"
    if known_id and name.endswith("_id") and type_name.endswith("_" + name.removesuffix("_id")):
        return str(state["id"]).split(":")[-1]  # `ipv4_gateway_id` of alicloud_vpc_ipv4_gateway: its own id
    if _HOST.match(name) and known_id:
        host = re.sub(r"[^a-z0-9-]", "-", str(state["id"]).lower())
        return f"{host}.{product}.{region}.aliyuncs.com"
    if _FINGERPRINT.match(name):
        return ":".join(hexid(2) for _ in range(16))
    if name in ("mac", "mac_address"):
        return "00:16:3e:" + ":".join(hexid(2) for _ in range(3))  # ECS NICs carry Alibaba's OUI 00:16:3e
    if name in ("creator", "owner_account", "user_id") or name.endswith(("account_id", "_owner", "_uid")):
        return ACCOUNT_ID  # the emulated account owns what it creates
    if name.endswith("_pem"):  # a certificate (chain) the service issued: a stand-in PEM block
        return f"-----BEGIN CERTIFICATE-----\n{hexid(64)}\n-----END CERTIFICATE-----\n"
    return UNKNOWN


def _placement(name: str, state: dict[str, Any], lookup: Callable[[str, Any], Any]) -> Any:
    """What an object placed in a vSwitch inherits: its VPC, its zone (a vSwitch lies in one zone), a private
    address from its CIDR block (VPC "vSwitches": https://www.alibabacloud.com/help/en/vpc/user-guide/vswitch)."""
    if name not in ("vpc_id", "zone_id", "availability_zone") and name not in _PRIVATE_IP:
        return UNKNOWN
    ids = state.get("vswitch_ids")
    vswitch_id = state.get("vswitch_id") or (ids[0] if isinstance(ids, list) and ids else None)
    if not isinstance(vswitch_id, str) or not vswitch_id:
        return UNKNOWN
    vswitch = lookup("alicloud_vswitch", vswitch_id)
    if not vswitch:
        return UNKNOWN
    if name == "vpc_id":
        return vswitch.get("vpc_id") or UNKNOWN
    if name in ("zone_id", "availability_zone"):
        return vswitch.get("zone_id") or UNKNOWN
    try:
        network = ipaddress.ip_network(str(vswitch.get("cidr_block")), strict=False)
    except ValueError:
        return UNKNOWN
    hosts = max(network.num_addresses - 8, 1)  # the first and last addresses of a vSwitch are reserved
    return str(network.network_address + 4 + secrets.randbelow(hosts))


@cache
def ready_status(type_name: str) -> str | None:
    """The ready status of `type_name` as its listing data source spells it (case included, from its docs)."""
    for listing in _listings(type_name):
        status = schema.data_source_block(listing).get("attributes", {}).get("status") or {}
        allowed = status.get("allowed_values") or []
        word = _ready(allowed)
        if word is None:
            continue
        if status.get("allowed_values_ignore_case"):  # the docs spell the API's own case: "`ENABLE` and `DISABLE`"
            spelled = [w for w in _BACKTICKED.findall(status.get("description", "")) if w.lower() == word.lower()]
            return spelled[0] if spelled else word
        return word
    return None


def _ready(allowed: Any) -> str | None:
    return next((w for w in READY if w in allowed), None)


def _listings(type_name: str) -> list[str]:
    """The data sources listing `type_name` (`alicloud_vpc` → `alicloud_vpcs`, `…_policy` → `…_policies`)."""
    names = set(schema.data_source_types())
    stem = type_name[:-1] + "ies" if type_name.endswith("y") else type_name
    candidates = [type_name + "s", type_name + "es", stem, type_name + "_clusters"]
    return [c for c in dict.fromkeys(candidates) if c in names and c != type_name]


@cache
def _numbered(product: str) -> frozenset[str]:
    """`*_id` attributes the types of one product take as numbers (their schemas, TypeInt)."""
    out = set()
    for other in schema.resource_types():
        if other.removeprefix("alicloud_").split("_")[0] != product:
            continue
        for name, attr in schema.resource_block(other).get("attributes", {}).items():
            if name.endswith("_id") and attr.get("type") == "number":
                out.add(name)
    return frozenset(out)


def numeric_id(type_name: str, part: str | None = None) -> bool:
    """Whether an id the cloud issues is a number: its product's other types take it in a number attribute
    (DataWorks' `project_id`, Aligreen's `callback_id`, AnalyticDB's streaming `service_id`). `part` names one
    part of a composite id; without it, the whole id as `<thing>_id` for any tail of the type's name."""
    product = type_name.removeprefix("alicloud_").split("_")[0]
    numbered = _numbered(product)
    if part is not None:
        return part in numbered
    words = type_name.removeprefix("alicloud_").split("_")
    return any("_".join(words[i:]) + "_id" in numbered for i in range(len(words)))
