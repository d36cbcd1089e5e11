"""Shared fixtures: the emulator installed once per session, for `terraform validate` runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alicloud_ml.emulator.install import install


@pytest.fixture(scope="session")
def emulator_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("terraform") is None:
        pytest.skip("terraform is not on PATH")
    return install(tmp_path_factory.mktemp("emulator"))
