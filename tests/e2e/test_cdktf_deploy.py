"""`make deploy`'s path, for real: `npx cdktf deploy ml-dev` (synth, gate, terraform) into the emulator.

The project is laid out in a temporary directory (copies of main.py, cdktf.json and stacks/,
links to the installed .venv and node_modules) so the test never touches the working tree's
cdktf.out, local state or emulated cloud. What a deploy did is read from Terraform's state
(tests/e2e/terraform_state.py says why not from the CLI's output).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alicloud_ml.commands.init import STARTER, sibling_suffix
from tests.e2e.terraform_state import state_addresses, state_objects, synthesized_addresses
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
    from alicloud_ml.emulator.lockfile import write_lock_file

    for name in ("main.py", "cdktf.json"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "stacks", tmp_path / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    for name in (".venv", "node_modules"):
        (tmp_path / name).symlink_to(REPO / name)
    config = install(tmp_path / ".alicloud-ml")
    # what the Makefile sets for the emulator target, output to a pipe included (CI set, --no-color)
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(config), ALICLOUD_ML_BACKEND="local", CHECKPOINT_DISABLE="1",
               ALICLOUD_ML_TF_LOCK_FILE=str(write_lock_file(tmp_path / ".alicloud-ml")), CI="1",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    return tmp_path, env


def cdktf(project: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["npx", "cdktf", *args, "--auto-approve", "--skip-provider-lock", "--no-color"], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)


def ok(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run.stdout + run.stderr


def test_cdktf_deploy_applies_ml_dev_keeps_it_across_a_change_of_stacks_and_destroy_removes_it(project):
    root, env = project
    state = root / ".alicloud-ml" / "state" / "terraform.ml-dev.tfstate"
    # WHEN ml-dev is deployed
    deployed = ok(cdktf(root, env, "deploy", "ml-dev"))
    # THEN every synthesized resource is in the state, and init had a lock file (no checksum warning)
    declared = synthesized_addresses(root / "cdktf.out" / "stacks" / "ml-dev" / "cdk.tf.json")
    assert len(declared) > 30 and sorted(state_addresses(state)) == declared
    assert re.search(r'"id": "c[0-9a-f]{32}:np-[0-9a-f]{16}"', state.read_text())  # docs: <cluster_id>:<node_pool_id>
    assert "Warning" not in deployed and "\x1b[" not in deployed
    stack_json = root / "cdktf.out" / "stacks" / "ml-dev" / "cdk.tf.json"
    before = state_objects(state, stack_json)

    # WHEN it is deployed again after a re-synth, THEN the state survived it and nothing changed
    ok(cdktf(root, env, "deploy", "ml-dev"))
    assert state_objects(state, stack_json) == before

    # WHEN another set of stacks is deployed (the CLI deletes the old stacks' directories) and then ml-dev's set
    # is destroyed, THEN both succeed (this was ENOENT on cdktf.out/stacks/ml-dev) and ml-dev's state is empty
    team = root / "team.toml"
    team.write_text(STARTER.format(name="team", region="cn-shanghai", suffix=sibling_suffix(root / "stacks" / "envs")))
    ok(cdktf(root, dict(env, ALICLOUD_ML_CONFIGS=str(team)), "deploy", "ml-team"))
    assert sorted(p.name for p in (root / "cdktf.out" / "stacks").iterdir()) == ["ml-state", "ml-team"]
    assert state_addresses(root / ".alicloud-ml" / "state" / "terraform.ml-team.tfstate")
    ok(cdktf(root, env, "destroy", "ml-dev"))
    assert state_addresses(state) == []


def test_cdktf_deploy_stops_before_terraform_with_file_and_field_on_bad_input(project):
    # (a policy violation stops the CLI the same way, by main.py's exit code: tests/e2e/test_main_app.py)
    root, env = project
    dev = root / "stacks" / "envs" / "dev.toml"
    dev.write_text(dev.read_text().replace('effect = "NoSchedule"', 'effect = "NoSchedul"', 1))
    blocked = cdktf(root, env, "deploy", "ml-dev")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0
    assert "dev.toml" in output and "node_pools.inference.taints[0].effect" in output and "NoSchedule" in output
    assert "Traceback" not in output and "[ERROR] default - error:" not in output  # main.py's line, unlabelled
    assert not (root / ".alicloud-ml" / "state" / "terraform.ml-dev.tfstate").exists()
