"""`python main.py` (what `cdktf synth` runs): exit codes and the output it leaves, on a copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copy(REPO / "main.py", tmp_path / "main.py")
    shutil.copytree(REPO / "stacks", tmp_path / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def run_main(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CDKTF_OUTDIR")}
    environ.update(env)
    return subprocess.run([sys.executable, "main.py"], cwd=project, env=environ, capture_output=True, text=True,
                          timeout=300)


def test_main_synthesizes_every_env_and_the_state_stack_when_the_gate_passes(project):
    result = run_main(project)
    assert result.returncode == 0, result.stderr[-3000:]
    stacks = sorted(p.name for p in (project / "cdktf.out" / "stacks").iterdir())
    assert stacks == ["ml-dev", "ml-prod", "ml-staging", "ml-state"]
    assert "policy gate PASS" in result.stdout  # progress goes to stdout; stderr is for problems


def test_bad_config_exits_2_naming_file_and_field_and_writes_nothing(project):
    dev = project / "stacks" / "envs" / "dev.toml"
    dev.write_text(dev.read_text().replace('vswitch_cidrs = ["10.0.1.0/24"]', 'vswitch_cidrs = ["10.1.1.0/24"]'))
    result = run_main(project)
    assert result.returncode == 2
    assert "dev.toml" in result.stderr and "network.vswitch_cidrs[0]" in result.stderr
    assert "10.0.0.0/16" in result.stderr  # what is accepted: inside the VPC
    assert "Traceback" not in result.stderr
    assert not (project / "cdktf.out").exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".cdktf.out")] == []


def test_policy_violation_exits_1_with_findings_and_keeps_the_previous_output(project):
    assert run_main(project, ALICLOUD_ML_ENVS="dev").returncode == 0
    before = (project / "cdktf.out" / "stacks" / "ml-dev" / "cdk.tf.json").read_text()
    dev = project / "stacks" / "envs" / "dev.toml"
    dev.write_text(dev.read_text().replace('cluster_spec = "ack.pro.small"',
                                           'cluster_spec = "ack.pro.small"\npublic_api_endpoint = true'))
    result = run_main(project, ALICLOUD_ML_ENVS="dev")
    assert result.returncode == 1
    assert "ALIML_016" in result.stderr and "ml-dev/Platform/Cluster" in result.stderr
    assert (project / "cdktf.out" / "stacks" / "ml-dev" / "cdk.tf.json").read_text() == before


def test_run_by_the_cdk_cli_bad_input_goes_to_stdout_where_the_cli_does_not_label_it_an_error(project):
    dev = project / "stacks" / "envs" / "dev.toml"
    dev.write_text(dev.read_text().replace("max_size = 6", "max_sise = 6"))
    result = run_main(project, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS="true")
    assert result.returncode == 2 and result.stderr == ""
    assert "node_pools.inference.max_sise: unknown field - did you mean `max_size`?" in result.stdout
