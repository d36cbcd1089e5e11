"""The README's team recipe, copied out of the README and run as written: scaffold, npm ci, deploy twice
(the second deploy changes nothing), destroy, and the same with the cdktn CLI. What each step did is read
from Terraform's state after it, not from the CLI's output (tests/e2e/terraform_state.py says why).

npm runs with `offline` set: the packages come from npm's cache, which `make install` filled (the
scaffold pins the toolkit's own package-lock.json), so the test touches no network.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from alicloud_ml.app_scaffold import render_app
from tests.e2e.terraform_state import state_addresses, state_objects, state_serial, synthesized_addresses
from tests.tools import needs

REPO = Path(__file__).resolve().parents[2]
RECIPE_MARK = "<!-- recipe: team app"
CI = bool(os.environ.get("CI"))

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CI and not (REPO / "node_modules" / ".installed").exists(), reason="run `make install`"),
    needs("terraform"),
]


def _recipe() -> tuple[list[str], str]:
    """(the bash block's command lines, the python block) that follow the recipe mark in the README."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index(RECIPE_MARK):]
    bash = re.search(r"```bash\n(.*?)```", after, re.S)
    python = re.search(r"```python\n(.*?)```", after, re.S)
    assert bash and python, "the README's team recipe lost its bash or python block"
    lines = [line for line in bash.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return lines, python.group(1)


def test_the_readme_shows_exactly_the_main_py_that_init_app_writes():
    _, python = _recipe()
    assert python == render_app("team-a", "cn-shanghai", "k3v7q")["main.py"]  # init draws the suffix once


def test_the_readme_team_recipe_runs_as_written_quietly_and_leaves_state_as_each_step_promises(tmp_path):
    # GIVEN the README's lines, each followed by a copy of the app's state file (the recipe is untouched)
    lines, _ = _recipe()
    state, snapshots = tmp_path / "team-a" / ".alicloud-ml" / "state" / "terraform.team-a.tfstate", tmp_path / "snap"
    script = f"set -euo pipefail\nmkdir -p {snapshots}\n" + "".join(
        f"echo {shlex.quote('### ' + line)}\n{line}\n{{ cp {state} {snapshots}/{i}.tfstate 2>/dev/null || true; }}\n"
        for i, line in enumerate(lines))
    env = dict(os.environ, npm_config_offline="true",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    for name in ("TF_CLI_CONFIG_FILE", "CI", "FORCE_COLOR"):  # the app's Makefile decides these itself
        env.pop(name, None)
    # WHEN it runs, output to a pipe as in CI
    run = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-3000:]

    # THEN each step left the state it promises
    app = tmp_path / "team-a"
    assert sorted(p.name for p in app.iterdir() if p.is_file()) == sorted(render_app("team-a", "cn-shanghai", "k3v7q"))
    stack_json = app / "cdktf.out" / "stacks" / "team-a" / "cdk.tf.json"
    declared = synthesized_addresses(stack_json)
    deploy, redeploy = (snapshots / f"{_index(lines, 'make deploy', n)}.tfstate" for n in (0, 1))
    assert len(declared) > 10 and sorted(state_addresses(deploy)) == declared
    assert state_objects(redeploy, stack_json) == state_objects(deploy, stack_json)  # the second deploy changed nothing
    destroyed = snapshots / f"{_index(lines, 'make destroy', 0)}.tfstate"
    assert state_addresses(destroyed) == []
    cdktn = snapshots / f"{_index(lines, 'ALICLOUD_ML_CDK=cdktn make deploy destroy', 0)}.tfstate"
    lineage, serial = state_serial(cdktn)
    assert state_addresses(cdktn) == [] and lineage == state_serial(destroyed)[0] and serial >= state_serial(destroyed)[1] + 2
    assert "==> cdktn deploy team-a (emulator)" in run.stdout  # the app's Makefile ran the cdktn CLI
    # AND it said nothing that looks like a failure: no warning, no escape codes, no bytes reprs
    output = run.stdout + run.stderr
    assert not [line for line in output.splitlines() if re.search(r"\bwarn(ing)?\b", line, re.I)], output[-3000:]
    assert "\x1b[" not in output and "b'" not in output


def _index(lines: list[str], command: str, occurrence: int) -> int:
    """Index of the `occurrence`-th recipe line that runs `command` (its comment stripped)."""
    matches = [i for i, line in enumerate(lines) if line.split("#")[0].strip() == command]
    assert len(matches) > occurrence, f"the recipe has no {occurrence + 1}. run of {command!r}: {lines}"
    return matches[occurrence]
