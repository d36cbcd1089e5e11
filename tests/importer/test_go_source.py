"""The Go importer on a small fake provider: every construct the real provider uses, exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alicloud_ml.importer.docs import apply_docs
from alicloud_ml.importer.go_source import read_go_source

FIXTURES = Path(__file__).parent / "fixtures"
PROVIDER = FIXTURES / "provider"


@pytest.fixture(scope="module")
def imported():
    result = read_go_source(PROVIDER / "alicloud")
    apply_docs(PROVIDER / "website" / "docs", result.resource_schemas, result.data_source_schemas,
               result.go_functions)
    return result


def attrs(imported, rtype: str) -> dict:
    return imported.resource_schemas[rtype]["block"]["attributes"]


def test_fixture_provider_imports_to_the_exact_expected_json(imported):
    produced = json.loads(json.dumps({
        "resource_schemas": imported.resource_schemas, "data_source_schemas": imported.data_source_schemas,
        "unreadable": imported.unreadable, "notes": imported.notes}))

    assert produced == json.loads((FIXTURES / "expected_go_import.json").read_text())


def test_every_name_in_both_maps_is_imported_or_listed_unreadable(imported):
    names = set(imported.resource_schemas) | {u["type"] for u in imported.unreadable}

    assert names == {"alicloud_widget", "alicloud_gadget", "alicloud_assembled", "alicloud_dynamic_thing",
                     "alicloud_runtime_typed", "alicloud_cs_kubernetes_node_pool"}
    assert set(imported.data_source_schemas) == {"alicloud_widgets"}


def test_alias_without_a_page_gets_the_schema_and_docs_of_its_go_function(imported):
    widget, gadget = attrs(imported, "alicloud_widget"), attrs(imported, "alicloud_gadget")

    assert widget == gadget
    assert imported.go_functions["resource_schemas"]["alicloud_gadget"] == "resourceAliCloudWidget"


def test_constants_helpers_and_validators_are_resolved(imported):
    widget = attrs(imported, "alicloud_widget")

    assert widget["size"]["allowed_values"] == ["small", "large"] and widget["size"]["default"] == "small"
    assert widget["schedule"]["default"] == "wd-daily"
    assert widget["tags"]["type"] == ["map", "string"]
    assert widget["max_retries"]["range"] == [1, None]
    assert widget["instance_name"]["validation_pattern"] == "^[a-zA-Z][a-zA-Z0-9-]{1,14}[a-zA-Z0-9]$"
    assert widget["name"]["length"] == [2, 128]


def test_removed_attributes_stay_with_their_message_and_deprecated_keep_theirs(imported):
    widget = attrs(imported, "alicloud_widget")

    # SDK v1.17.2 helper/schema/core_schema.go:44 lowers every entry, Removed ones included
    assert widget["legacy"]["removed"] and widget["legacy"]["optional"]
    assert widget["old_name"]["deprecated"].startswith("Field 'old_name' has been deprecated from provider version 1.2.0")


def test_computed_only_nested_resource_is_an_object_list_attribute_not_a_block(imported):
    widget = imported.resource_schemas["alicloud_widget"]["block"]

    assert widget["attributes"]["endpoints"]["type"] == ["list", ["object", {"host": "string", "port": "number"}]]
    assert "endpoints" not in widget["block_types"]


def test_required_block_gets_min_items_1_and_timeouts_are_a_single_block(imported):
    blocks = imported.resource_schemas["alicloud_widget"]["block"]["block_types"]

    assert blocks["network"]["min_items"] == 1 and blocks["network"]["required"] is True
    assert blocks["timeouts"]["nesting_mode"] == "single"
    assert set(blocks["timeouts"]["block"]["attributes"]) == {"create", "delete"}


def test_schema_map_assembled_in_a_variable_is_read(imported):
    assert set(attrs(imported, "alicloud_assembled")) == {"base", "extra", "id"}


def test_run_time_schemas_are_listed_unreadable_with_file_and_line(imported):
    reasons = {u["type"]: u["reason"] for u in imported.unreadable}

    assert reasons["alicloud_dynamic_thing"] == (
        "schema built dynamically in a loop at alicloud/resource_alicloud_dynamic_thing.go:16")
    assert "typeFromEnvironment()" in reasons["alicloud_runtime_typed"]


def test_go_only_patterns_are_omitted_and_noted(imported):
    assert "validation_pattern" not in attrs(imported, "alicloud_widget")["han_name"]
    assert any("p{Han}" in n["note"] for n in imported.notes if n["type"] == "alicloud_widget")


def test_data_source_gets_implicit_id_and_nested_computed_types(imported):
    ds = imported.data_source_schemas["alicloud_widgets"]["block"]["attributes"]

    assert ds["id"] == {"type": "string", "optional": True, "computed": True, "description_kind": "plain"}
    assert ds["widgets"]["type"] == ["list", ["object", {"id": "string", "disks": ["set", ["object", {"size": "number"}]]}]]
