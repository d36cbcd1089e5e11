"""--from-schema-json: Terraform's own schema output in the project's layout, nothing invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alicloud_ml.errors import InputError
from alicloud_ml.importer.schema_json import DEPRECATED, read_schema_json

FIXTURE = Path(__file__).parent / "fixtures" / "terraform_schema.json"


def test_terraform_schema_json_is_normalised_to_the_exact_expected_layout():
    schemas = read_schema_json(FIXTURE)

    assert schemas["resource_schemas"] == {"alicloud_widget": {"version": 1, "block": {
        "attributes": {
            "id": {"type": "string", "description_kind": "plain", "optional": True, "computed": True},
            "name": {"type": "string", "description_kind": "plain", "required": True},
            "password": {"type": "string", "description_kind": "plain", "optional": True, "sensitive": True},
            "old_name": {"type": "string", "description_kind": "plain", "optional": True, "deprecated": DEPRECATED},
            "endpoints": {"type": ["list", ["object", {"host": "string"}]], "description_kind": "plain",
                          "computed": True},
        },
        "block_types": {
            "network": {"nesting_mode": "list", "min_items": 1, "max_items": 1, "required": True, "block": {
                "attributes": {"vpc_id": {"type": "string", "description_kind": "plain", "optional": True}},
                "description_kind": "plain"}},
            "timeouts": {"nesting_mode": "single", "block": {
                "attributes": {"create": {"type": "string", "description_kind": "plain", "optional": True}},
                "description_kind": "plain"}},
        },
        "description_kind": "plain"}}}
    assert schemas["data_source_schemas"]["alicloud_widgets"]["block"]["attributes"]["ids"] == {
        "type": ["list", "string"], "description_kind": "plain", "computed": True}
    assert schemas["provider"]["block"]["attributes"]["region"]["description"] == "The region."


def test_schema_json_has_no_go_only_facts():
    text = json.dumps(read_schema_json(FIXTURE))

    for key in ("force_new", "allowed_values", "default", "range", "number_kind"):
        assert f'"{key}"' not in text


def test_schema_json_without_the_alicloud_provider_names_the_file_and_the_expected_key(tmp_path):
    other = tmp_path / "schema.json"
    other.write_text(json.dumps({"provider_schemas": {"registry.terraform.io/hashicorp/aws": {}}}))

    with pytest.raises(InputError) as err:
        read_schema_json(other)

    assert str(other) in str(err.value) and "registry.terraform.io/aliyun/alicloud" in str(err.value)


def test_schema_json_that_is_not_json_is_bad_input(tmp_path):
    broken = tmp_path / "schema.json"
    broken.write_text("{not json")

    with pytest.raises(InputError, match="not readable JSON"):
        read_schema_json(broken)
