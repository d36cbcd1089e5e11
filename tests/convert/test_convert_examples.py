"""`alicloud-ml convert` output for the provider's documentation examples synthesizes and plans like the HCL.

GIVEN docs examples of many services (the committed corpus, tests/emulator/fidelity/examples), WHEN each
is converted by cdktf's converter and turned into an app on cdktf_cdktf_provider_alicloud, THEN every
app synthesizes, and one `terraform plan` against the emulator over all of them (each example twice, as
its HCL and as the synthesized JSON, each a module of one root) plans the same resources with the same
attributes for both. A sample of four services runs in `make test`; `make convert-examples` runs all 48
(ALICLOUD_ML_CONVERT_EXAMPLES=all).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from alicloud_ml.convert import app_source, convert, write_app
from alicloud_ml.fidelity.terraform import provider_pin
from tests.tools import require

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "emulator" / "fidelity" / "examples"
#: The first example of each of the first 60 services (docs subcategories) of the corpus, less 12: ten look
#: up objects an empty cloud lacks (their HCL fails the same way; the fidelity run seeds them),
#: alicloud_emr_cluster/1 uses an undeclared variable, and cdktf convert cannot parse
#: alicloud_dbs_backup_plan/1 (escaped quotes inside a `${}` template). 48 services.
EXAMPLES = (
    "alicloud_ack_one_cluster/1", "alicloud_actiontrail_global_events_storage_region/1",
    "alicloud_alb_health_check_template/1", "alicloud_alidns_address_pool/1",
    "alicloud_aligreen_audit_callback/1", "alicloud_alikafka_scheduled_scaling_rule/1",
    "alicloud_amqp_open_source_account/1", "alicloud_api_gateway_backend/1", "alicloud_apig_domain/1",
    "alicloud_arms_alert_robot/1", "alicloud_bp_studio_application/1",
    "alicloud_brain_industrial_pid_organization/1", "alicloud_cddc_dedicated_host_account/1",
    "alicloud_cen_child_instance_route_entry_to_attachment/1", "alicloud_click_house_backup_policy/1",
    "alicloud_cloud_control_resource/1", "alicloud_cloud_firewall_ai_traffic_analysis_status/1",
    "alicloud_cloud_phone_instance/1", "alicloud_cloud_sso_group/1", "alicloud_cms_alert_rule_v2/1",
    "alicloud_common_bandwidth_package/1", "alicloud_compute_nest_service_instance/1",
    "alicloud_cs_autoscaling_config/1", "alicloud_data_works_folder/1", "alicloud_database_gateway_gateway/1",
    "alicloud_datahub_subscription/1", "alicloud_dbfs_instance/1", "alicloud_ddos_basic_defense_threshold/1",
    "alicloud_ddos_bgp_policy/1", "alicloud_dfs_access_rule/1", "alicloud_direct_mail_tag/1",
    "alicloud_dts_migration_instance/1", "alicloud_eais_client_instance_attachment/1",
    "alicloud_ebs_disk_replica_group/1", "alicloud_ecd_custom_property/1", "alicloud_eci_image_cache/1",
    "alicloud_ecs_deployment_set/1", "alicloud_edas_instance_cluster_attachment/1", "alicloud_eflo_node/1",
    "alicloud_ehpc_cluster_v2/1", "alicloud_eip_address/1", "alicloud_eipanycast_anycast_eip_address/1",
    "alicloud_elasticsearch_instance/1", "alicloud_ens_disk_instance_attachment/1",
    "alicloud_event_bridge_rule/1", "alicloud_express_connect_router_express_connect_router/1",
    "alicloud_fcv2_function/1", "alicloud_fcv3_alias/1",
)
#: What `make test` runs: four services whose HCL needs the fixes (a heredoc, an escaped JSON string,
#: map keys with capitals, a token in a concatenation).
SAMPLE = ("alicloud_alidns_address_pool/1", "alicloud_alikafka_scheduled_scaling_rule/1",
          "alicloud_bp_studio_application/1", "alicloud_amqp_open_source_account/1")


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
        hcl = (CORPUS / f"{example}.tf").read_text()
        (root / "hcl" / name / "main.tf").write_text(hcl)
        if "required_providers" not in hcl:  # docs examples rely on the implied source, as the fidelity run pins it
            (root / "hcl" / name / "versions.tf").write_text(provider_pin("1.289.0"))
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

    assert len({index[e]["subcategory"] for e in EXAMPLES}) >= 30 and set(SAMPLE) <= set(EXAMPLES)


def test_converted_examples_plan_the_same_resources_and_attributes_as_their_hcl(plan):
    # one test for all examples: they share one conversion, synthesis and plan (a module fixture that
    # parametrized tests would make each xdist worker compute again)
    differences = {}
    for example in selected():
        name = _module_dir(example)
        hcl, cdk = _planned(plan, f"hcl_{name}"), _planned(plan, f"cdk_{name}")
        assert hcl, f"{example}: the HCL plans no resource"
        if cdk != hcl:
            differences[example] = {address: (hcl.get(address), cdk.get(address)) for address in hcl.keys() | cdk.keys()
                                    if hcl.get(address) != cdk.get(address)}

    assert differences == {}
