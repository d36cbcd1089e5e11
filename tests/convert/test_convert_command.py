"""`alicloud-ml convert`: HCL in, a Python app on cdktf_cdktf_provider_alicloud out, which synthesizes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from alicloud_ml.cli import main
from tests.tools import require

REPO = Path(__file__).resolve().parents[2]
NETWORK = '''
variable "name" {
  default = "tf-example"
}
resource "alicloud_vpc" "default" {
  vpc_name   = var.name
  cidr_block = "10.4.0.0/16"
}
'''
SWITCH = '''
resource "alicloud_vswitch" "default" {
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "10.4.0.0/24"
  zone_id      = "cn-hangzhou-h"
  vswitch_name = "${var.name}-a"
  tags = {
    CostCenter = "ml"
  }
}
'''


def test_a_file_that_is_not_hcl_is_bad_input_naming_it(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")

    with pytest.raises(SystemExit) as exited:
        main(["convert", str(notes), "--out", str(tmp_path / "app")])

    assert exited.value.code == 2
    assert f"{notes}: not a .tf file or a directory" in capsys.readouterr().err
    assert not (tmp_path / "app").exists()


def test_a_module_directory_converts_to_an_app_that_synthesizes_it(tmp_path, capsys):
    require("terraform")
    module = tmp_path / "network"
    module.mkdir()
    (module / "network.tf").write_text(NETWORK)
    (module / "switch.tf").write_text(SWITCH)

    with pytest.raises(SystemExit) as exited:
        main(["convert", str(module), "--out", str(tmp_path / "app"), "--stack", "network"])
    assert exited.value.code == 0, capsys.readouterr().err
    source = (tmp_path / "app" / "main.py").read_text()
    assert "from cdktf_cdktf_provider_alicloud.vswitch import Vswitch" in source and "imports.alicloud" not in source
    assert json.loads((tmp_path / "app" / "cdktf.json").read_text())["app"] == "python3 main.py"
    env = dict(os.environ, PATH=f"{REPO / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run([sys.executable, "main.py"], cwd=tmp_path / "app", env=env, capture_output=True, text=True,
                         timeout=600)

    assert run.returncode == 0, run.stderr[-2000:]
    doc = json.loads((tmp_path / "app" / "cdktf.out" / "stacks" / "network" / "cdk.tf.json").read_text())
    assert doc["terraform"]["required_providers"]["alicloud"] == {"source": "aliyun/alicloud", "version": "1.289.0"}
    vswitch = doc["resource"]["alicloud_vswitch"]["default"]
    assert vswitch["vpc_id"] == "${alicloud_vpc.default.id}" and vswitch["vswitch_name"] == "${var.name}-a"
    assert vswitch["tags"] == {"CostCenter": "ml"}  # a map's key keeps its capitals


def test_hcl_the_converter_refuses_is_bad_input_naming_the_file(tmp_path, capsys):
    require("terraform")
    broken = tmp_path / "broken.tf"
    broken.write_text('resource "alicloud_vpc" "default" {\n  cidr_block = \n}\n')

    with pytest.raises(SystemExit) as exited:
        main(["convert", str(broken), "--out", str(tmp_path / "app")])

    assert exited.value.code == 2
    assert f"{broken}: cdktf convert could not convert it" in capsys.readouterr().err
    assert not (tmp_path / "app").exists()


@pytest.mark.skipif(os.environ.get("ALICLOUD_ML_CONVERT_EXAMPLES") != "all", reason="runs in make convert-examples")
def test_the_converter_writes_what_the_cdktf_convert_cli_writes(tmp_path, emulator_config):
    # the recipe: a cdktf.json naming the provider, HCL on stdin, the emulator's CLI config
    from alicloud_ml.convert import convert

    example = REPO / "tests" / "emulator" / "fidelity" / "examples" / "alicloud_ack_one_cluster" / "1.tf"
    (tmp_path / "cdktf.json").write_text(json.dumps({"language": "python", "app": "python3 main.py",
                                                     "terraformProviders": ["aliyun/alicloud@1.289.0"]}))
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(emulator_config), CDKTF_DISABLE_PLUGIN_CACHE_ENV="1",
               CHECKPOINT_DISABLE="1", CDKTF_DISABLE_TELEMETRY="1",
               PATH=f"{REPO / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}")
    cli = subprocess.run(["cdktf", "convert", "--language", "python", "--stack"], cwd=tmp_path, env=env,
                         input=example.read_text(), capture_output=True, text=True, timeout=900)

    assert cli.returncode == 0, cli.stderr[-2000:]
    assert convert([example])[0].code.strip() == cli.stdout.strip()
