"""Code written for cdktf's generated provider classes runs on ours with only the import root changed.

Each test uses one member of cdktf's generated classes the way hand-written cdktf code does, and
checks it gives what cdktf's gives: tokens for attribute and list access, output references for
blocks, cdktf's names for colliding classes and keywords. GIVEN a stack, WHEN the member is used,
THEN the synthesized JSON holds what cdktf would write.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from alicloud_ml._cdk import cdk as cdktf
from alicloud_ml.errors import InputError, InputErrors
from cdktf_cdktf_provider_alicloud.cdn_domain import CdnDomain
from cdktf_cdktf_provider_alicloud.cs_kubernetes_node_pool import (
    CsKubernetesNodePool,
    CsKubernetesNodePoolConfig,
    CsKubernetesNodePoolScalingConfig,
    CsKubernetesNodePoolTaints,
)
from cdktf_cdktf_provider_alicloud.data_alicloud_zones import DataAlicloudZones
from cdktf_cdktf_provider_alicloud.instance import Instance
from cdktf_cdktf_provider_alicloud.log_alert import LogAlert
from cdktf_cdktf_provider_alicloud.oss_bucket import OssBucket
from cdktf_cdktf_provider_alicloud.provider import AlicloudProvider
from cdktf_cdktf_provider_alicloud.vswitch import Vswitch


def synth(build) -> dict[str, Any]:
    app = cdktf.App(outdir=str(pytest.importorskip("tempfile").mkdtemp()))
    stack = cdktf.TerraformStack(app, "ml")
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    build(stack)
    app.synth()
    return json.loads(Path(app.outdir, "stacks", "ml", "cdk.tf.json").read_text())


def pool(stack, **kwargs) -> CsKubernetesNodePool:
    return CsKubernetesNodePool(stack, "pool", cluster_id="c-1", node_pool_name="gpu", **{
        "taints": [CsKubernetesNodePoolTaints(key="nvidia.com/gpu", effect="NoSchedule")],
        "scaling_config": CsKubernetesNodePoolScalingConfig(min_size=0, max_size=4), **kwargs})


def outputs(doc: dict[str, Any]) -> dict[str, Any]:
    return {name: out["value"] for name, out in doc.get("output", {}).items()}


def test_complex_list_get_gives_a_token_for_a_blocks_field():
    doc = synth(lambda s: cdktf.TerraformOutput(s, "key", value=pool(s).taints.get(0).key))

    assert outputs(doc)["key"] == "${alicloud_cs_kubernetes_node_pool.pool.taints[0].key}"


def test_complex_list_get_gives_a_token_for_a_computed_object_list_of_a_data_source():
    def build(s):
        zones = DataAlicloudZones(s, "zones", available_resource_creation="VSwitch")
        Vswitch(s, "vsw", vpc_id="vpc-1", cidr_block="10.0.1.0/24", zone_id=zones.zones.get(0).id)

    doc = synth(build)

    assert doc["resource"]["alicloud_vswitch"]["vsw"]["zone_id"] == "${data.alicloud_zones.zones.zones[0].id}"


def test_a_single_block_getter_returns_an_output_reference_whose_fields_are_tokens():
    def build(s):
        vsw = Vswitch(s, "vsw", vpc_id="vpc-1", cidr_block="10.0.1.0/24", zone_id="cn-shanghai-b")
        cdktf.TerraformOutput(s, "create", value=vsw.timeouts.create)
        cdktf.TerraformOutput(s, "max", value=pool(s).scaling_config.max_size)

    values = outputs(synth(build))

    assert values == {"create": "${alicloud_vswitch.vsw.timeouts.create}",
                      "max": "${alicloud_cs_kubernetes_node_pool.pool.scaling_config[0].max_size}"}


def test_put_block_replaces_the_block_and_is_validated():
    def build(s):
        p = pool(s)
        p.put_scaling_config(CsKubernetesNodePoolScalingConfig(min_size=1, max_size=8))
        with pytest.raises(InputError, match=r"ml/pool: scaling_config\[0\].min_size: value -1 is less than"):
            p.put_scaling_config(CsKubernetesNodePoolScalingConfig(min_size=-1))

    doc = synth(build)

    assert doc["resource"]["alicloud_cs_kubernetes_node_pool"]["pool"]["scaling_config"] == [{"min_size": 1, "max_size": 8}]


def test_reset_attr_removes_the_argument():
    def build(s):
        pool(s).reset_scaling_config()

    doc = synth(build)

    assert "scaling_config" not in doc["resource"]["alicloud_cs_kubernetes_node_pool"]["pool"]


def test_attr_input_gives_the_configured_value_not_a_token():
    captured = {}

    def build(s):
        p = pool(s)
        captured.update(name=p.node_pool_name_input, max=p.scaling_config.max_size_input, unset=p.labels_input,
                        taints=p.taints.internal_value)

    synth(build)

    assert captured["name"] == "gpu" and captured["max"] == 4 and captured["unset"] is None
    assert captured["taints"] == [CsKubernetesNodePoolTaints(key="nvidia.com/gpu", effect="NoSchedule")]


def test_type_config_struct_holds_the_constructor_keywords_and_checks_them():
    config = CsKubernetesNodePoolConfig(cluster_id="c-1", node_pool_name="gpu", count=2)

    assert (config.cluster_id, config.node_pool_name, config.count) == ("c-1", "gpu", 2)
    with pytest.raises(InputErrors, match="CsKubernetesNodePoolConfig: node_pool_nam: unknown argument - did you mean"):
        CsKubernetesNodePoolConfig(cluster_id="c-1", node_pool_nam="gpu")


def test_tf_resource_type_names_the_terraform_type():
    assert (CsKubernetesNodePool.TF_RESOURCE_TYPE, DataAlicloudZones.TF_RESOURCE_TYPE) == (
        "alicloud_cs_kubernetes_node_pool", "alicloud_zones")


def test_generate_config_for_import_writes_an_import_block():
    doc = synth(lambda s: CsKubernetesNodePool.generate_config_for_import(s, "imported", "c-1:np-1"))

    assert doc["import"] == [{"id": "c-1:np-1", "to": "alicloud_cs_kubernetes_node_pool.imported"}]


def test_connection_and_provisioners_are_meta_arguments():
    def build(s):
        Instance(s, "vm", instance_type="ecs.g7.large", image_id="ubuntu_22", vswitch_id="vsw-1",
                 connection=cdktf.SSHProvisionerConnection(type="ssh", host="${self.public_ip}", user="root"),
                 provisioners=[cdktf.LocalExecProvisioner(type="local-exec", command="echo created")])

    vm = synth(build)["resource"]["alicloud_instance"]["vm"]

    assert vm["connection"] == {"type": "ssh", "host": "${self.public_ip}", "user": "root"}
    assert vm["provisioner"] == [{"local-exec": {"command": "echo created"}}]


def test_terraform_output_takes_a_block_list():
    doc = synth(lambda s: cdktf.TerraformOutput(s, "taints", value=pool(s).taints))

    assert outputs(doc)["taints"] == "${alicloud_cs_kubernetes_node_pool.pool.taints}"


def test_cdktf_collision_class_names_are_aliases_of_ours():
    from cdktf_cdktf_provider_alicloud.cdn_domain_config import CdnDomainConfig, CdnDomainConfigA
    from cdktf_cdktf_provider_alicloud.edas_k8_s_application import EdasK8SApplication
    from cdktf_cdktf_provider_alicloud.edas_k8s_application import EdasK8SApplication as AsConvertImportsIt
    from cdktf_cdktf_provider_alicloud.oss_bucket import OssBucketLogging as OssBucketLoggingBlock
    from cdktf_cdktf_provider_alicloud.oss_bucket_logging import OssBucketLogging, OssBucketLoggingA

    assert OssBucketLoggingA is OssBucketLogging and CdnDomainConfigA is CdnDomainConfig
    assert OssBucketLoggingBlock.__name__ == "OssBucketLoggingBlock"  # in oss_bucket, cdktf's name is the block
    assert EdasK8SApplication is AsConvertImportsIt and EdasK8SApplication.TF_TYPE == "alicloud_edas_k8s_application"


def test_cdktf_keyword_spellings_are_accepted_next_to_ours():
    def build(s):
        # cdktf renames the construct scope `scope_` when the type has a `scope` argument, and spells
        # page_404_config as page404_config
        CdnDomain(s, "cdn", domain_name="a.example.com", cdn_type="web", scope="domestic",
                  page404_config={"page_type": "default"})
        cdktf.TerraformOutput(s, "id", value=Vswitch(s, "vsw", cidr_block="10.0.1.0/24", zone_id="z",
                                                     vpc_id="vpc-1", id="given").id)

    doc = synth(build)

    cdn = doc["resource"]["alicloud_cdn_domain"]["cdn"]
    assert cdn["scope"] == "domestic" and cdn["page_404_config"] == [{"page_type": "default"}]
    assert doc["resource"]["alicloud_vswitch"]["vsw"]["id"] == "given"


def test_a_value_given_under_both_spellings_is_one_problem():
    with pytest.raises(InputErrors) as err:
        synth(lambda s: CdnDomain(s, "cdn", domain_name="a.example.com", cdn_type="web",
                                  page_404_config={"page_type": "default"}, page404_config={"page_type": "x"},
                                  scop="global"))
    text = str(err.value)
    assert "ml/cdn: page_404_config: given twice (under two spellings)" in text
    assert "ml/cdn: scop: unknown argument - did you mean 'scope'?" in text


def test_nested_blocks_accept_their_id_field():
    def build(s):
        LogAlert(s, "alert", project_name="p", alert_name="a", alert_displayname="A",
                 template_configuration=[{"id": "sls.app.ack.node.down", "type": "sys", "lang": "en"}])
        OssBucket(s, "b", bucket="bkt", lifecycle_rule=[{"id": "expire", "enabled": True,
                                                          "expiration": [{"days": 30}]}])

    doc = synth(build)

    assert doc["resource"]["alicloud_log_alert"]["alert"]["template_configuration"][0]["id"] == "sls.app.ack.node.down"
    assert doc["resource"]["alicloud_oss_bucket"]["b"]["lifecycle_rule"][0]["id"] == "expire"


def dynamic_taints(stack) -> None:
    taints = cdktf.TerraformIterator.from_list(["nvidia.com/gpu", "dedicated"])
    CsKubernetesNodePool(stack, "pool", cluster_id="c-1", node_pool_name="gpu",
                         taints=taints.dynamic({"key": taints.value, "effect": "NoSchedule"}))


def test_iterator_dynamic_as_a_block_value_synthesizes_a_dynamic_block():
    node_pool = synth(dynamic_taints)["resource"]["alicloud_cs_kubernetes_node_pool"]["pool"]

    assert "taints" not in node_pool
    assert node_pool["dynamic"] == {"taints": {
        "for_each": '${toset(["nvidia.com/gpu", "dedicated"])}', "iterator": "each",
        "content": {"key": "${each.value}", "effect": "NoSchedule"}}}


def test_a_dynamic_block_passes_terraform_validate(tmp_path, emulator_config):
    app = cdktf.App(outdir=str(tmp_path))
    stack = cdktf.TerraformStack(app, "ml")
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    dynamic_taints(stack)
    app.synth()
    workdir = tmp_path / "stacks" / "ml"
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(emulator_config), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1")
    for command in (["init", "-input=false"], ["validate", "-json"]):
        result = subprocess.run(["terraform", *command, "-no-color"], cwd=workdir, env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr


def test_add_override_into_a_block_list_is_the_same_under_run_app_as_in_a_plain_app(tmp_path):
    from alicloud_ml.synth import synthesize

    def build(app):
        stack = cdktf.TerraformStack(app, "ml")
        AlicloudProvider(stack, "alicloud", region="cn-shanghai")
        bucket = OssBucket(stack, "b", bucket="bkt", lifecycle_rule=[{"id": "r1", "enabled": True, "prefix": "x/"}])
        bucket.add_override("lifecycle_rule.0.id", "r2")

    synthesize(build, tmp_path / "gated", gate=False, log=lambda _: None)
    plain = cdktf.App(outdir=str(tmp_path / "plain"))
    build(plain)
    plain.synth()
    rules = [json.loads((tmp_path / d / "stacks" / "ml" / "cdk.tf.json").read_text())["resource"]["alicloud_oss_bucket"]
             ["b"]["lifecycle_rule"] for d in ("gated", "plain")]

    assert rules[0] == rules[1] == [{"id": "r2", "enabled": True, "prefix": "x/"}]
