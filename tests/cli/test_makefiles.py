"""The two Makefiles (the repository's and the one `init --app` writes) speak with one set of knobs, and
their deploy commands keep Terraform quiet: a lock file for the emulator, plain output when piped."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from alicloud_ml.app_scaffold import render_app

REPO = Path(__file__).resolve().parents[2]
KNOBS = re.compile(r"^([A-Z][A-Z0-9_]+) \?=", re.M)


def test_both_makefiles_take_the_same_knob_names():
    ours = set(KNOBS.findall((REPO / "Makefile").read_text()))
    app = set(KNOBS.findall(render_app("team-a", "cn-shanghai", "k3v7q")["Makefile"]))

    assert {"ALICLOUD_ML_TARGET", "ALICLOUD_ML_STACK", "ALICLOUD_ML_CDK"} <= ours & app
    assert app - {"PYTHON"} <= ours  # nothing the app's Makefile takes is spelt differently here


@pytest.mark.parametrize("makefile", ["repository", "app"])
def test_deploy_gives_terraform_the_emulators_lock_file_and_plain_output_when_piped(tmp_path, makefile):
    if makefile == "app":
        for name, text in render_app("team-a", "cn-shanghai", "k3v7q").items():
            (tmp_path / name).write_text(text)
        (tmp_path / "node_modules" / ".bin").mkdir(parents=True)
        (tmp_path / "node_modules" / ".bin" / "cdktf").touch()
        cwd = tmp_path
    else:
        cwd = REPO
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "MAKEFLAGS")}
    dry = subprocess.run(["make", "-n", "deploy", "ALICLOUD_ML_STACK=ml-x"], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=60, check=False)

    lines = dry.stdout.replace("\\\n", " ").splitlines()
    command = next(line for line in lines if " deploy ml-x" in line and "echo" not in line)
    assert "ALICLOUD_ML_TF_LOCK_FILE=" in command and "terraform.lock.hcl" in command
    assert "export CI=1; plain=--no-color" in command and command.rstrip().endswith("$plain")
    assert "--auto-approve" in command


def test_the_app_scaffold_keeps_npm_quiet_about_the_engine_its_own_node_satisfies():
    files = render_app("team-a", "cn-shanghai", "k3v7q")
    settings = [line for line in files[".npmrc"].splitlines() if line and not line.startswith("#")]

    assert settings == ["loglevel=error"]  # the recipe test runs `npm ci` and finds no warning line
