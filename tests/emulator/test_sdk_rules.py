"""The emulator's validate and plan rules, checked against terraform-plugin-sdk v1.17.2's own (no Terraform run).

Each test builds the configuration Terraform would send (null for what is not written, UNKNOWN for what
is not known yet) and asserts what the SDK's helper/schema would answer; the line cited is the SDK rule.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator import objects, planner, spec
from alicloud_ml.emulator.validate import validate_resource
from alicloud_ml.emulator.wire import UNKNOWN


def _config(type_name: str, **values: Any) -> dict[str, Any]:
    block = spec.resource(type_name)
    out: dict[str, Any] = {name: None for name in block.attrs}
    out.update({name: (None if nested.mode == "single" else []) for name, nested in block.blocks.items()})
    out.update(values)
    return out


def _errors(type_name: str, **values: Any) -> list[str]:
    problems = validate_resource(type_name, spec.resource(type_name), _config(type_name, **values))
    return [p.summary + " " + p.detail for p in problems if p.severity == "error"]


INSTANCE = {"image_id": "ubuntu_22_04_x64_20G_alibase_20250630.vhd", "instance_type": "ecs.g7.large"}


def test_conflicting_attributes_both_unknown_pass_validate_as_the_sdk_defers_them() -> None:
    # schema.go:1462 skips checks of a value not wholly known; :1511 skips an unknown conflicting one
    assert _errors("alicloud_instance", **INSTANCE, secondary_private_ips=UNKNOWN,
                   secondary_private_ip_address_count=UNKNOWN) == []
    assert _errors("alicloud_instance", **INSTANCE, secondary_private_ips=["10.0.0.5"],
                   secondary_private_ip_address_count=UNKNOWN) == []


def test_a_known_conflicting_value_fails_even_when_it_is_an_empty_list() -> None:
    # ConfigValueFromHCL2Block keeps an empty list attribute, so ResourceConfig.get finds it (set)
    errors = _errors("alicloud_instance", **INSTANCE, secondary_private_ips=[], secondary_private_ip_address_count=2)
    assert any("secondary_private_ip_address_count conflicts with secondary_private_ips" in e for e in errors)


def test_a_list_holding_an_unknown_element_still_counts_as_set_for_the_other_side() -> None:
    # validateConflictingAttributes only skips a value that is wholly the unknown string
    errors = _errors("alicloud_instance", **INSTANCE, secondary_private_ips=["10.0.0.5", UNKNOWN],
                     secondary_private_ip_address_count=2)
    assert any("conflicts with secondary_private_ips" in e for e in errors)


def test_exactly_one_of_counts_an_unknown_member_neither_set_nor_missing() -> None:
    # schema.go:1558: none set is an error only when no member is unknown; two set is an error
    base = {"vpc_id": "vpc-1", "cidr_block": "10.0.1.0/24"}
    assert _errors("alicloud_vswitch", **base, zone_id=UNKNOWN) == []
    assert any("exactly one of zone_id, availability_zone must be set" in e for e in _errors("alicloud_vswitch", **base))
    both = _errors("alicloud_vswitch", **base, zone_id="cn-shanghai-b", availability_zone="cn-shanghai-b")
    assert any("Got zone_id, availability_zone" in e or "Got availability_zone, zone_id" in e for e in both)
    assert _errors("alicloud_vswitch", **base, zone_id="cn-shanghai-b", availability_zone=UNKNOWN) == []


def test_at_least_one_of_counts_an_unknown_member_as_set() -> None:
    # schema.go:1594: "We can ignore hcl2shim.UnknownVariable by assuming it's been set"
    assert _errors("alicloud_instance", instance_type="ecs.g7.large", image_id=UNKNOWN) == []
    assert any("one of image_id, launch_template_id, launch_template_name must be set" in e
               for e in _errors("alicloud_instance", instance_type="ecs.g7.large"))


def test_setting_a_removed_attribute_is_an_error_carrying_the_providers_message() -> None:
    # schema.go:2005: "%q: [REMOVED] %s"
    errors = _errors("alicloud_nat_gateway", vpc_id="vpc-1", spec="Small")
    assert errors == ["alicloud_nat_gateway: spec has been removed from the provider [REMOVED] Field `spec` has been "
                      "removed from provider version 1.121.0. New field `specification` instead."]
    assert _errors("alicloud_nat_gateway", vpc_id="vpc-1", spec=UNKNOWN) == []  # checked once known


def test_a_deprecated_attribute_warns_and_an_unset_one_does_not() -> None:
    block = spec.resource("alicloud_vswitch")
    config = _config("alicloud_vswitch", vpc_id="vpc-1", cidr_block="10.0.1.0/24", availability_zone="cn-shanghai-b")
    warnings = [p for p in validate_resource("alicloud_vswitch", block, config) if p.severity == "warning"]
    assert [p.path for p in warnings] == [["availability_zone"]]
    config.update(availability_zone=None, zone_id="cn-shanghai-b")
    assert [p for p in validate_resource("alicloud_vswitch", block, config) if p.severity == "warning"] == []


def test_a_nested_block_holding_an_unknown_is_not_checked_until_known() -> None:
    # validateList, schema.go:1655: unknowns inside a list skip its elements' checks
    bad = {"effect": "Sometimes", "key": "k", "value": "v"}
    assert _errors("alicloud_cs_kubernetes_node_pool", node_pool_name="p", cluster_id="c", vswitch_ids=["vsw-1"],
                   taints=[bad, {"effect": UNKNOWN, "key": "k2", "value": "v"}]) == []
    errors = _errors("alicloud_cs_kubernetes_node_pool", node_pool_name="p", cluster_id="c", vswitch_ids=["vsw-1"],
                     taints=[bad])
    assert any("taints.0.effect: invalid value 'Sometimes'" in e for e in errors)


def test_removed_attributes_are_in_the_schema_and_plan_to_null() -> None:
    block = spec.resource("alicloud_resource_manager_resource_group")
    assert block.attrs["create_date"].removed
    planned = planner.plan("alicloud_resource_manager_resource_group", block,
                           _config("alicloud_resource_manager_resource_group", resource_group_name="rg",
                                   display_name="rg"), None)
    assert planned["create_date"] is None and planned["id"] is UNKNOWN


def test_an_optional_computed_string_set_empty_keeps_the_prior_value_or_is_computed_on_create() -> None:
    # finalizeDiff, schema.go:394 and :419: "" on a Computed attribute is "unset"
    block = spec.resource("alicloud_vswitch")
    config = _config("alicloud_vswitch", vpc_id="vpc-1", cidr_block="10.0.1.0/24", zone_id="cn-shanghai-b",
                     vswitch_name="")
    assert planner.plan("alicloud_vswitch", block, config, None)["vswitch_name"] is UNKNOWN
    prior = {**config, "vswitch_name": "given-by-the-cloud", "id": "vsw-1"}
    assert planner.plan("alicloud_vswitch", block, config, prior)["vswitch_name"] == "given-by-the-cloud"


def test_json_documents_equal_in_meaning_plan_no_change_and_state_func_normalises_like_go() -> None:
    block = spec.resource("alicloud_ram_policy")
    assert block.attrs["policy_document"].diff_suppress == "json"
    old = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:Get*","Resource":"*"}]}'
    new = '{ "Statement": [ { "Resource": "*", "Action": "oss:Get*", "Effect": "Allow" } ], "Version": "1" }'
    planned = planner.plan("alicloud_ram_policy", block, _config("alicloud_ram_policy", policy_document=new),
                           {**_config("alicloud_ram_policy", policy_document=old), "id": "p"})
    assert planned["policy_document"] == old
    assert spec.resource("alicloud_pai_service").attrs["service_config"].state_func == "json"
    # Go's encoding/json: sorted keys, no spaces, integral floats without ".0", <>& escaped
    assert planner.normalise_json('{"b": 1.0, "a": "<x&y>"}') == '{"a":"\\u003cx\\u0026y\\u003e","b":1}'


def test_case_insensitive_values_plan_no_change() -> None:
    attr = spec.resource("alicloud_datahub_project").attrs["name"]
    assert attr.diff_suppress == "case_insensitive"
    assert planner.suppressed("case_insensitive", "MyProject", "myproject")
    assert not planner.suppressed("case_insensitive", "MyProject", "other")


def test_set_items_match_their_prior_items_by_user_provided_values() -> None:
    # serialize.go:89: the set hash skips computed-only attributes, so a filled one still matches
    rules = spec.resource("alicloud_oss_bucket").blocks["lifecycle_rule"].block
    item = {"id": "r1", "prefix": "logs/", "enabled": True}
    prior = [{**item, "expiration": [], "transitions": []}, {"id": "r2", "prefix": "tmp/", "enabled": True}]
    assert planner._set_match(rules, item, prior) is prior[0]


def test_two_resource_types_of_one_cloud_object_share_it() -> None:
    assert objects.family("alicloud_eip") == objects.family("alicloud_eip_address") == (
        "alicloud_eip", "alicloud_eip_address")
    assert "alicloud_cs_serverless_kubernetes" in objects.family("alicloud_cs_managed_kubernetes")
    assert objects.family("alicloud_image_import") == objects.family("alicloud_copy_image")
    assert objects.family("alicloud_image_export") == ("alicloud_image_export",)  # a facet of an image, not one
