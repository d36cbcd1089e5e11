"""Shared fixtures: one installed emulator mirror per session, one Terraform workspace per test.

Every test drives the real `terraform` binary against the emulator; nothing is mocked. Each
workspace has its own emulated cloud (ALICLOUD_ML_EMULATOR_STATE) and its own CLI config, so
tests never see the machine-wide TF_CLI_CONFIG_FILE or each other's objects.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from alicloud_ml.emulator.install import install
from tests.tools import needs

REGION = "cn-shanghai"
FIXTURES = Path(__file__).parent / "fixtures"
_DROPPED_ENV = ("TF_PLUGIN_CACHE_DIR", "TF_CLI_CONFIG_FILE", "TF_LOG", "TF_DATA_DIR", "ALICLOUD_REGION",
                "ALIBABA_CLOUD_REGION", "ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_ML_EMULATOR_STATE")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Terraform is a prerequisite: without it these tests skip on a laptop and fail in CI (tests/tools.py)."""
    for item in items:
        if "tests/emulator" in str(item.fspath):
            item.add_marker(needs("terraform"))


@pytest.fixture(scope="session")
def cli_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The emulator installed once per session; returns its Terraform CLI config."""
    return install(tmp_path_factory.mktemp("emulator-install"))


def provider_only(region: str = REGION) -> dict[str, Any]:
    return {
        "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.289.0"}}},
        "provider": {"alicloud": {"region": region}},
    }


class Workspace:
    """A Terraform working directory wired to the emulator, with its own emulated cloud."""

    def __init__(self, root: Path, cli_config: Path):
        self.root = root
        self.cloud = root / "cloud"
        self.env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
        self.env.update(TF_CLI_CONFIG_FILE=str(cli_config), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
                        ALICLOUD_ML_EMULATOR_STATE=str(self.cloud))
        self._initialised = False

    def write(self, resources: dict[str, dict[str, Any]], region: str = REGION) -> None:
        doc = provider_only(region)
        doc["resource"] = resources
        (self.root / "main.tf.json").write_text(json.dumps(doc, indent=2))

    def copy_fixture(self, name: str) -> None:
        shutil.copy(FIXTURES / name, self.root / "main.tf.json")

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        if args[0] != "init" and not self._initialised:
            self.run("init", "-input=false")
        result = subprocess.run(["terraform", *args, "-no-color"], cwd=self.root, env=self.env, capture_output=True,
                                text=True, timeout=300, check=False)
        if args[0] == "init" and result.returncode == 0:
            self._initialised = True
        if ok and result.returncode != 0:
            raise AssertionError(f"terraform {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n"
                                 f"{result.stderr}")
        return result

    def apply(self, ok: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("apply", "-auto-approve", "-input=false", ok=ok)

    def plan_exit_code(self) -> int:
        return self.run("plan", "-detailed-exitcode", "-input=false", ok=False).returncode

    def plan_json(self) -> dict[str, Any]:
        self.run("plan", "-input=false", "-out=tfplan")
        return json.loads(self.run("show", "-json", "tfplan").stdout)

    def state_list(self) -> set[str]:
        result = self.run("state", "list", ok=False)
        return set(result.stdout.split()) if result.returncode == 0 else set()

    def show(self) -> dict[str, Any]:
        return json.loads(self.run("show", "-json").stdout)


def actions(plan: dict[str, Any]) -> dict[str, list[str]]:
    """Resource address -> planned actions, e.g. ["delete", "create"] for a replacement."""
    return {rc["address"]: rc["change"]["actions"] for rc in plan["resource_changes"]}


def errors(result: subprocess.CompletedProcess[str]) -> str:
    """Terraform's output with whitespace collapsed, so wrapped diagnostics can be matched."""
    return " ".join((result.stdout + result.stderr).split())


@pytest.fixture
def ws(tmp_path: Path, cli_config: Path) -> Workspace:
    return Workspace(tmp_path, cli_config)


def ref(expr: str) -> str:
    return "${" + expr + "}"


VPC = {"alicloud_vpc": {"main": {"vpc_name": "main", "cidr_block": "10.0.0.0/16"}}}
