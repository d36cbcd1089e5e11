"""`[registry]`, `[notebooks]` and `[workspace]`: off when absent, derived names, wired by MlPlatform, on in dev/staging."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alicloud_ml.config import json_schema, load_config, parse_config
from alicloud_ml.errors import InputError, InputErrors

REPO = Path(__file__).resolve().parents[2]
ENVS = REPO / "stacks" / "envs"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MINIMAL = {"name": "team", "region": "cn-shanghai", "name_suffix": "abcde", "network": {"zones": ["cn-shanghai-b"]},
           "state": {"bucket": "ml-tfstate-test"}}


def test_sections_are_off_when_absent_and_on_in_dev_and_staging_only():
    for env, on in (("dev", True), ("staging", True), ("prod", False)):
        c = load_config(ENVS / f"{env}.toml", name_suffix="abcde")
        assert (c.registry is not None, c.notebooks is not None, c.workspace is not None) == (on, on, on), env


def test_names_are_derived_from_the_env_and_the_model_bucket_from_the_services():
    c = load_config(ENVS / "dev.toml", name_suffix="abcde")

    assert c.registry.instance_name == f"ml-dev-{c.name_suffix}"  # the file's committed suffix wins
    assert c.notebooks.function_name == "ml-dev-notebook-reaper"
    assert c.workspace.workspace_name == "ml_dev"
    assert c.workspace.model_uri == f"oss://ml-dev-models-{c.name_suffix}/"  # the [models] bucket
    assert (c.notebooks.cron, c.notebooks.exempt_tag, c.registry.public_cidrs) == ("0 0 19 * * *", "overnight=true", ())
    assert all(m.roles == ("PAI.AlgoDeveloper",) for m in c.workspace.members)


def test_empty_sections_enable_the_secure_defaults():
    c = parse_config({**MINIMAL, "registry": {}, "notebooks": {}, "workspace": {}})

    assert c.registry.edition == "Standard" and c.registry.ci is None and c.registry.public_cidrs == ()
    assert c.workspace.workspace_name == "ml_team" and c.workspace.members == ()


def test_notebooks_without_a_workspace_name_the_field():
    with pytest.raises(InputError, match=r"<config>: notebooks.workspace_id: no workspace to reap.*\[workspace\]"):
        parse_config({**MINIMAL, "notebooks": {}})

    assert parse_config({**MINIMAL, "notebooks": {"workspace_id": "ws-123"}}).notebooks.workspace_id == "ws-123"


def test_bad_sections_exit_2_naming_file_and_field(tmp_path):
    from alicloud_ml.cli import app

    text = (ENVS / "dev.toml").read_text().replace(
        "[registry]", '[registry]\npublic_cidrs = ["0.0.0.0/0"]\nedition = "Gold"', 1)
    bad = tmp_path / "dev.toml"
    bad.write_text(text)

    result = CliRunner().invoke(app, ["validate", str(bad)])

    assert result.exit_code == 2
    assert f"{bad}: registry.public_cidrs: '0.0.0.0/0' opens the registry to the whole internet" in result.output
    assert f"{bad}: registry.edition: invalid value 'Gold'; accepted: Basic, Standard, Advanced" in result.output
    with pytest.raises(InputErrors):
        load_config(bad)


def test_json_schema_covers_the_sections_with_derived_names_optional():
    schema = json_schema()

    for section, model, derived in (("registry", "RegistryConfig", "instance_name"),
                                    ("notebooks", "NotebooksConfig", "function_name"),
                                    ("workspace", "WorkspaceConfig", "workspace_name")):
        assert section in schema["properties"] and section not in schema.get("required", [])
        definition = schema["$defs"][model]
        assert derived not in definition.get("required", [])
        assert all("description" in f for f in definition["properties"].values()), model
    assert "Default: `overnight=true`" in schema["$defs"]["NotebooksConfig"]["properties"]["exempt_tag"]["description"]


def test_platform_builds_the_three_and_the_reaper_reaps_the_platform_workspace(tmp_path):
    from alicloud_ml._cdk import App
    from stacks.ml_platform import build_app

    app = App(outdir=str(tmp_path))
    stacks = build_app(app, ["dev"], backend="local")
    app.synth()
    doc = json.loads((tmp_path / "stacks" / "ml-dev" / "cdk.tf.json").read_text())
    resources = doc["resource"]

    (fn,) = resources["alicloud_fcv3_function"].values()
    (ws_name,) = resources["alicloud_pai_workspace_workspace"]
    assert fn["environment_variables"]["DSW_WORKSPACE_ID"] == f"${{alicloud_pai_workspace_workspace.{ws_name}.id}}"
    assert fn["log_config"][0]["project"].startswith("${alicloud_log_project.")
    assert "notebook-reaper" in {s["logstore_name"] for s in resources["alicloud_log_store"].values()}
    (cpfs_name,) = resources["alicloud_nas_file_system"]
    assert any(cpfs_name in d["uri"] for d in resources["alicloud_pai_workspace_dataset"].values())
    (link,) = resources["alicloud_cr_vpc_endpoint_linked_vpc"].values()
    assert link["vpc_id"].startswith("${alicloud_vpc.")
    assert "alicloud_cr_internet_endpoint" not in resources
    (instance,) = resources["alicloud_cr_ee_instance"]  # the VPC domain as the instance reports it
    assert any(f"alicloud_cr_ee_instance.{instance}.instance_endpoints" in o["value"] for o in doc["output"].values()
               if isinstance(o.get("value"), str))
    assert set(stacks) == {"ml-state", "ml-dev"}
