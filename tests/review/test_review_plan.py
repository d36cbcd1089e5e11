"""`--plan`: a `terraform show -json` plan summarizes to the same changes as the synth diff."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess


from alicloud_ml.emulator.install import install
from alicloud_ml.review.diff import diff_synth
from alicloud_ml.review.model import Action
from alicloud_ml.review.plan import load_plan
from alicloud_ml.synthesized import load_synth

from .helpers import body, write_synth
from .test_review_cli import run
from tests.tools import require


def _rc(address: str, actions: list[str], before=None, after=None, replace_paths=None, unknown=None, **extra):
    rtype, name = address.split(".")
    change = {"actions": actions, "before": before, "after": after, "after_unknown": unknown or {}}
    if replace_paths:
        change["replace_paths"] = replace_paths
    return {"address": address, "mode": "managed", "type": rtype, "name": name, "change": change, **extra}


def test_plan_actions_and_replace_paths_become_changes(tmp_path):
    plan = {"format_version": "1.2", "resource_changes": [
        _rc("alicloud_nas_file_system.cpfs", ["delete", "create"], {"storage_type": "advance_100", "id": "x"},
            {"storage_type": "advance_200"}, [["storage_type"]], {"id": True}),
        _rc("alicloud_ots_table.t", ["delete", "create"], {"primary_key": [{"name": "id", "type": "String"}]},
            {"primary_key": [{"name": "k", "type": "String"}]}, [["primary_key", 0, "name"]]),
        _rc("alicloud_vpc.v", ["update"], {"vpc_name": "a"}, {"vpc_name": "b"}),
        _rc("alicloud_oss_bucket.b", ["create"], None, {"bucket": "x"}, unknown={"id": True}),
        _rc("alicloud_log_store.l", ["delete"], {"name": "l"}, None, action_reason="delete_because_no_resource_config"),
        _rc("alicloud_vswitch.s", ["no-op"], {"a": 1}, {"a": 1}),
        {"address": "data.alicloud_zones.z", "mode": "data", "type": "alicloud_zones", "name": "z",
         "change": {"actions": ["read"]}},
    ]}
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    stack = load_plan(tmp_path / "plan.json", "ml-dev")
    by = {c.address: c for c in stack.changes}
    assert stack.counts() == {"create": 1, "update": 1, "replace": 2, "delete": 1, "no-op": 1}
    assert by["alicloud_nas_file_system.cpfs"].reasons == ["`storage_type` forces replacement"]
    assert by["alicloud_ots_table.t"].reasons == ["`primary_key.name` forces replacement"]
    assert by["alicloud_log_store.l"].destructive and by["alicloud_log_store.l"].reasons == ["removed from the configuration"]
    assert [a.path for a in by["alicloud_nas_file_system.cpfs"].attributes] == ["storage_type"]  # computed id hidden


def test_review_cli_renders_a_plan(tmp_path, capsys):
    plan = {"format_version": "1.2", "resource_changes": [
        _rc("alicloud_nas_file_system.cpfs", ["delete", "create"], {"storage_type": "advance_100"},
            {"storage_type": "advance_200", "file_system_type": "cpfs", "capacity": 3600}, [["storage_type"]])]}
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    code, out, _ = run(["review", "--plan", str(tmp_path / "plan.json"), "--fail-on-destroy"], capsys)
    assert code == 3 and "[!CAUTION]" in out and "Policy delta not computed" in out


# --- against the offline emulator: a real terraform plan of the same change --------------------------------

def _base():
    return {
        "alicloud_vpc": {"Vpc": body("ml-dev/Vpc/Resource", vpc_name="ml", cidr_block="10.0.0.0/8")},
        "alicloud_vswitch": {"Zone1": body("ml-dev/Zone1/Resource", vpc_id="${alicloud_vpc.Vpc.id}",
                                           cidr_block="10.1.0.0/16", zone_id="cn-shanghai-l")},
        "alicloud_security_group": {"Sg": body("ml-dev/Sg/Resource", vpc_id="${alicloud_vpc.Vpc.id}",
                                               security_group_name="training")},
        "alicloud_nas_file_system": {"Cpfs": body(
            "ml-dev/Cpfs/Resource", file_system_type="cpfs", protocol_type="cpfs", storage_type="advance_100",
            capacity=3600, zone_id="cn-shanghai-l", vpc_id="${alicloud_vpc.Vpc.id}",
            vswitch_id="${alicloud_vswitch.Zone1.id}")},
    }


def _head():
    head = copy.deepcopy(_base())
    head["alicloud_nas_file_system"]["Cpfs"]["storage_type"] = "advance_200"   # replace
    head["alicloud_vpc"]["Vpc"]["vpc_name"] = "ml-renamed"                    # update
    head["alicloud_security_group"]["Sg2"] = body("ml-dev/Sg2/Resource", vpc_id="${alicloud_vpc.Vpc.id}",
                                                  security_group_name="serving")  # create
    return head


def _terraform(workdir, env, *args):
    proc = subprocess.run(["terraform", *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"terraform {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_emulator_plan_summarizes_to_the_same_counts_as_the_synth_diff(tmp_path):
    require("terraform")
    base_out = write_synth(tmp_path / "base", {"ml-dev": _base()})
    head_out = write_synth(tmp_path / "head", {"ml-dev": _head()})
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(install(tmp_path / "emulator")), CHECKPOINT_DISABLE="1",
               TF_IN_AUTOMATION="1")
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(base_out / "stacks/ml-dev/cdk.tf.json", work / "cdk.tf.json")
    _terraform(work, env, "init", "-input=false", "-no-color")
    _terraform(work, env, "apply", "-auto-approve", "-input=false", "-no-color")
    shutil.copy(head_out / "stacks/ml-dev/cdk.tf.json", work / "cdk.tf.json")
    _terraform(work, env, "plan", "-out=plan.bin", "-input=false", "-no-color")
    (work / "plan.json").write_text(_terraform(work, env, "show", "-json", "plan.bin"))

    from_plan = load_plan(work / "plan.json", "ml-dev")
    (from_synth,) = diff_synth(load_synth(base_out), load_synth(head_out))
    assert from_plan.counts() == from_synth.counts()
    plan_replaced = {c.address: c.reasons for c in from_plan.changes if c.action is Action.REPLACE}
    assert plan_replaced == {c.address: c.reasons for c in from_synth.changes if c.action is Action.REPLACE}
