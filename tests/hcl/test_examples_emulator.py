"""Each module's `examples/basic` runs init, validate, apply, an empty re-plan and destroy against the emulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from alicloud_ml.hcl.modules import SPECS
from tests.hcl.conftest import module_copy, workspace
from tests.tools import needs

pytestmark = needs("terraform")


@pytest.mark.parametrize("module", [*SPECS, "ml-platform"])
def test_example_applies_replans_empty_and_destroys(module: str, tmp_path: Path, hcl_cli_config: Path):
    # GIVEN the module's example in a private copy of modules/, wired to its own emulated cloud
    root = module_copy(tmp_path) / module / "examples" / "basic"
    ws = workspace(root, hcl_cli_config)
    # WHEN terraform initializes, validates and applies it
    ws.run("init", "-input=false")
    ws.run("validate")
    ws.apply()
    assert ws.state_list(), "apply created nothing"
    # THEN a second plan finds nothing to change, and destroy removes everything
    assert ws.plan_exit_code() == 0, ws.run("plan", "-input=false", ok=False).stdout
    ws.run("destroy", "-auto-approve", "-input=false")
    assert ws.state_list() == set()
