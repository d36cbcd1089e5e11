"""Terraform's own validation of hand-written JSON, schema checks the provider adds, and installation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alicloud_ml.cli import app
from alicloud_ml.emulator.install import install, launcher_path, platform_dir
from tests.emulator.conftest import VPC, Workspace, errors, ref


def test_typo_in_attribute_name_fails_validate_with_did_you_mean(ws: Workspace) -> None:
    ws.write({"alicloud_vpc": {"main": {"vpc_name": "main", "cidr_blok": "10.0.0.0/16"}}})
    result = ws.run("validate", ok=False)
    assert result.returncode == 1
    # Terraform's wording for .tf.json ("An argument named … is not expected here" is the HCL twin)
    assert 'Extraneous JSON object property' in errors(result)
    assert 'No argument or block type is named "cidr_blok". Did you mean "cidr_block"?' in errors(result)


def test_wrong_type_and_typo_in_nested_block_fail_validate(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_ots_instance": {"i": {"name": "inst1"}}, "alicloud_ots_table": {"t": {
        "instance_name": ref("alicloud_ots_instance.i.name"), "table_name": "t", "time_to_live": "forever",
        "max_version": 1, "primary_key": [{"name": "LockID", "type": "String", "tpye": "String"}]}}})
    text = errors(ws.run("validate", ok=False))
    assert "Incorrect attribute value type" in text and "a number is required" in text
    assert 'No argument or block type is named "tpye"' in text
    assert "alicloud_ots_table.t.primary_key[0]" in text


def test_schema_enums_ranges_and_exactly_one_of_fail_validate_naming_attribute(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"v": {"vpc_id": ref("alicloud_vpc.main.id"), "cidr_block": "10.0.1.0/24"}},
              "alicloud_nas_file_system": {"f": {"protocol_type": "NFS", "storage_type": "Fast"}},
              "alicloud_ots_instance": {"i": {"name": "x"}}})
    text = errors(ws.run("validate", ok=False))
    assert "alicloud_nas_file_system: storage_type: invalid value 'Fast'" in text
    assert "Accepted: Performance, Capacity, standard, advance, advance_100, advance_200, Premium" in text
    assert "alicloud_vswitch: exactly one of zone_id, availability_zone must be set" in text
    assert "alicloud_ots_instance: name: invalid value 'x'" in text


def test_deleting_a_vpc_still_used_by_a_vswitch_outside_the_config_is_refused(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"v": {"vpc_id": ref("alicloud_vpc.main.id"), "cidr_block": "10.0.1.0/24",
                                                "zone_id": "cn-shanghai-b"}}})
    ws.apply()
    ws.run("state", "rm", "alicloud_vswitch.v")  # the vswitch still exists in the cloud
    ws.write(VPC)
    result = ws.run("destroy", "-auto-approve", "-input=false", ok=False)
    assert "DependencyViolation: alicloud_vpc vpc-" in errors(result)
    assert "is still used by alicloud_vswitch vsw-" in errors(result)


def test_install_prints_only_the_export_line_and_writes_mirror_and_config(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TF_PLUGIN_CACHE_DIR", str(tmp_path / "empty-cache"))
    result = CliRunner().invoke(app, ["emulator", "install", "--dir", str(tmp_path / "inst")])
    assert result.exit_code == 0, result.output
    config = tmp_path / "inst" / "terraform.rc"
    assert result.stdout.strip() == f"export TF_CLI_CONFIG_FILE={config}"
    text = config.read_text()
    assert f'path    = "{tmp_path / "inst" / "mirror"}"' in text
    assert 'exclude = ["registry.terraform.io/aliyun/alicloud", "registry.terraform.io/hashicorp/alicloud"]' in text
    launcher = launcher_path(tmp_path / "inst")
    assert launcher.parts[-3:] == ("1.289.0", "linux_amd64", "terraform-provider-alicloud_v1.289.0")
    assert os.access(launcher, os.X_OK)
    assert sys.executable in launcher.read_text()


def test_providers_in_the_plugin_cache_are_mirrored_so_init_works_offline(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a plugin cache holding hashicorp/random (a stand-in binary: init installs, it does not run it)
    package = tmp_path / "cache" / "registry.terraform.io" / "hashicorp" / "random" / "3.6.3" / platform_dir()
    package.mkdir(parents=True)
    (package / "terraform-provider-random_v3.6.3_x5").write_text("#!/bin/sh\nexit 1\n")
    (package / "terraform-provider-random_v3.6.3_x5").chmod(0o755)
    monkeypatch.setenv("TF_PLUGIN_CACHE_DIR", str(tmp_path / "cache"))

    # WHEN the emulator is installed and a configuration needing both providers is initialised
    config = install(tmp_path / "inst")
    work = tmp_path / "work"
    work.mkdir()
    (work / "main.tf.json").write_text(
        '{"terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.289.0"}, '
        '"random": {"source": "hashicorp/random", "version": "3.6.3"}}}}')
    env = {k: v for k, v in os.environ.items() if k != "TF_PLUGIN_CACHE_DIR"}
    env.update(TF_CLI_CONFIG_FILE=str(config), CHECKPOINT_DISABLE="1")
    result = subprocess.run(["terraform", "init", "-input=false", "-no-color"], cwd=work, env=env,
                            capture_output=True, text=True, timeout=120, check=False)

    # THEN init finds both in the mirror, without the network
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Installing hashicorp/random v3.6.3" in result.stdout
    assert '"registry.terraform.io/hashicorp/random"' in config.read_text()


def test_launcher_run_by_hand_explains_itself_instead_of_hanging(tmp_path: Path) -> None:
    CliRunner().invoke(app, ["emulator", "install", "--dir", str(tmp_path)])
    env = {k: v for k, v in os.environ.items() if k != "TF_PLUGIN_MAGIC_COOKIE"}
    result = subprocess.run([str(launcher_path(tmp_path))], capture_output=True, text=True, env=env, timeout=60,
                            check=False)
    assert result.returncode == 1
    assert "alicloud-ml emulator install" in result.stderr


def test_status_and_reset_report_and_forget_the_emulated_cloud(ws: Workspace) -> None:
    ws.write(VPC)
    ws.apply()
    runner = CliRunner()
    status = runner.invoke(app, ["emulator", "status", "--state", str(ws.cloud)])
    # the VPC and the system route table it comes with (emulator/owned.py)
    assert status.exit_code == 0 and "2 objects" in status.stdout and "alicloud_vpc" in status.stdout
    reset = runner.invoke(app, ["emulator", "reset", "--state", str(ws.cloud), "--yes"])
    assert reset.exit_code == 0, reset.output
    assert ws.plan_exit_code() == 2  # the VPC is gone from the cloud, so Terraform plans it again


def test_install_makes_a_private_loopback_certificate_the_plugin_reuses(tmp_path: Path) -> None:
    from alicloud_ml.emulator.install import install
    from alicloud_ml.emulator.server import TLS_CERT_FILE, TLS_ENV, TLS_KEY_FILE, _server_certificate

    install(tmp_path)
    tls = tmp_path / "tls"
    assert (tls / TLS_KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert f"export {TLS_ENV}=" in launcher_path(tmp_path).read_text()
    os.environ[TLS_ENV] = str(tls)
    try:
        key_pem, cert_pem, _ = _server_certificate()
    finally:
        del os.environ[TLS_ENV]
    assert (key_pem, cert_pem) == ((tls / TLS_KEY_FILE).read_bytes(), (tls / TLS_CERT_FILE).read_bytes())


def test_an_object_an_older_emulator_stored_reads_back_in_todays_schema(ws: Workspace) -> None:
    # GIVEN a VPC whose stored object lacks an attribute today's schema has and holds one it no longer has
    # (what the emulated cloud keeps across toolkit upgrades that change the schema)
    from alicloud_ml.emulator.store import Store

    ws.write(VPC)
    ws.apply()
    store = Store(ws.cloud)
    (stored,) = store.find("alicloud_vpc")
    old = {k: v for k, v in stored.items() if k != "description"} | {"gone_attribute": "x"}
    with store.transaction():
        store.replace_state("alicloud_vpc", stored["id"], old)
    # WHEN Terraform refreshes it THEN the plan works and is empty (Terraform refused an object "with N
    # attributes" when Read returned the stored shape as it was)
    assert ws.plan_exit_code() == 0
