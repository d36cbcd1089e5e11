"""State is judged like terraform-plugin-sdk v1.17.2's test helpers, and configs render like the DSL does."""

from __future__ import annotations

import pytest

from alicloud_ml.acceptance import flatmap, hcl
from alicloud_ml.acceptance.runner import _hcl_address, _sdk_name

STATE = flatmap.flatten({
    "id": "vpc-1", "name": "a", "description": "", "enable_ipv6": False, "ipv6_cidr_block": None, "count": 3,
    "user_cidrs": ["106.11.62.0/24"], "tags": {"For": "Test"}, "empty": [], "timeouts": {"create": "5m"},
    "rules": [{"port": 80, "name": "web"}, {"port": 443, "name": "tls"}],
})


def test_flatmap_follows_the_sdk_counts_maps_and_leaves_nulls_out():
    assert STATE["user_cidrs.#"] == "1" and STATE["user_cidrs.0"] == "106.11.62.0/24"
    assert STATE["tags.%"] == "1" and STATE["tags.For"] == "Test" and STATE["empty.#"] == "0"
    assert STATE["rules.1.port"] == "443" and "rules.1.%" not in STATE  # a block element is an object
    assert STATE["enable_ipv6"] == "false" and STATE["count"] == "3"
    assert "ipv6_cidr_block" not in STATE and not any(k.startswith("timeouts") for k in STATE)


@pytest.mark.parametrize(("key", "expected", "holds"), [
    ("name", "a", True), ("name", "b", False), ("name", "#CHECKSET", True), ("description", "#CHECKSET", False),
    ("ipv6_cidr_block", "#NOSET", True), ("name", "#NOSET", False), ("empty.#", "#NOSET", True),
    ("missing.#", "0", True), ("missing", "", False), ("description", "", True),
    ("name", "#REGEXMATCH:^a$", True), ("rules.9999999.port", "443", True), ("rules.9999999.port", "8080", False),
])
def test_checks_hold_exactly_when_the_sdk_helpers_would(key, expected, holds):
    assert (flatmap.check(STATE, "alicloud_vpc.default", key, expected) is None) is holds


def test_a_check_on_a_resource_not_in_state_fails():
    assert "not found in state" in flatmap.check(None, "alicloud_vpc.default", "id", "#CHECKSET")


def test_import_verification_ignores_listed_prefixes_and_empty_containers():
    imported = {**STATE, "dry_run": "true", "tags.%": "1", "extra.#": "0"}
    state = {**STATE, "dry_run": "false"}
    assert flatmap.import_difference(imported, state, ("dry_run",)) == {}
    assert flatmap.import_difference({**imported, "name": "b"}, state, ("dry_run",)) == {"name": ("b", "a")}


def test_the_resource_block_renders_like_the_dsls_value_convert():
    text = hcl.resource_block("alicloud_nas_file_system.default", {
        "protocol_type": "NFS", "encrypt": True, "capacity": 100, "tags": {"For": "Test"},
        "recycle_bin": [{"status": "Enable"}, {"status": "Disable"}], "ids": ["${alicloud_vpc.default.id}"],
    })
    assert text.startswith('\n\nresource "alicloud_nas_file_system" "default" {\n')
    assert "  capacity = 100\n" in text and "  encrypt = true\n" in text
    assert text.count("recycle_bin {") == 2 and '"${alicloud_vpc.default.id}"' in text
    assert 'tags = {\n' in text and 'For = "Test"' in text


def test_markers_merge_like_config_update_and_keep_a_literal_for_a_key_never_set():
    merged = hcl.merge({"a": "1", "b": {"x": "y"}, "c": ["z"]}, {"a": "#REMOVEKEY", "b": "#CLEARMAP", "c": "#CLEARLIST",
                                                                 "d": "#REMOVEKEY"})
    assert merged == {"b": {}, "c": [], "d": "#REMOVEKEY"}


def test_addresses_convert_between_the_sdks_names_and_terraforms():
    assert _sdk_name("module.t001.alicloud_instance.default[1]") == "module.t001.alicloud_instance.default.1"
    assert _hcl_address("module.t001.alicloud_instance.default.1") == "module.t001.alicloud_instance.default[1]"
    assert _hcl_address("alicloud_vpc.default") == "alicloud_vpc.default"
