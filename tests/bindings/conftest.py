"""Shared fixtures: the emulator installed once per session, for `terraform validate` runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from alicloud_ml.emulator.install import install
from tests.tools import require


@pytest.fixture(scope="session")
def emulator_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("terraform")
    return install(tmp_path_factory.mktemp("emulator"))
