"""`--base-ref`: the base is synthesized by the base commit's own code in a temporary git worktree."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .helpers import CPFS, changed, platform
from .test_review_cli import run
from tests.tools import require

# A stand-in cdktf app: writes fixture.json as a cdktf.out tree into $CDKTF_OUTDIR, stamping VERSION
# into the VPC name so the test can tell which commit's code produced the base.
FAKE_MAIN = '''
import json, os, pathlib
VERSION = "{version}"
out = pathlib.Path(os.environ["CDKTF_OUTDIR"])
resources = json.loads(pathlib.Path("fixture.json").read_text())
for body in resources["alicloud_vpc"].values():
    body["vpc_name"] = VERSION
(out / "stacks/ml-dev").mkdir(parents=True)
(out / "stacks/ml-dev/cdk.tf.json").write_text(json.dumps({{"resource": resources}}))
(out / "manifest.json").write_text(json.dumps({{"stacks": {{"ml-dev": {{"synthesizedStackPath": "stacks/ml-dev/cdk.tf.json"}}}}}}))
'''


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    require("git")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "t@example.com")
    _git(repo, "config", "user.name", "t")
    (repo / "main.py").write_text(FAKE_MAIN.format(version="v1"))
    (repo / "fixture.json").write_text(json.dumps(platform()))
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    monkeypatch.chdir(repo)
    return repo


def test_base_ref_is_synthesized_by_the_base_commits_code_and_head_from_the_working_tree(repo, capsys):
    # GIVEN a working tree whose code and configuration differ from main
    (repo / "main.py").write_text(FAKE_MAIN.format(version="v2"))
    (repo / "fixture.json").write_text(json.dumps(changed(platform(), CPFS, storage_type="advance_200")))
    # WHEN the review runs against main
    code, out, err = run(["review", "--base-ref", "main", "--no-policy", "--format", "json"], capsys)
    # THEN the base comes from main's code (v1), the head from the working tree (v2)
    assert code == 0, err
    changes = {c["type"]: c for c in json.loads(out)["stacks"][0]["changes"]}
    vpc_name = changes["alicloud_vpc"]["attributes"][0]
    assert (vpc_name["path"], vpc_name["before"], vpc_name["after"]) == ("vpc_name", "v1", "v2")
    assert changes[CPFS]["action"] == "replace"
    assert _git(repo, "worktree", "list").count("\n") == 1  # the temporary worktree is gone


def test_unknown_base_ref_exits_2_naming_the_option(repo, capsys):
    code, _, err = run(["review", "--base-ref", "origin/nope", "--no-policy"], capsys)
    assert code == 2 and "--base-ref" in err and "origin/nope" in err and "fetch-depth: 0" in err


def test_base_without_main_py_exits_2_naming_the_file(repo, capsys):
    _git(repo, "rm", "-q", "main.py")
    _git(repo, "commit", "-qm", "no app")
    (repo / "main.py").write_text(FAKE_MAIN.format(version="v2"))
    code, _, err = run(["review", "--base-ref", "HEAD", "--no-policy"], capsys)
    assert code == 2 and "main.py" in err and "not found" in err


def test_failing_base_synth_exits_2_with_its_error(repo, capsys):
    (repo / "main.py").write_text("raise SystemExit('boom: bad env file')\n")
    _git(repo, "commit", "-qam", "broken")
    code, _, err = run(["review", "--base-ref", "HEAD", "--head", str(repo), "--no-policy"], capsys)
    assert code == 2 and "synth failed" in err and "boom: bad env file" in err

