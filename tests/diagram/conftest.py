"""Diagram fixtures: the reference platform (tests/conftest.py: synthesized once per worker, as `make docs`
draws it), and Mermaid's own parser run once over a batch of diagrams."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from alicloud_ml.synthesized import Stack
from tests.tools import require

REPO = Path(__file__).resolve().parents[2]
NODE = REPO / "node_modules" / ".bin" / "node"


@pytest.fixture(scope="session")
def reference(reference_platform: dict[str, Stack]) -> dict[str, Stack]:
    return reference_platform


def parse_mermaid(diagrams: dict[str, str]) -> dict[str, dict[str, str]]:
    """name -> Mermaid's verdict ({ok, type, error}) for every diagram, in one Node process."""
    if not NODE.exists():
        pytest.fail("node_modules/.bin/node is missing: run `make install` (npm ci installs Node 22 and mermaid)")
    items = [{"name": k, "text": v} for k, v in diagrams.items()]
    proc = subprocess.run([str(NODE), str(REPO / "scripts" / "check-mermaid.mjs")], input=json.dumps(items),
                          capture_output=True, text=True, timeout=120, cwd=REPO, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {r["name"]: r for r in json.loads(proc.stdout)}


@pytest.fixture()
def graphviz_dot() -> None:
    require("dot")
