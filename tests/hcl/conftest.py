"""Fixtures for the HCL modules: the emulator installed once, Terraform roots wired to it.

Every root runs the real `terraform` binary against the offline emulator with its own emulated
cloud and CLI config (the Workspace helper of tests/emulator), never the network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.emulator.conftest import Workspace

REPO = Path(__file__).resolve().parents[2]
MODULES = REPO / "modules"


@pytest.fixture(scope="session")
def hcl_cli_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from alicloud_ml.emulator.install import install

    return install(tmp_path_factory.mktemp("hcl-emulator"))


def module_copy(tmp: Path) -> Path:
    """A private copy of modules/ (examples run in place and write .terraform and state beside them)."""
    target = tmp / "modules"
    shutil.copytree(MODULES, target, ignore=shutil.ignore_patterns(".terraform*", "terraform.tfstate*"))
    return target


def workspace(root: Path, cli_config: Path) -> Workspace:
    return Workspace(root, cli_config)
