"""The RAG tier (VectorStore, GenerationEndpoint, DocumentIngestion) applies in the emulator from its real
synthesized JSON, re-plans empty and destroys; its secrets come in only as TF_VAR_ values."""

from __future__ import annotations

import json
import secrets
import shutil
from pathlib import Path

from alicloud_ml._cdk import App, LocalBackend, TerraformStack
from alicloud_ml.constructs.ingestion import DocumentIngestion
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.constructs.rag import GenerationEndpoint, VectorStore
from alicloud_ml.constructs.security import ServingSecurityGroup
from alicloud_ml.provider import AlicloudProvider
from tests.emulator.conftest import errors, ref


def _synth_tier(outdir: Path) -> Path:
    """Synthesize the tier with `app.synth()` (the code package is an asset beside cdk.tf.json)."""
    app = App(outdir=str(outdir))
    stack = TerraformStack(app, "rag")
    LocalBackend(stack, path="terraform.tfstate")  # beside cdk.tf.json; cdktf's default is the process's cwd
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    net = MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b"]})
    store = VectorStore(stack, "Vectors", network=net, props={"name": "ml-staging-rag"})
    endpoint = GenerationEndpoint(stack, "Generation", name="ml-staging-rag", encryption_key=store.key)
    serving = ServingSecurityGroup(stack, "Serving", network=net, props={"name": "ml-staging-serving"})
    DocumentIngestion(stack, "Ingestion", network=net, security_group=serving, store=store, endpoint=endpoint,
                      props={"bucket": "ml-staging-rag-docs-t3st1", "function_name": "ml-staging-ingest"})
    app.synth()
    return outdir / "stacks" / "rag"


def test_the_rag_tier_applies_replans_empty_and_destroys(ws, tmp_path):
    stack_dir = _synth_tier(tmp_path / "out")
    shutil.copytree(stack_dir, ws.root, dirs_exist_ok=True)  # cdk.tf.json and assets/ (the code package)
    password, api_key = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    ws.env.update(TF_VAR_rag_db_password=password, TF_VAR_rag_api_key=api_key)

    applied = ws.apply()
    assert "Apply complete!" in applied.stdout
    state = ws.show()["values"]["root_module"]["resources"]
    types = {r["type"] for r in state}
    assert {"alicloud_gpdb_instance", "alicloud_gpdb_account", "alicloud_fcv3_function", "alicloud_fcv3_trigger",
            "alicloud_kms_secret", "alicloud_oss_bucket_versioning"} <= types
    function = next(r for r in state if r["type"] == "alicloud_fcv3_function")["values"]
    assert function["environment_variables"]["RAG_DB_HOST"]  # the store's connection string, filled at apply
    assert password not in json.dumps(function) and api_key not in applied.stdout
    assert ws.plan_exit_code() == 0
    ws.run("destroy", "-auto-approve", "-input=false")
    assert ws.state_list() == set()


def _store(**overrides) -> dict:
    return {"engine": "gpdb", "engine_version": "6.0", "db_instance_mode": "StorageElastic",
            "db_instance_category": "HighAvailability", "instance_spec": "4C32G", "seg_node_num": 4,
            "storage_size": 50, "seg_storage_type": "cloud_essd", "vpc_id": ref("alicloud_vpc.main.id"),
            "vswitch_id": ref("alicloud_vswitch.main.id"), "zone_id": "cn-shanghai-b", **overrides}


def _network() -> dict:
    return {"alicloud_vpc": {"main": {"vpc_name": "main", "cidr_block": "10.0.0.0/16"}},
            "alicloud_vswitch": {"main": {"vpc_id": ref("alicloud_vpc.main.id"), "cidr_block": "10.0.1.0/24",
                                          "zone_id": "cn-shanghai-b"}}}


def test_the_emulator_accepts_what_the_cloud_accepts_and_leaves_privacy_to_the_gate(ws):
    # A world-open whitelist and a public endpoint are legal on the real cloud; ALIML_020/021 refuse them.
    ws.write({**_network(), "alicloud_gpdb_instance": {"db": _store(
        ip_whitelist=[{"ip_group_name": "open", "security_ip_list": "0.0.0.0/0"}])},
        "alicloud_gpdb_connection": {"public": {"instance_id": ref("alicloud_gpdb_instance.db.id"),
                                                "connection_prefix": "ragpublic"}}})
    ws.apply()
    assert {"alicloud_gpdb_instance.db", "alicloud_gpdb_connection.public"} <= ws.state_list()


def test_the_emulator_refuses_a_vswitch_of_another_vpc(ws):
    network = _network()
    network["alicloud_vpc"]["other"] = {"vpc_name": "other", "cidr_block": "10.1.0.0/16"}
    ws.write({**network, "alicloud_gpdb_instance": {"db": _store(vpc_id=ref("alicloud_vpc.other.id"))}})
    result = ws.apply(ok=False)
    assert result.returncode != 0 and "InvalidVSwitchId.NotInVpc" in errors(result)
    assert not any(a.startswith("alicloud_gpdb_instance") for a in ws.state_list())
