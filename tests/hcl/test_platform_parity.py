"""The same platform from `modules/ml-platform` (HCL) and from the TOML env (cdktf) has the same resources."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from alicloud_ml.hcl import MODULES_DIR
from alicloud_ml.hcl.emit import terraform_block
from alicloud_ml.hcl.platform import module_inputs_from_toml, without_construct_only
from alicloud_ml.hcl.render import Block, render_file
from tests.hcl.conftest import REPO, workspace
from tests.tools import needs

pytestmark = needs("terraform")
ENVS = REPO / "stacks" / "envs"


def _toml_counts(env: str) -> Counter[str]:
    """The env built by cdktf, without the sections modules/ml-platform does not have (CONSTRUCT_ONLY)."""
    import sys
    import tempfile
    import tomllib

    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from alicloud_ml._cdk import App
    from alicloud_ml.config import parse_config
    from stacks.ml_platform import platform_stack

    data = tomllib.loads((ENVS / f"{env}.toml").read_text(encoding="utf-8"))
    kept = without_construct_only(data, env)
    config = parse_config({"name": env, **kept}, f"{env}.toml")
    with tempfile.TemporaryDirectory() as out:  # cdktf's App creates <outdir>/stacks at once (default: ./cdktf.out)
        doc = platform_stack(App(outdir=out), config, backend="local").to_terraform()
    return Counter({rtype: len(named) for rtype, named in doc["resource"].items()})


def _hcl_counts(env: str, root: Path, cli_config: Path) -> Counter[str]:
    source = os.path.relpath(MODULES_DIR / "ml-platform", root)
    block = module_inputs_from_toml(ENVS / f"{env}.toml", source=source)
    provider = Block("provider", ("alicloud",), {"region": "cn-shanghai"})
    (root / "main.tf").write_text(render_file([terraform_block(), provider, block]))
    ws = workspace(root, cli_config)
    plan = ws.plan_json()
    return Counter(rc["type"] for rc in plan["resource_changes"]
                   if rc["mode"] == "managed" and rc["change"]["actions"] == ["create"])


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_hcl_platform_and_toml_env_plan_the_same_resources_type_by_type(env, tmp_path, hcl_cli_config):
    # GIVEN the reference env as TOML (cdktf synth) and the same file translated field for field into a
    # module block of modules/ml-platform (planned by real terraform against the emulator)
    toml = _toml_counts(env)
    hcl = _hcl_counts(env, tmp_path, hcl_cli_config)
    # THEN both build the same number of resources of every type
    assert dict(sorted(hcl.items())) == dict(sorted(toml.items()))
    assert sum(toml.values()) > 30


def test_translated_module_block_reads_like_the_toml(tmp_path):
    # GIVEN dev.toml  WHEN translated  THEN sections become object inputs and TOML-only keys are left out
    text = module_inputs_from_toml(ENVS / "dev.toml")
    assert 'source = "./modules/ml-platform"' in text and 'name = "dev"' in text
    assert "node_pools = {" in text and "suppressions" not in text and "lock_table" not in text
    assert json.dumps("cn-shanghai") not in text.split("network")[0]  # region belongs to the provider
