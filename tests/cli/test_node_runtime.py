"""The project's own Node 22 runs jsii and the CDK CLIs, and jsii's stderr never shows raw bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from alicloud_ml.node_runtime import project_node_bin, use_project_node

REPO = Path(__file__).resolve().parents[2]
PROJECT_NODE = REPO / "node_modules" / ".bin" / "node"
needs_node = pytest.mark.skipif(not PROJECT_NODE.exists() and not os.environ.get("CI"), reason="run `make install` first")


def _fake_project(root: Path) -> Path:
    bin_dir = root / "node_modules" / ".bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "node").write_text("#!/bin/sh\n")
    return bin_dir


def test_the_project_node_is_found_from_a_subdirectory_and_put_first(tmp_path):
    bin_dir = _fake_project(tmp_path)
    (tmp_path / "stacks").mkdir()
    environ = {"PATH": "/usr/bin"}
    assert use_project_node(tmp_path / "stacks", environ) == bin_dir
    assert environ == {"PATH": f"{bin_dir}{os.pathsep}/usr/bin", "JSII_NODE": str(bin_dir / "node")}
    use_project_node(tmp_path, environ)  # idempotent: PATH does not grow
    assert environ["PATH"].count(str(bin_dir)) == 1


def test_a_user_chosen_jsii_node_wins_and_no_project_node_changes_nothing(tmp_path):
    _fake_project(tmp_path / "app")
    environ = {"PATH": "/usr/bin", "JSII_NODE": "/opt/node/bin/node"}
    use_project_node(tmp_path / "app", environ)
    assert environ["JSII_NODE"] == "/opt/node/bin/node"
    bare = {"PATH": "/usr/bin"}
    assert project_node_bin(tmp_path / "elsewhere") is None
    assert use_project_node(tmp_path / "elsewhere", bare) is None and bare == {"PATH": "/usr/bin"}


@needs_node
def test_the_pinned_node_is_22_lts():
    version = subprocess.run([str(PROJECT_NODE), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v22."), version


@needs_node
def test_jsii_runs_on_the_project_node_and_plain_stderr_lines_arrive_decoded(tmp_path):
    wrapper = tmp_path / "node"  # a Node that warns on stderr before jsii's runtime starts, as Node 20 does
    wrapper.write_text(f'#!/bin/sh\necho "!!! plain runtime warning: é" >&2\nexec "{PROJECT_NODE}" "$@"\n')
    wrapper.chmod(0o755)
    script = ("import os, alicloud_ml._cdk as c\n"
              "c.App(outdir=os.environ['OUT'])\n"
              "print('jsii node:', os.environ['JSII_NODE'])\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, JSII_NODE=str(wrapper), OUT=str(tmp_path / "out")))
    assert run.returncode == 0, run.stderr
    assert "!!! plain runtime warning: é" in run.stderr
    assert "b'" not in run.stderr and "\\xc3" not in run.stderr

    default = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120,
                             env={k: v for k, v in dict(os.environ, OUT=str(tmp_path / "o2")).items() if k != "JSII_NODE"})
    assert default.returncode == 0, default.stderr
    assert f"jsii node: {PROJECT_NODE}" in default.stdout
