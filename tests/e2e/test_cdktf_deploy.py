"""`make deploy`'s path, for real: `npx cdktf deploy ml-dev` (synth, gate, terraform) into the emulator.

The project is laid out in a temporary directory (copies of main.py, cdktf.json and stacks/,
links to the installed .venv and node_modules) so the test never touches the working tree's
cdktf.out, local state or emulated cloud.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.tools import needs

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not (REPO / "node_modules" / ".bin" / "cdktf").exists(), reason="run `make install` first"),
    needs("terraform"),
]


@pytest.fixture()
def project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    from alicloud_ml.emulator.install import install

    for name in ("main.py", "cdktf.json"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "stacks", tmp_path / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    for name in (".venv", "node_modules"):
        (tmp_path / name).symlink_to(REPO / name)
    config = install(tmp_path / ".alicloud-ml")
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(config), ALICLOUD_ML_BACKEND="local", CHECKPOINT_DISABLE="1",
               CI="1", FORCE_COLOR="0", PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    return tmp_path, env


def cdktf(project: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["npx", "cdktf", *args, "--auto-approve", "--skip-provider-lock"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def test_cdktf_deploy_applies_ml_dev_into_the_emulator_and_destroy_removes_it(project):
    root, env = project
    deployed = cdktf(root, env, "deploy", "ml-dev")
    assert deployed.returncode == 0, deployed.stdout[-3000:] + deployed.stderr[-3000:]
    synthesized = json.loads((root / "cdktf.out" / "stacks" / "ml-dev" / "cdk.tf.json").read_text())
    count = sum(len(named) for named in synthesized["resource"].values())
    assert count > 30
    assert f"Apply complete! Resources: {count} added, 0 changed, 0 destroyed." in deployed.stdout
    state_file = root / ".alicloud-ml" / "state" / "terraform.ml-dev.tfstate"
    state = state_file.read_text()
    assert '"type": "alicloud_cs_kubernetes_node_pool"' in state
    assert re.search(r'"id": "c[0-9a-f]{32}:np-[0-9a-f]{16}"', state)  # docs: <cluster_id>:<node_pool_id>

    redeployed = cdktf(root, env, "deploy", "ml-dev")  # re-synth replaces cdktf.out; the state must survive it
    assert redeployed.returncode == 0, redeployed.stdout[-3000:] + redeployed.stderr[-3000:]
    assert "No changes." in redeployed.stdout

    destroyed = cdktf(root, env, "destroy", "ml-dev")
    assert destroyed.returncode == 0, destroyed.stdout[-3000:] + destroyed.stderr[-3000:]
    assert f"Destroy complete! Resources: {count} destroyed." in destroyed.stdout


def test_cdktf_deploy_stops_before_terraform_when_the_gate_blocks(project):
    root, env = project
    dev = root / "stacks" / "envs" / "dev.toml"
    dev.write_text(dev.read_text().replace('cluster_spec = "ack.pro.small"', 'cluster_spec = "ack.pro.small"\n'
                                           "public_api_endpoint = true"))
    blocked = cdktf(root, env, "deploy", "ml-dev")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0
    assert "ALIML_016" in output and "ml-dev/Platform/Cluster" in output
    assert not (root / ".alicloud-ml" / "state" / "terraform.ml-dev.tfstate").exists()


def test_cdktf_deploy_stops_with_file_and_field_on_bad_input(project):
    root, env = project
    dev = root / "stacks" / "envs" / "dev.toml"
    dev.write_text(dev.read_text().replace('effect = "NoSchedule"', 'effect = "NoSchedul"', 1))
    blocked = cdktf(root, env, "deploy", "ml-dev")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0
    assert "dev.toml" in output and "node_pools.inference.taints[0].effect" in output and "NoSchedule" in output
    assert "Traceback" not in output
