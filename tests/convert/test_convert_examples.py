"""`alicloud-ml convert` output for the provider's documentation examples synthesizes and plans like the HCL.

GIVEN docs examples of many services (the committed corpus, tests/emulator/fidelity/examples), WHEN each
is converted by cdktf's converter and turned into an app on cdktf_cdktf_provider_alicloud, THEN every
app synthesizes, and one `terraform plan` against the emulator over all of them (each example twice, as
its HCL and as the synthesized JSON, each a module of one root) plans the same resources with the same
attributes for both. A sample of services runs in `make test`; `make convert-examples` runs all of them
(ALICLOUD_ML_CONVERT_EXAMPLES=all).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from alicloud_ml.convert import app_source, convert, write_app
from tests.tools import require

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "emulator" / "fidelity" / "examples"
#: One example per service (docs subcategory): 40 services. Each plans in an empty emulated cloud.
EXAMPLES = (
    "alicloud_ack_one_cluster/1", "alicloud_actiontrail_trail/1", "alicloud_alb_health_check_template/1",
    "alicloud_alidns_address_pool/1", "alicloud_alikafka_instance/1",
)
SAMPLE = EXAMPLES[:4]  # what `make test` runs: four services, about a minute


def selected() -> tuple[str, ...]:
    return EXAMPLES if os.environ.get("ALICLOUD_ML_CONVERT_EXAMPLES") == "all" else SAMPLE


def _terraform(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(["terraform", *args, "-no-color"], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=1800)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return result.stdout


def _module_dir(example: str) -> str:
    return example.replace("/", "_")


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory, emulator_config: Path) -> dict[str, Any]:
    """Convert, synthesize and plan every selected example; returns the plan as `terraform show -json` gives it."""
    require("terraform")
    examples = selected()
    converted = convert([CORPUS / f"{e}.tf" for e in examples])
    failures = {c.source: c.error for c in converted if c.error}
    assert failures == {}, failures
    apps = tmp_path_factory.mktemp("apps")
    for example, item in zip(examples, converted):
        write_app(apps / _module_dir(example), app_source(item.code, "example"))
    synth = subprocess.run([sys.executable, "-m", "tests.convert.synth_apps", str(apps)], cwd=REPO, capture_output=True,
                           text=True, timeout=1800)
    assert synth.returncode == 0, synth.stderr[-3000:]
    assert json.loads(synth.stdout.strip().splitlines()[-1]) == {}, "apps that did not synthesize"
    root = tmp_path_factory.mktemp("root")
    modules = {}
    for example in examples:
        name = _module_dir(example)
        (root / "hcl" / name).mkdir(parents=True)
        shutil.copy(CORPUS / f"{example}.tf", root / "hcl" / name / "main.tf")
        doc = json.loads((apps / name / "cdktf.out" / "stacks" / "example" / "cdk.tf.json").read_text())
        doc.get("terraform", {}).pop("backend", None)  # a child module has none; the root's state holds all
        (root / "cdk" / name).mkdir(parents=True)
        (root / "cdk" / name / "main.tf.json").write_text(json.dumps(doc))
        modules[f"hcl_{name}"] = {"source": f"./hcl/{name}"}
        modules[f"cdk_{name}"] = {"source": f"./cdk/{name}"}
    (root / "main.tf.json").write_text(json.dumps({
        "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.289.0"}}},
        "module": modules}))
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(emulator_config), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
               ALICLOUD_REGION="cn-hangzhou")
    _terraform(["init", "-input=false"], root, env)
    _terraform(["plan", "-input=false", "-out=plan.bin"], root, env)
    return json.loads(_terraform(["show", "-json", "plan.bin"], root, env))


def _planned(plan: dict[str, Any], module: str) -> dict[str, tuple[Any, Any]]:
    """{resource address inside the module: (planned values, which are unknown)}."""
    prefix = f"module.{module}."
    return {change["address"].removeprefix(prefix): (change["change"]["after"], change["change"]["after_unknown"])
            for change in plan.get("resource_changes", []) if change["address"].startswith(prefix)}


def test_the_examples_cover_at_least_thirty_services():
    index = {e["id"]: e for e in json.loads((CORPUS / "index.json").read_text())["examples"]}

    assert len({index[e]["subcategory"] for e in EXAMPLES}) >= 30


@pytest.mark.parametrize("example", selected())
def test_converted_example_plans_the_same_resources_and_attributes_as_its_hcl(plan, example):
    name = _module_dir(example)
    hcl, cdk = _planned(plan, f"hcl_{name}"), _planned(plan, f"cdk_{name}")

    assert hcl, f"{example}: the HCL plans no resource"
    assert sorted(cdk) == sorted(hcl)
    assert {address: values for address, values in cdk.items()} == hcl
