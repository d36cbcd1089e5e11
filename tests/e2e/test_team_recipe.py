"""The README's team recipe, copied out of the README and run as written: scaffold, npm ci, deploy twice
(the second deploy changes nothing), destroy, and the same with the cdktn CLI.

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
    assert python == render_app("team-a", "cn-shanghai")["main.py"]


def test_the_readme_team_recipe_runs_as_written(tmp_path):
    lines, _ = _recipe()
    script = "set -euo pipefail\n" + "".join(f"echo {shlex.quote('### ' + line)}\n{line}\n" for line in lines)
    env = dict(os.environ, npm_config_offline="true", FORCE_COLOR="0", CI="1",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    env.pop("TF_CLI_CONFIG_FILE", None)  # the app's Makefile sets its own
    run = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    steps = _steps(run.stdout)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-3000:]

    app = tmp_path / "team-a"
    assert sorted(p.name for p in app.iterdir() if p.is_file()) == sorted(render_app("team-a", "cn-shanghai"))
    assert "v22." in _step(steps, "make deploy", 0)  # the Makefile's own Node 22
    created = re.search(r"Apply complete! Resources: (\d+) added, 0 changed, 0 destroyed", _step(steps, "make deploy", 0))
    assert created and int(created.group(1)) > 10
    assert "No changes." in _step(steps, "make deploy", 1)
    assert f"Destroy complete! Resources: {created.group(1)} destroyed." in _step(steps, "make destroy", 0)
    cdktn = _step(steps, "ALICLOUD_ML_CDK=cdktn make deploy destroy", 0)
    assert "==> cdktn deploy team-a (emulator)" in cdktn
    assert f"Apply complete! Resources: {created.group(1)} added" in cdktn
    assert f"Destroy complete! Resources: {created.group(1)} destroyed." in cdktn
    assert (app / ".alicloud-ml" / "state" / "terraform.team-a.tfstate").is_file()  # outside cdktf.out
    assert "b'" not in run.stdout + run.stderr


def _steps(stdout: str) -> list[tuple[str, str]]:
    """(command without its comment, its output), split at the `### <command>` markers the script echoes."""
    parts = re.split(r"^### (.*)$", stdout, flags=re.M)
    return [(parts[i].split("#")[0].strip(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def _step(steps: list[tuple[str, str]], command: str, occurrence: int) -> str:
    matches = [out for ran, out in steps if ran == command]
    assert len(matches) > occurrence, f"the recipe has no {occurrence + 1}. run of {command!r}: {list(steps)}"
    return matches[occurrence]
