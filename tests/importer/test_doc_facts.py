"""Id formats and the cloud's defaults, read from doc text the way the importer reads the provider's pages."""

from __future__ import annotations

import pytest

from alicloud_ml import schema
from alicloud_ml.importer.doc_facts import apply_defaults, docs_default, id_format


def test_id_format_from_the_id_attribute_text_or_the_import_example():
    assert id_format("alicloud_log_store", "The value is formulated as `<project_name>:<logstore_name>`.", "") == \
        "<project_name>:<logstore_name>"
    page = "```shell\n$ terraform import alicloud_cs_kubernetes_node_pool.example <cluster_id>:<node_pool_id>\n```"
    assert id_format("alicloud_cs_kubernetes_node_pool", "The id.", page) == "<cluster_id>:<node_pool_id>"
    assert id_format("alicloud_vpc", None, "$ terraform import alicloud_vpc.example <id>") is None


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("The maximum session time. Default value: `3600`. Valid values: `3600` to `43200`.", "number", 3600),
    ("The type of the group. Default value: `normal`. Valid values:", "string", "normal"),
    ("Default to 30, at least 30.", "number", 30),
    ("Valid values: - `PayByBandwidth` (default): pay-by-bandwidth.", "string", "PayByBandwidth"),
    ("The network type. By default, this value is set to `public`, which ...", "string", "public"),
    ("Whether to enable. Default to `false`.", "bool", False),
    ("Default value is null, the rule applies to all objects.", "string", None),
    ("No default here.", "string", None),
])
def test_docs_default_reads_the_usual_phrasings_typed_like_the_attribute(text, kind, value):
    assert docs_default(text, kind) == value


def test_only_computed_attributes_get_a_documented_default_and_it_respects_allowed_values():
    block = {"attributes": {
        "a": {"type": "string", "optional": True, "computed": True, "description": "Default value: `x`."},
        "b": {"type": "string", "optional": True, "description": "Default value: `x`."},
        "c": {"type": "string", "computed": True, "allowed_values": ["y"], "description": "Default value: `x`."}}}

    assert apply_defaults(block) == 1
    assert block["attributes"]["a"]["docs_default"] == "x" and "docs_default" not in block["attributes"]["b"]


def test_the_committed_schema_carries_id_formats_and_cloud_defaults():
    assert schema.resource_schema("alicloud_cs_kubernetes_node_pool")["id_format"] == "<cluster_id>:<node_pool_id>"
    attrs = schema.resource_block("alicloud_ram_role")["attributes"]
    assert attrs["max_session_duration"]["docs_default"] == 3600
    assert schema.resource_block("alicloud_security_group")["attributes"]["security_group_type"]["docs_default"] == \
        "normal"
