"""Seeding the emulated cloud with pre-existing objects: what a real account holds before Terraform runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from alicloud_ml.emulator import seed
from alicloud_ml.emulator.store import Store
from tests.emulator.conftest import REGION, Workspace, provider_only, ref

SEED = f"""
regions = ["{REGION}"]

[alicloud_vpc.shared]
vpc_name   = "default-NODELETING"
cidr_block = "172.16.0.0/16"

[alicloud_vswitch.shared]
_each_zone   = 2
vpc_id       = "${{alicloud_vpc.shared.id}}"
zone_id      = "${{zone}}"
cidr_block   = "172.16.${{zone_index}}.0/24"
vswitch_name = "default-NODELETING"
"""


def _seed_file(tmp_path: Path, text: str = SEED) -> Path:
    path = tmp_path / "account.toml"
    path.write_text(text)
    return path


def test_a_seeded_vpc_is_found_by_name_regex_in_a_real_terraform_run(ws: Workspace, tmp_path: Path) -> None:
    # GIVEN an emulated cloud seeded with a VPC and two vswitches nobody created with Terraform
    seeded = seed.seed_file(_seed_file(tmp_path), ws.cloud)
    vpc_id = next(s.id for s in seeded if s.type_name == "alicloud_vpc")

    # WHEN a configuration looks them up the way the provider's docs examples do and builds on them
    doc: dict[str, Any] = provider_only()
    doc["data"] = {"alicloud_vpcs": {"d": {"name_regex": "^default-NODELETING$"}},
                   "alicloud_vswitches": {"d": {"vpc_id": ref("data.alicloud_vpcs.d.ids.0")}}}
    doc["resource"] = {"alicloud_security_group": {"g": {"vpc_id": ref("data.alicloud_vpcs.d.ids.0"),
                                                         "security_group_name": "app"}}}
    doc["output"] = {"vpcs": {"value": ref("data.alicloud_vpcs.d.ids")},
                     "cidrs": {"value": ref("sort(data.alicloud_vswitches.d.vswitches[*].cidr_block)")}}
    (ws.root / "main.tf.json").write_text(json.dumps(doc))
    ws.apply()

    # THEN the lookup finds the seeded objects, a re-plan is empty, and destroy leaves them in place
    out = {k: v["value"] for k, v in json.loads(ws.run("output", "-json").stdout).items()}
    assert out["vpcs"] == [vpc_id]
    assert out["cidrs"] == ["172.16.0.0/24", "172.16.1.0/24"]
    assert ws.plan_exit_code() == 0
    ws.run("destroy", "-auto-approve", "-input=false")
    assert Store(ws.cloud).get("alicloud_vpc", vpc_id) is not None


def test_seeded_objects_are_filled_like_an_apply_and_seeding_twice_adds_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "cloud")
    first = seed.apply(seed.load(_seed_file(tmp_path)), store)
    vswitches = [s.state for s in first if s.type_name == "alicloud_vswitch"]
    assert [s.state["id"][:4] for s in first] == ["vpc-", "vsw-", "vsw-"]  # the provider's id formats
    assert {v["zone_id"] for v in vswitches} == {f"{REGION}-a", f"{REGION}-b"}
    assert all(v["status"] == "Available" and v["vpc_id"] == first[0].id for v in vswitches)

    again = seed.apply(seed.load(_seed_file(tmp_path)), store)
    assert all(s.existing for s in again) and [s.id for s in again] == [s.id for s in first]
    assert store.summary() == {"alicloud_route_table": 1, "alicloud_vpc": 1, "alicloud_vswitch": 2}  # + system table


@pytest.mark.parametrize(("text", "named"), [
    ('[alicloud_vpc.x]\nvpc_nmae = "a"\n', "vpc_nmae is not an argument of alicloud_vpc"),
    ('[alicloud_vpcx.x]\nvpc_name = "a"\n', "alicloud_vpcx is not a resource type"),
    ('[alicloud_vpc.x]\nstatus = "Available"\n', "status is computed by the cloud"),
    ('[alicloud_vswitch.x]\nvpc_id = "${alicloud_vpc.nope.id}"\ncidr_block = "10.0.0.0/24"\nzone_id = "${zone}"\n',
     "${alicloud_vpc.nope.id} names no entry"),
    ('[alicloud_vpc.x]\ncidr_block = "10.0.0.0/33"\n', "alicloud_vpc.x in " + REGION),
])
def test_a_seed_the_cloud_would_refuse_names_the_entry_and_field(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(seed.SeedError) as caught:
        seed.apply(seed.load(_seed_file(tmp_path, f'regions = ["{REGION}"]\n' + text)), Store(tmp_path / "c"))
    assert named in str(caught.value)


def test_seed_command_line(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "alicloud_ml.emulator", "seed", str(_seed_file(tmp_path)), "--state",
           str(tmp_path / "cloud")]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("created") == 3 and "alicloud_vpc.shared" in done.stdout
    bad = _seed_file(tmp_path, '[alicloud_vpc.x]\nvpc_nmae = "a"\n')
    refused = subprocess.run([*cmd[:4], str(bad), *cmd[5:]], capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "vpc_nmae" in refused.stderr


def test_objects_no_resource_type_creates_are_listed_once_seeded_and_none_before(tmp_path: Path) -> None:
    from alicloud_ml.emulator import data_sources

    empty, seeded = Store(tmp_path / "empty"), Store(tmp_path / "seeded")
    assert data_sources.read("alicloud_chatbot_agents", {}, empty, REGION)["agents"] == []  # an empty account's page
    seed.apply(seed.load(_seed_file(tmp_path, f'regions = ["{REGION}"]\n[data.alicloud_chatbot_agents.faq]\n'
                                              'agent_name = "faq"\nagent_key = "k1"\n')), seeded)
    agents = data_sources.read("alicloud_chatbot_agents", {"name_regex": "^faq$"}, seeded, REGION)["agents"]
    assert [(a["agent_name"], a["agent_key"]) for a in agents] == [("faq", "k1")] and agents[0]["agent_id"]
    with pytest.raises(seed.SeedError, match="agent_kye is not a key of alicloud_chatbot_agents"):
        seed.load(_seed_file(tmp_path, '[data.alicloud_chatbot_agents.x]\nagent_kye = "k"\n'))
