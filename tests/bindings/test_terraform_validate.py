"""Every generated resource type is accepted by real `terraform validate` against the emulator."""

from __future__ import annotations

import json
import os
import subprocess


from alicloud_ml._cdk import App, TerraformStack
from tests.bindings.all_types import build_all_types
from tests.tools import needs

pytestmark = needs("terraform")


def test_a_stack_of_every_resource_type_passes_terraform_validate(tmp_path, emulator_config):
    app = App(outdir=str(tmp_path / "out"))
    build_all_types(TerraformStack(app, "all"))
    app.synth()
    workdir = tmp_path / "out" / "stacks" / "all"
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(emulator_config), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1")
    init = subprocess.run(["terraform", "init", "-input=false", "-no-color"], cwd=workdir, env=env,
                          capture_output=True, text=True, timeout=300)
    assert init.returncode == 0, init.stdout + init.stderr
    result = subprocess.run(["terraform", "validate", "-json", "-no-color"], cwd=workdir, env=env,
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report["diagnostics"], indent=1)
    assert report["error_count"] == 0
