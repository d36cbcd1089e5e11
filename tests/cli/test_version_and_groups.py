"""`alicloud-ml --version`, and the command groups' help states their exit codes like every command's."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from alicloud_ml.cli import main

REPO = Path(__file__).resolve().parents[2]


def run(argv: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    return int(exited.value.code or 0), capsys.readouterr().out


def test_version_prints_the_package_version_and_the_provider_it_targets(capsys):
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]

    assert run(["--version"], capsys) == (0, f"alicloud-ml {version} (aliyun/alicloud 1.289.0)\n")


@pytest.mark.parametrize("group", ["emulator", "bindings"])
def test_group_help_states_the_exit_codes(capsys, group):
    code, out = run([group, "--help"], capsys)

    assert code == 0 and "Exit codes: 0" in out and "2 bad input" in out
