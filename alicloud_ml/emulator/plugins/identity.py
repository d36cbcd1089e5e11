"""RAM types: ids are names, ARNs in the account, and what RAM generates (role ids, policy versions)."""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.ids import ACCOUNT_ID, hexid, number, rand
from alicloud_ml.emulator.plugins.registry import Lookup, computed, identifier, known, statuses

#: A member account the resource directory created reports `CreateSuccess`, one of the statuses provider v1.289.0
#: website/docs/d/resource_manager_accounts.html.markdown lists (which one a fresh account shows is an assumption).
statuses({"alicloud_resource_manager_account": "CreateSuccess"})
#: Resource group ids look like `rg-acfmwvv********` (provider v1.289.0 website/docs/d/waf_instances.html.markdown:24);
#: member account ids are account ids (16 digits, like ids.ACCOUNT_ID).
identifier("alicloud_resource_manager_resource_group")(lambda s: "rg-acfm" + rand(10))
identifier("alicloud_resource_manager_account")(lambda s: number(16))


def _name(s: dict[str, Any], *keys: str) -> str:
    return next((str(s[k]) for k in keys if known(s.get(k))), "")


identifier("alicloud_ram_role")(lambda s: _name(s, "role_name", "name"))
identifier("alicloud_ram_policy")(lambda s: _name(s, "policy_name", "name"))


@identifier("alicloud_ram_role_policy_attachment")
def _attachment_id(s: dict[str, Any]) -> str:
    return f"role:{s.get('policy_name')}:{s.get('policy_type')}:{s.get('role_name')}"


@computed("alicloud_ram_role", "role_name", before_id=True)
def _role_name(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return _name(s, "name") or "tf-role-" + hexid(8)


@computed("alicloud_ram_policy", "policy_name", before_id=True)
def _policy_name(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return _name(s, "name") or "tf-policy-" + hexid(8)


@computed("alicloud_ram_role", "arn")
def _role_arn(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"acs:ram::{ACCOUNT_ID}:role/{str(s.get('role_name')).lower()}"


@computed("alicloud_ram_role", "role_id")
def _role_id(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return number(18)


@computed("alicloud_ram_policy", "version_id", "default_version")
def _policy_version(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "v1"


@computed("alicloud_ram_policy", "type")
def _policy_type(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "Custom"
