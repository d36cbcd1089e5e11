"""Synth-vs-synth diff: actions, force-new attribution and replacement propagation."""

from __future__ import annotations

from alicloud_ml.review.diff import diff_synth
from alicloud_ml.review.model import Action
from alicloud_ml.synthesized import load_synth

from .helpers import CPFS, POOL, address, body, changed, platform, write_synth


def _diff(tmp_path, base, head):
    b = load_synth(write_synth(tmp_path / "base", {"ml-dev": base}))
    h = load_synth(write_synth(tmp_path / "head", {"ml-dev": head}))
    (stack,) = diff_synth(b, h)
    return {c.address: c for c in stack.changes}


def test_identical_synths_have_no_changes(tmp_path):
    changes = _diff(tmp_path, platform(), platform())
    assert {c.action for c in changes.values()} == {Action.NO_OP}


def test_cpfs_capacity_change_updates_in_place(tmp_path):
    base = platform()
    changes = _diff(tmp_path, base, changed(base, CPFS, capacity=7200))
    cpfs = changes[address(base, CPFS)]
    assert cpfs.action is Action.UPDATE
    assert [(a.path, a.before, a.after, a.forces_replacement) for a in cpfs.attributes] == [("capacity", 3600, 7200, False)]


def test_cpfs_storage_type_change_replaces_and_names_the_attribute(tmp_path):
    base = platform()
    cpfs = _diff(tmp_path, base, changed(base, CPFS, storage_type="advance_200"))[address(base, CPFS)]
    assert cpfs.action is Action.REPLACE and cpfs.destructive
    assert cpfs.reasons == ["`storage_type` forces replacement"]


def test_node_pool_security_group_ids_change_replaces_pool(tmp_path):
    base = platform()
    head = changed(base, POOL, security_group_ids=["${alicloud_security_group.Other.id}"])
    pool = _diff(tmp_path, base, head)[address(base, POOL)]
    assert pool.action is Action.REPLACE and pool.destructive
    assert pool.reasons == ["`security_group_ids` forces replacement"]


def test_set_attribute_reordered_is_not_a_change(tmp_path):
    base = changed(platform(), POOL, security_group_ids=["${a_b.c.id}", "${a_b.d.id}"])
    head = changed(base, POOL, security_group_ids=["${a_b.d.id}", "${a_b.c.id}"])
    assert _diff(tmp_path, base, head)[address(base, POOL)].action is Action.NO_OP


def test_number_written_as_string_is_not_a_change(tmp_path):
    base = platform()
    head = changed(base, POOL, desired_size=2)
    assert _diff(tmp_path, base, head)[address(base, POOL)].action is Action.NO_OP


def test_vpc_replacement_propagates_to_vswitch_via_force_new_vpc_id(tmp_path):
    # GIVEN a vswitch whose force-new vpc_id references the VPC
    base = platform()
    # WHEN a force-new VPC attribute changes
    head = changed(base, "alicloud_vpc", ipv6_cidr_block="2408:4000::/56")
    changes = _diff(tmp_path, base, head)
    # THEN the VPC, the vswitch, the security group and the CPFS (vpc_id force-new) are replaced
    assert changes[address(base, "alicloud_vpc")].action is Action.REPLACE
    vswitch = changes[address(base, "alicloud_vswitch")]
    assert vswitch.action is Action.REPLACE
    assert vswitch.reasons == ["`vpc_id` references `alicloud_vpc.Platform_Network_Vpc_Resource_A1`, which is replaced"]
    (vpc_id,) = vswitch.attributes
    assert vpc_id.after_unknown and vpc_id.forces_replacement
    assert changes[address(base, CPFS)].action is Action.REPLACE


def test_replacement_propagates_transitively_and_non_force_new_reference_updates(tmp_path):
    base = platform()
    head = changed(base, "alicloud_vpc", ipv6_cidr_block="2408:4000::/56")
    changes = _diff(tmp_path, base, head)
    # vswitch replaced -> cluster's vswitch_ids (not force-new) -> cluster updated, not replaced
    assert changes[address(base, "alicloud_cs_managed_kubernetes")].action is Action.UPDATE
    # security group replaced (vpc_id force-new) -> pool security_group_ids force-new -> pool replaced
    pool = changes[address(base, POOL)]
    assert pool.action is Action.REPLACE
    assert any("alicloud_security_group" in r for r in pool.reasons)


def test_update_of_referenced_resource_does_not_touch_computed_references(tmp_path):
    base = platform()
    head = changed(base, "alicloud_vpc", vpc_name="ml-renamed")
    changes = _diff(tmp_path, base, head)
    assert changes[address(base, "alicloud_vpc")].action is Action.UPDATE
    assert changes[address(base, "alicloud_vswitch")].action is Action.NO_OP


def test_nested_force_new_attribute_replaces(tmp_path):
    table = {"alicloud_ots_table": {"T": body("s/T", instance_name="i", table_name="t", max_version=1,
                                              time_to_live=-1, primary_key=[{"name": "id", "type": "String"}])}}
    head = changed(table, "alicloud_ots_table", primary_key=[{"name": "key", "type": "String"}])
    ots = _diff(tmp_path, table, head)["alicloud_ots_table.T"]
    assert ots.action is Action.REPLACE
    assert ots.reasons == ["`primary_key.name` forces replacement"]
    assert ots.attributes[0].path == "primary_key[0].name"


def test_force_new_block_added_replaces(tmp_path):
    base = platform()
    head = changed(base, POOL, auto_mode=[{"enabled": True}])
    pool = _diff(tmp_path, base, head)[address(base, POOL)]
    assert pool.action is Action.REPLACE
    assert pool.reasons == ["`auto_mode.enabled` forces replacement"]


def test_removed_resource_is_deleted_and_added_one_created(tmp_path):
    base = platform()
    head = {k: v for k, v in base.items() if k != CPFS}
    head["alicloud_oss_bucket"] = {"B": body("ml-dev/B/Resource", bucket="ml-data")}
    changes = _diff(tmp_path, base, head)
    assert changes[address(base, CPFS)].action is Action.DELETE and changes[address(base, CPFS)].destructive
    assert changes["alicloud_oss_bucket.B"].action is Action.CREATE


def test_renamed_construct_is_hinted_and_moved_block_keeps_it(tmp_path):
    base = platform()
    head = {**base, CPFS: {"Renamed": base[CPFS]["Platform_Storage_Cpfs_Resource_F6"]}}
    changes = _diff(tmp_path, base, head)
    assert "moved" in changes["alicloud_nas_file_system.Renamed"].hints[0]
    out = write_synth(tmp_path / "moved", {"ml-dev": head})
    doc_file = out / "stacks/ml-dev/cdk.tf.json"
    import json
    doc = json.loads(doc_file.read_text())
    doc["moved"] = [{"from": address(base, CPFS), "to": "alicloud_nas_file_system.Renamed"}]
    doc_file.write_text(json.dumps(doc))
    (stack,) = diff_synth(load_synth(write_synth(tmp_path / "b2", {"ml-dev": base})), load_synth(out))
    assert {c.action for c in stack.changes} == {Action.NO_OP}


def test_lifecycle_ignore_changes_is_honoured(tmp_path):
    base = changed(platform(), POOL, lifecycle={"ignore_changes": ["desired_size"]})
    head = changed(base, POOL, desired_size="4")
    assert _diff(tmp_path, base, head)[address(base, POOL)].action is Action.NO_OP
