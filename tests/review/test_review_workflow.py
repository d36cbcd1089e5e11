"""The plan-review workflow: its shape, and the exact review command it runs, run here on a clone."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_the_workflows_exact_review_command_runs_on_a_clone(tmp_path):
    # GIVEN a clone whose origin/main is this repository's committed main
    require("git")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    if not (clone / "main.py").is_file() or not (clone / "stacks" / "ml_platform.py").is_file():
        pytest.skip("main.py / stacks/ml_platform.py are not committed yet: nothing to synthesize")
    (clone / ".venv").symlink_to(Path(sys.executable).parents[1])
    # WHEN the workflow's review step runs there, as on a pull request into main
    env = dict(os.environ, BASE_REF="main", REVIEW_EXTRA_ARGS="", GITHUB_OUTPUT=str(tmp_path / "github_output"))
    proc = subprocess.run(["bash", "-e", "-c", _review_script()], cwd=clone, env=env, capture_output=True, text=True,
                          timeout=900)
    # THEN it exits 0 and leaves a comment body carrying the marker
    assert "code=0" in (tmp_path / "github_output").read_text(), proc.stderr
    body = (clone / "review.md").read_text()
    assert body.startswith(MARKER) and "0 to create · 0 to update · 0 to replace · 0 to destroy" in body
