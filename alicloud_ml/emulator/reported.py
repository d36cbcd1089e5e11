"""What the cloud reports for an attribute the config leaves out, where the schema or the name says it.

The provider's Read copies the API's answer into state, and for a created object that answer is rarely
empty: it has a status, timestamps, an ARN; an enumerated setting the caller omitted comes back with one
of its values. The provider team's acceptance tests check exactly this (`"status": CHECKSET` after create,
terraform-provider-alicloud v1.289.0 alicloud/resource_alicloud_*_test.go). The rules here are general:

- `status`: the ready state its listing data source accepts as a filter (`alicloud_ga_accelerators`
  takes `active`, `alicloud_amqp_instances` `SERVING`, `alicloud_resource_manager_resource_groups` `OK`:
  the provider's data source schemas, website/docs/d/*.html.markdown), else `Available`;
- an Optional+Computed status-like attribute (`*_status`, `*_state`) with accepted values (the provider's
  `validation.StringInSlice`): the ready word among them;
- timestamps of the last change (`update_time`, `gmt_modified`, `last_modified_time`, ...): now;
- `arn`: Alibaba Cloud's resource name form `acs:<product>:<region>:<account id>:<resource>/<id>` (RAM docs,
  "Resource ARN": https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from alicloud_ml import schema
from alicloud_ml.emulator.ids import ACCOUNT_ID, now
from alicloud_ml.emulator.wire import UNKNOWN

#: How data sources spell a ready object's status, most specific first.
READY = ("Available", "available", "Active", "active", "OK", "Running", "running", "SERVING", "Serving", "InService",
         "Normal", "normal", "Enabled", "Enable", "ENABLE", "enable", "Activated", "Online", "online", "Ready",
         "Success", "Succeeded", "Created")
_CHANGED = re.compile(r"^(gmt_modified|(update|modify|modified|last_modified|last_update|gmt_update|gmt_modify)"
                      r"(_time|_date|_at)?)$")
_BACKTICKED = re.compile(r"`([^`]+)`")


def value(type_name: str, name: str, attr: Any, state: dict[str, Any], region: str) -> Any:
    """The value the cloud reports for `name`, or UNKNOWN when no rule here says."""
    if name == "status":
        return ready_status(type_name) or UNKNOWN
    if attr.optional and attr.allowed and name.endswith(("status", "state")):
        return _ready(attr.allowed) or UNKNOWN
    if _CHANGED.match(name):
        return now()
    if name == "arn" and state.get("id") not in (None, UNKNOWN):
        product = type_name.removeprefix("alicloud_").split("_")[0]
        kind = type_name.removeprefix(f"alicloud_{product}_") if type_name != f"alicloud_{product}" else product
        return f"acs:{product}:{region}:{ACCOUNT_ID}:{kind.replace('_', '')}/{state['id']}"
    return UNKNOWN


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
