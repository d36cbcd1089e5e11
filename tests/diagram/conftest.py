"""Diagram fixtures: the reference platform synthesized once (fixed name suffix, OSS backend, as `make docs`
draws it), and Mermaid's own parser run once over every diagram a test registers."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from alicloud_ml.docgen.diagrams import SETTINGS
from alicloud_ml.review.gitsynth import synth_tree
from alicloud_ml.synthesized import Stack, load_synth
from tests.tools import require

REPO = Path(__file__).resolve().parents[2]
NODE = REPO / "node_modules" / ".bin" / "node"


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Stack]:
    out = tmp_path_factory.mktemp("diagram-reference") / "cdktf.out"
    return load_synth(synth_tree(REPO, out, "reference platform", {**SETTINGS, "ALICLOUD_ML_ENVS": "dev,staging,prod"}))


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
