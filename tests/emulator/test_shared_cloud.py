"""Two Terraform runs at once share one emulated cloud without losing or corrupting writes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from alicloud_ml.emulator.store import Store
from tests.emulator.conftest import Workspace, provider_only


def test_two_concurrent_applies_into_one_cloud_keep_every_object(tmp_path: Path, cli_config: Path) -> None:
    # GIVEN two working directories pointed at the same emulated cloud
    cloud = tmp_path / "shared-cloud"
    runs = []
    for name in ("team_a", "team_b"):
        ws = Workspace(tmp_path / name, cli_config)
        ws.root.mkdir()
        ws.env["ALICLOUD_ML_EMULATOR_STATE"] = str(cloud)
        doc = provider_only()
        doc["resource"] = {"alicloud_vpc": {f"{name}_{i}": {"cidr_block": "10.0.0.0/16"} for i in range(25)},
                           "alicloud_ram_role": {f"{name}_role": {"role_name": f"{name}-role"}}}
        (ws.root / "main.tf.json").write_text(json.dumps(doc))
        ws.run("init", "-input=false")
        runs.append(ws)
    # WHEN both apply at the same time
    procs = [subprocess.Popen(["terraform", "apply", "-auto-approve", "-input=false", "-no-color"], cwd=ws.root,
                              env=ws.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for ws in runs]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    # THEN both succeed and the cloud holds every object of both
    assert [p.returncode for p in procs] == [0, 0], outputs
    # (each VPC comes with its system route table, emulator/owned.py)
    assert Store(cloud).summary() == {"alicloud_ram_role": 2, "alicloud_route_table": 50, "alicloud_vpc": 50}
    assert all(ws.plan_exit_code() == 0 for ws in runs)
