"""One model of a synthesized stack: review/cost (strict) and the gate (lenient) read the same resources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alicloud_ml.errors import InputError
from alicloud_ml.synthesized import load_synth, parse_ref, read_stack_file, references

STACK = {
    "//": {"metadata": {"stackName": "ml-dev"}},
    "provider": {"alicloud": [{"region": "cn-shanghai"}]},
    "resource": {
        "alicloud_vpc": {"net": {"//": {"metadata": {"path": "ml-dev/Network/Vpc"}}, "cidr_block": "10.0.0.0/16"}},
        "alicloud_vswitch": {"a": {"vpc_id": "${alicloud_vpc.net.id}", "cidr_block": "10.0.1.0/24"}},
    },
    "moved": [{"from": "alicloud_vswitch.old", "to": "alicloud_vswitch.a"}],
}


def _write(tmp_path: Path, data: object) -> Path:
    file = tmp_path / "stacks" / "ml-dev" / "cdk.tf.json"
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps(data, indent=1))
    return file


def test_review_and_gate_read_the_same_resources(tmp_path: Path) -> None:
    file = _write(tmp_path, STACK)
    strict = load_synth(tmp_path)["ml-dev"]
    lenient = read_stack_file(file, {}).stack
    assert lenient is not None
    assert strict.resources == lenient.resources
    vpc = strict.get("alicloud_vpc.net")
    assert vpc is not None and (vpc.path, vpc.stack, dict(vpc.attrs)) == (
        "ml-dev/Network/Vpc", "ml-dev", {"cidr_block": "10.0.0.0/16"})
    assert strict.region == "cn-shanghai" and strict.moved == {"alicloud_vswitch.a": "alicloud_vswitch.old"}
    assert strict.resolve(strict.by_address["alicloud_vswitch.a"].attrs["vpc_id"]) == vpc


def test_a_malformed_resource_stops_review_and_is_skipped_by_the_gate(tmp_path: Path) -> None:
    broken = {**STACK, "resource": {**STACK["resource"], "alicloud_oss_bucket": {"b": "not an object"}}}
    file = _write(tmp_path, broken)
    with pytest.raises(InputError) as caught:
        load_synth(tmp_path)
    assert (caught.value.field, caught.value.problem) == ("resource.alicloud_oss_bucket.b", "not an object")
    stack = read_stack_file(file, {}).stack
    assert stack is not None and [r.address for r in stack.resources] == ["alicloud_vpc.net", "alicloud_vswitch.a"]


def test_an_unreadable_file_is_the_gates_parse_error_not_an_exception(tmp_path: Path) -> None:
    file = tmp_path / "cdk.tf.json"
    file.write_text("{not json")
    read = read_stack_file(file, {})
    assert read.stack is None and "is not valid JSON" in read.error


@pytest.mark.parametrize(("value", "ref"), [
    ("${alicloud_vpc.Net_Vpc_1.id}", ("alicloud_vpc", "Net_Vpc_1", "id")),
    ("${module.net.alicloud_vpc.this.id}", ("module.net.alicloud_vpc", "this", "id")),
    ("${var.vpc_id.value}", None),  # a variable, not a resource
    ("${alicloud_vpc.a.id}-suffix", None),  # not a whole reference
    (42, None),
])
def test_parse_ref_reads_whole_references_only(value: object, ref: tuple[str, str, str] | None) -> None:
    assert parse_ref(value) == ref


def test_references_finds_every_resource_reference_inside_expressions() -> None:
    assert references(["${alicloud_vswitch.a[0].id},${alicloud_x.y.*.id}", "${var.z.id}", "plain"]) == [
        ("alicloud_vswitch.a", "id"), ("alicloud_x.y", "id")]
