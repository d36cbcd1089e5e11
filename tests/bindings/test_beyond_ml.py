"""The bindings are the whole provider, not the ML subset: 30 resource types and 10 data sources other teams
need (KMS, ECS, ALB, AnalyticDB, Container Registry, ...) build one stack, synthesize, and pass real
`terraform validate` against the emulator; a typo in any of them fails at construction.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from alicloud_ml._cdk import App, TerraformStack, Token
from alicloud_ml.codegen.model import python_name
from alicloud_ml.errors import InputError
from alicloud_ml.provider import AlicloudProvider, class_for
from alicloud_ml.provider.ecs import DataAlicloudImages, DataAlicloudZones, Instance
from alicloud_ml.provider.kms import KmsKey, KmsSecret
from alicloud_ml.provider.vpc import Vpc, Vswitch
from alicloud_ml.schema.samples import minimal_config

RESOURCES = (
    "alicloud_alb_load_balancer", "alicloud_gpdb_instance", "alicloud_cr_ee_instance", "alicloud_cr_ee_namespace",
    "alicloud_slb_load_balancer", "alicloud_db_instance", "alicloud_kvstore_instance", "alicloud_mongodb_instance",
    "alicloud_polardb_cluster", "alicloud_fcv3_function", "alicloud_ram_user", "alicloud_ram_group",
    "alicloud_actiontrail_trail", "alicloud_cms_alarm", "alicloud_alidns_record", "alicloud_nlb_load_balancer",
    "alicloud_vpn_gateway", "alicloud_cen_instance", "alicloud_ecs_launch_template", "alicloud_ess_scaling_group",
    "alicloud_oos_template", "alicloud_ros_stack", "alicloud_eci_container_group", "alicloud_sae_namespace",
    "alicloud_api_gateway_group", "alicloud_ecs_key_pair",
)  # plus Vpc, Vswitch, Instance, KmsKey, KmsSecret built by hand below: 31 types outside the ML set
DATA_SOURCES = (
    "alicloud_instance_types", "alicloud_regions", "alicloud_account", "alicloud_caller_identity", "alicloud_vpcs",
    "alicloud_kms_keys", "alicloud_alb_zones", "alicloud_cr_ee_instances",
)  # plus DataAlicloudZones and DataAlicloudImages: 10 data sources


def _generic(stack: Any, tf_type: str, data: bool = False) -> Any:
    args = {python_name(k, top_level=True): v for k, v in minimal_config(tf_type, data).items()}
    return class_for(tf_type, data)(stack, ("data_" if data else "") + tf_type.removeprefix("alicloud_"), **args)


def build(stack: Any) -> None:
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    zones = DataAlicloudZones(stack, "zones", available_resource_creation="VSwitch")
    image = DataAlicloudImages(stack, "ubuntu", name_regex="^ubuntu_22", owners="system", most_recent=True)
    vpc = Vpc(stack, "vpc", vpc_name="team-b", cidr_block="172.16.0.0/16")
    vsw = Vswitch(stack, "vsw", vpc_id=vpc.id, cidr_block="172.16.1.0/24", zone_id="cn-shanghai-b")
    key = KmsKey(stack, "key", description="team-b data key", pending_window_in_days=7, automatic_rotation="Enabled",
                 rotation_interval="604800s")
    KmsSecret(stack, "secret", secret_name="team-b-db", secret_data="${var.db_password}", version_id="v1",
              encryption_key_id=key.id)
    Instance(stack, "web", instance_type="ecs.g7.xlarge", availability_zone=zones.interpolation_for_attribute(
        "zones.0.id"), image_id=Token.as_string(image.interpolation_for_attribute("images.0.id")),
             vswitch_id=vsw.id, instance_name="team-b-web", system_disk_category="cloud_essd")
    for tf_type in RESOURCES:
        _generic(stack, tf_type)
    for tf_type in DATA_SOURCES:
        _generic(stack, tf_type, data=True)


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    app = App(outdir=str(out))
    build(TerraformStack(app, "team-b"))
    app.synth()
    return out / "stacks" / "team-b"


def test_thirty_resource_types_and_ten_data_sources_beyond_the_ml_set_synthesize(synthesized):
    doc = json.loads((synthesized / "cdk.tf.json").read_text())

    assert len(doc["resource"]) >= 30 and len(doc["data"]) == 10
    assert doc["resource"]["alicloud_kms_secret"]["secret"]["encryption_key_id"] == "${alicloud_kms_key.key.id}"
    assert doc["data"]["alicloud_zones"]["zones"]["available_resource_creation"] == "VSwitch"


def test_they_pass_terraform_validate_against_the_emulator(synthesized, emulator_config):
    (synthesized / "variables.tf.json").write_text(json.dumps({"variable": {"db_password": {"sensitive": True}}}))
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(emulator_config), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1")
    init = subprocess.run(["terraform", "init", "-input=false", "-no-color"], cwd=synthesized, env=env,
                          capture_output=True, text=True, timeout=300)
    assert init.returncode == 0, init.stdout + init.stderr
    result = subprocess.run(["terraform", "validate", "-json", "-no-color"], cwd=synthesized, env=env,
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    assert report["valid"] and report["error_count"] == 0, json.dumps(report["diagnostics"], indent=1)


@pytest.mark.parametrize("tf_type", RESOURCES[:10] + ("alicloud_kms_key", "alicloud_instance"))
def test_a_typo_in_any_of_them_fails_at_construction_naming_the_attribute(tf_type, tmp_path):
    stack = TerraformStack(App(outdir=str(tmp_path)), "team-b")
    args = {python_name(k, top_level=True): v for k, v in minimal_config(tf_type).items()}
    args["descriptionn"] = "typo"

    with pytest.raises(InputError) as err:
        class_for(tf_type)(stack, "thing", **args)

    message = str(err.value)
    assert message.startswith("team-b/thing: descriptionn: unknown argument"), message
    assert "did you mean 'description'?" in message or "description" not in class_for(tf_type)._SPEC
