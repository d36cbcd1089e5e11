"""The plan-review workflow: its shape, and the exact review command it runs, run here on a clone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from alicloud_ml.review.markdown import MARKER
from tests.tools import require

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "plan-review.yml"


def _steps() -> list[dict]:
    doc = yaml.safe_load(WORKFLOW.read_text())
    assert "pull_request" in doc[True]  # YAML 1.1 reads the `on:` key as True
    return doc["jobs"]["review"]["steps"]


def _review_script() -> str:
    (step,) = [s for s in _steps() if "alicloud-ml review --" in s.get("run", "")]
    return step["run"]


def test_workflow_checks_out_full_history_installs_and_updates_one_marked_comment():
    steps = _steps()
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any(s.get("run") == "make install" for s in steps)
    script = next(s for s in steps if s.get("uses", "").startswith("actions/github-script"))["with"]["script"]
    assert MARKER in script and "updateComment" in script and "createComment" in script
    assert '--base-ref "origin/$BASE_REF" --format markdown --output review.md' in _review_script()


def _fresh_clone(tmp_path: Path, name: str) -> Path:
    """A clone of this repository's committed HEAD, with origin/main moved to that same commit (a clean tree)."""
    require("git")
    clone = tmp_path / name
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    if not (clone / "main.py").is_file() or not (clone / "stacks" / "ml_platform.py").is_file():
        pytest.skip("main.py / stacks/ml_platform.py are not committed yet: nothing to synthesize")
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=clone, check=True)
    (clone / ".venv").symlink_to(Path(sys.executable).parents[1])
    return clone


def _env(**extra: str) -> dict[str, str]:
    """The process environment without this machine's ALICLOUD_ML_* settings, as a CI runner has it."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("ALICLOUD_ML_")}, **extra}


def test_the_workflows_exact_review_command_reports_no_change_on_a_fresh_clone(tmp_path):
    # GIVEN a fresh clone whose base branch is its own HEAD (a pull request that changes nothing)
    clone = _fresh_clone(tmp_path, "clone")
    # WHEN the workflow's review step runs there as written, failing on destructive changes (dev only: speed)
    env = _env(BASE_REF="main", REVIEW_EXTRA_ARGS="--fail-on-destroy", GITHUB_OUTPUT=str(tmp_path / "github_output"),
               ALICLOUD_ML_ENVS="dev")
    proc = subprocess.run(["bash", "-e", "-c", _review_script()], cwd=clone, env=env, capture_output=True, text=True,
                          timeout=900)
    # THEN it exits 0 and the comment says nothing changes: both checkouts synthesize the same names
    assert "code=0" in (tmp_path / "github_output").read_text(), proc.stderr
    body = (clone / "review.md").read_text()
    assert body.startswith(MARKER) and "0 to create · 0 to update · 0 to replace · 0 to destroy" in body


def test_review_base_ref_head_on_a_clean_fresh_clone_reports_no_change(tmp_path):
    # GIVEN a fresh clone (no .alicloud-ml/ of its own, no ALICLOUD_ML_* settings, as on a CI runner)
    clone = _fresh_clone(tmp_path, "clone")
    # WHEN its HEAD is reviewed against itself with every env
    proc = subprocess.run([str(clone / ".venv" / "bin" / "alicloud-ml"), "review", "--base-ref", "HEAD",
                           "--fail-on-destroy", "--no-policy", "--format", "json"], cwd=clone, env=_env(),
                          capture_output=True, text=True, timeout=900)
    # THEN nothing is created, updated, replaced or destroyed, and the exit code is 0 (not 3)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)["summary"]
    assert {k: summary[k] for k in ("create", "update", "replace", "delete", "destructive")} == dict.fromkeys(
        ("create", "update", "replace", "delete", "destructive"), 0)


def test_two_fresh_clones_synthesize_identical_stacks(tmp_path):
    # GIVEN two fresh clones of the same commit
    outputs = []
    for name in ("a", "b"):
        clone = _fresh_clone(tmp_path, name)
        out = clone / "cdktf.out"  # where cdktf writes it: paths relative to the checkout compare equal
        # WHEN each synthesizes (the state bootstrap and dev: every globally unique name kind is there)
        proc = subprocess.run([sys.executable, "main.py"], cwd=clone, capture_output=True, text=True, timeout=900,
                              env=_env(CDKTF_OUTDIR=str(out), ALICLOUD_ML_GATE="0", ALICLOUD_ML_ENVS="dev",
                                       PYTHONPATH=str(clone)))
        assert proc.returncode == 0, proc.stderr
        outputs.append({p.relative_to(out).as_posix(): json.loads(p.read_text())
                        for p in sorted(out.glob("stacks/*/cdk.tf.json"))})
    # THEN every stack is the same, names included
    assert set(outputs[0]) == {"stacks/ml-state/cdk.tf.json", "stacks/ml-dev/cdk.tf.json"}
    assert outputs[0] == outputs[1]
    buckets = [b["bucket"] for b in outputs[0]["stacks/ml-state/cdk.tf.json"]["resource"]["alicloud_oss_bucket"].values()]
    suffix = tomllib.loads((REPO / "stacks" / "envs" / "dev.toml").read_text())["name_suffix"]
    assert buckets == [f"ml-tfstate-{suffix}"]
