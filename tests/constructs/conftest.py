"""Fixtures for construct tests: a stack with a provider, a synth helper, a one-zone network."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # `stacks` is a top-level package of the repository, not of the wheel
    sys.path.insert(0, str(REPO))

from alicloud_ml._cdk import App, TerraformStack, Testing  # noqa: E402
from alicloud_ml.provider import AlicloudProvider  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: runs real terraform against the offline emulator (slow)")


class Synth:
    """A synthesized stack: `resources(type)` gives {logical id: attributes} without metadata."""

    def __init__(self, doc: dict[str, Any]):
        self.doc = doc

    def resources(self, tf_type: str) -> dict[str, dict[str, Any]]:
        out = {}
        for name, attrs in self.doc.get("resource", {}).get(tf_type, {}).items():
            out[name] = {k: v for k, v in attrs.items() if k != "//"}
        return out

    def one(self, tf_type: str) -> dict[str, Any]:
        found = list(self.resources(tf_type).values())
        assert len(found) == 1, f"expected one {tf_type}, got {len(found)}"
        return found[0]

    def by_path(self, tf_type: str, suffix: str) -> dict[str, Any]:
        for attrs in self.doc.get("resource", {}).get(tf_type, {}).values():
            if attrs["//"]["metadata"]["path"].endswith(suffix):
                return {k: v for k, v in attrs.items() if k != "//"}
        raise AssertionError(f"no {tf_type} at */{suffix}")


@pytest.fixture
def stack(tmp_path: Path) -> TerraformStack:
    app = App(outdir=str(tmp_path))
    stack = TerraformStack(app, "test")
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    return stack


def synth(stack: TerraformStack) -> Synth:
    return Synth(json.loads(Testing.synth(stack)))


@pytest.fixture
def network(stack: TerraformStack):
    from alicloud_ml.constructs.network import MlNetwork

    return MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b"]})
