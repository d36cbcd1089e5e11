"""The fidelity comparison counts what differs between two schema files, by kind."""

from __future__ import annotations

from alicloud_ml.importer.fidelity import PROVIDER, compare, normalise_mechanical


def doc(block: dict) -> dict:
    return {"provider_schemas": {PROVIDER: {"resource_schemas": {"alicloud_x": {"version": 0, "block": block}}}}}


def test_identical_blocks_have_no_mismatch_and_zero_min_items_equals_absent():
    old = {"attributes": {"a": {"type": "string", "optional": True, "min_items": 0}}}
    new = {"attributes": {"a": {"type": "string", "optional": True}}}

    report = compare(doc(old), doc(new))

    assert report["types_compared"] == 1 and report["attributes_compared"] == 1
    assert report["mismatches"] == []


def test_mismatches_are_grouped_by_kind_with_the_attribute_path():
    old = {"attributes": {"a": {"type": "string", "force_new": True}, "gone": {"type": "bool"}},
           "block_types": {"b": {"nesting_mode": "list", "max_items": 1,
                                 "block": {"attributes": {"c": {"type": "number", "range": [1, 2]}}}}}}
    new = {"attributes": {"a": {"type": "number"}},
           "block_types": {"b": {"nesting_mode": "set", "block": {"attributes": {"c": {"type": "number"}}}}}}

    report = compare(doc(old), doc(new))

    assert report["mismatches_by_kind"] == {"type": 1, "force_new": 1, "missing_attribute": 1, "nesting": 1,
                                            "items": 1, "range": 1}
    assert {m["path"] for m in report["mismatches"]} == {"alicloud_x.a", "alicloud_x.gone", "alicloud_x.b",
                                                          "alicloud_x.b.c"}


def test_mechanical_baselines_keep_removed_attributes_and_read_ranges_from_raw_validators():
    mechanical = doc({"attributes": {
        "old": {"type": "string", "removed": "gone"},
        "n": {"type": "number", "sdk_type": "TypeInt", "validation": "validation.IntBetween(1, INT_MAX)"}}})

    attributes = normalise_mechanical(mechanical)["provider_schemas"][PROVIDER]["resource_schemas"]["alicloud_x"][
        "block"]["attributes"]

    assert set(attributes) == {"old", "n"} and attributes["old"]["removed"] == "gone"
    assert attributes["n"]["range"] == [1, None] and attributes["n"]["number_kind"] == "int"


def test_committed_schema_matches_the_earlier_distilled_schema_except_one_documented_improvement():
    from alicloud_ml.importer.fidelity import BASELINE, SCHEMA_DIR, load

    report = compare(load(BASELINE), load(SCHEMA_DIR / "alicloud-1.289.0.zip"))

    assert report["types_compared"] == 34 and report["attributes_compared"] > 900
    # alicloud_nat_gateway.period: the Go code combines a range and a list; the old tool left such combinations out
    assert [(m["kind"], m["path"]) for m in report["mismatches"]] == [("allowed_values", "alicloud_nat_gateway.period")]
