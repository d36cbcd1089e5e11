"""Platform TOML files: the reference envs load; bad files name the file, the field path and what is accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alicloud_ml.config import json_schema, load_config
from alicloud_ml.errors import InputError, InputErrors

REPO = Path(__file__).resolve().parents[2]
ENVS = REPO / "stacks" / "envs"

MINIMAL = """
region = "cn-shanghai"

[network]
zones = ["cn-shanghai-b"]

[node_pools.training]
instance_types = ["ecs.gn7e-c16g1.16xlarge"]
max_size = 4

[state]
bucket = "ml-tfstate-test"
"""


def write(tmp_path: Path, text: str, name: str = "dev.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("env", ["dev", "staging", "prod"])
def test_reference_env_files_load(env):
    config = load_config(ENVS / f"{env}.toml")

    assert config.name == env and config.region == "cn-shanghai"
    assert config.network.vpc_cidr == "10.0.0.0/16"


def test_minimal_file_derives_names_from_env_and_keys(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))

    assert config.cluster.name == "ml-dev"
    assert config.node_pools["training"].node_pool_name == "training"
    assert config.network.region == "cn-shanghai" and config.state.region == "cn-shanghai"
    assert config.security.training.name == "ml-dev-training"
    assert config.system_pool.size == 2 and config.system_pool.instance_types == ("ecs.g7.xlarge",)
    assert not config.production and not config.cluster.deletion_protection


def test_globally_unique_names_take_the_suffix_from_the_file_and_only_from_the_file(tmp_path, monkeypatch):
    # GIVEN a per-checkout suffix an older toolkit left in the ignored .alicloud-ml/ and an environment variable
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".alicloud-ml").mkdir()
    (tmp_path / ".alicloud-ml" / "name-suffix").write_text("old42\n")
    monkeypatch.setenv("ALICLOUD_ML_NAME_SUFFIX", "env42")
    # WHEN one file carries a suffix and another none
    from_file = load_config(write(tmp_path, 'name_suffix = "f1"\n' + MINIMAL, name="qa.toml"))
    without = load_config(write(tmp_path, MINIMAL.replace('bucket = "ml-tfstate-test"\n', "")))
    # THEN only the file names things: neither the ignored file nor the environment changes a name
    assert from_file.observability.project_name == "ml-qa-logs-f1"
    assert from_file.state.bucket == "ml-tfstate-test"  # an explicit name is kept as written
    assert (without.name_suffix, without.state.bucket, without.observability.project_name) == (
        None, "ml-tfstate", "ml-dev-logs")


def test_a_service_is_named_after_its_env_and_key_so_two_envs_never_share_one(tmp_path):
    service = ('\n[services.fraud]\nprocessor = "triton"\ncpu = 8\nmemory_mb = 16000\nmodel_path = "fraud/v1/"\n'
               '\n[models]\n')
    dev = load_config(write(tmp_path, 'name_suffix = "s1"\n' + MINIMAL + service, name="dev.toml"))
    qa = load_config(write(tmp_path, 'name_suffix = "s1"\n' + MINIMAL + service, name="my-qa.toml"))

    assert (dev.services["fraud"].service_name, qa.services["fraud"].service_name) == ("dev_fraud", "my_qa_fraud")
    # a model_path without a scheme is a path in the [models] bucket the platform creates
    assert dev.models.bucket == "ml-dev-models-s1" and not dev.models.prevent_destroy
    assert dev.services["fraud"].model_path == "oss://ml-dev-models-s1/fraud/v1/"


def test_every_reference_env_commits_one_shared_name_suffix():
    import tomllib

    suffixes = {tomllib.loads((ENVS / f"{env}.toml").read_text()).get("name_suffix") for env in ("dev", "staging", "prod")}

    assert len(suffixes) == 1 and None not in suffixes  # in the committed files, not drawn per checkout


def test_a_production_env_protects_its_cluster_and_cpfs(tmp_path):
    config = load_config(write(tmp_path, MINIMAL + "\n[cpfs]\n", name="prod.toml"))

    assert config.production and config.cluster.deletion_protection and config.cpfs.prevent_destroy
    assert config.cluster.cpfs_mount_support and config.node_pools["training"].mounts_cpfs


BAD_CASES = [
    ("overlapping CIDRs", "[network]\nzones = [\"cn-shanghai-b\"]",
     "[network]\nzones = [\"cn-shanghai-b\", \"cn-shanghai-g\"]\nvswitch_cidrs = [\"10.0.1.0/24\", \"10.0.1.0/25\"]",
     "network.vswitch_cidrs[1]: 10.0.1.0/25 overlaps vswitch_cidrs[0]"),
    ("zone outside region", "zones = [\"cn-shanghai-b\"]", "zones = [\"cn-beijing-a\"]",
     "network.zones[0]: zone 'cn-beijing-a' is not in region 'cn-shanghai'; accepted: cn-shanghai-<letter>"),
    ("unknown instance type", "ecs.gn7e-c16g1.16xlarge", "ecs.gn99.2xlarge",
     "node_pools.training.instance_types[0]: unknown instance type 'ecs.gn99.2xlarge'; accepted: a GPU instance type "
     "listed by `alicloud-ml catalog --gpu`"),
    ("CPU type in a GPU pool", "ecs.gn7e-c16g1.16xlarge", "ecs.g7.2xlarge",
     "node_pools.training.instance_types[0]: ecs.g7.2xlarge has no GPU; accepted: a GPU instance type"),
    ("GPU type in the system pool", "[state]", "[system_pool]\ninstance_types = [\"ecs.gn7i-c8g1.2xlarge\"]\n\n[state]",
     "system_pool.instance_types[0]: ecs.gn7i-c8g1.2xlarge has 1 GPU(s); system pods belong on CPU nodes"),
    ("system pool of one node", "[state]", "[system_pool]\nsize = 1\n\n[state]",
     "system_pool.size: invalid value 1: input should be greater than or equal to 2"),
    ("desired size on an autoscaled pool", "max_size = 4", "max_size = 4\ndesired_size = 2",
     "node_pools.training.desired_size: is not used on an autoscaled pool"),
    ("EAS memory beyond the instance", "[state]", "[services.fraud]\nprocessor = \"triton\"\ncpu = 8\ngpu = 1\n"
     "memory_mb = 64000\ninstance_type = \"ecs.gn7i-c8g1.2xlarge\"\n\n[state]",
     "services.fraud.memory_mb: 64000 MB exceeds the 27648 MB ecs.gn7i-c8g1.2xlarge leaves after the system reserve "
     "(30720 MB in all); accepted: 256..27648"),
    ("EAS GPUs beyond the instance", "[state]", "[services.fraud]\nprocessor = \"triton\"\ncpu = 8\ngpu = 2\n"
     "memory_mb = 16000\ninstance_type = \"ecs.gn7i-c8g1.2xlarge\"\n\n[state]",
     "services.fraud.gpu: 2 GPUs exceed the 1 of ecs.gn7i-c8g1.2xlarge; accepted: 0..1"),
    ("EAS vCPUs beyond the instance", "[state]", "[services.fraud]\nprocessor = \"triton\"\ncpu = 16\ngpu = 1\n"
     "memory_mb = 16000\ninstance_type = \"ecs.gn7i-c8g1.2xlarge\"\n\n[state]",
     "services.fraud.cpu: 16 vCPUs exceed the 8 of ecs.gn7i-c8g1.2xlarge; accepted: 1..8"),
    ("mixed security group types", "[state]", "[security.serving]\nsecurity_group_type = \"enterprise\"\n\n[state]",
     "security.serving.security_group_type: 'enterprise' differs from the training group's 'normal'"),
    ("name suffix with capitals", "region = ", "name_suffix = \"AB\"\nregion = ",
     "name_suffix: invalid value 'AB'; accepted: text matching ^[a-z0-9]{1,5}$"),
    ("min above max", "max_size = 4", "min_size = 5\nmax_size = 4",
     "node_pools.training.max_size: must be greater than min_size (5), got 4; accepted: 6..1000"),
    ("tensorrt", "[state]", "[services.fraud]\nprocessor = \"tensorrt\"\ncpu = 8\nmemory_mb = 16000\n\n[state]",
     "services.fraud.processor: unknown processor 'tensorrt'; accepted: easyrec-2.4"),
    ("CPFS below minimum", "[state]", "[cpfs]\ncapacity_gib = 1200\n\n[state]",
     "cpfs.capacity_gib: invalid value 1200: input should be greater than or equal to 3600"),
    ("taint effect typo", "max_size = 4", "max_size = 4\ntaints = [{ key = \"gpu\", effect = \"NoSchedul\" }]",
     "node_pools.training.taints[0].effect: invalid value 'NoSchedul'; accepted: NoSchedule, PreferNoSchedule, NoExecute"),
]


@pytest.mark.parametrize(("case", "old", "new", "expected"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_config_is_rejected_naming_file_field_and_accepted(tmp_path, case, old, new, expected):
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))

    with pytest.raises((InputError, InputErrors)) as err:
        load_config(path)

    message = str(err.value)
    assert str(path) in message and expected in message, message


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    text = MINIMAL.replace("max_size = 4", "min_size = 5\nmax_size = 4").replace('"cn-shanghai-b"', '"cn-beijing-a"')
    path = write(tmp_path, text + "\n[cluster]\ncluster_spec = \"ack.pro.huge\"\n")

    with pytest.raises(InputErrors) as err:
        load_config(path)

    message = str(err.value)
    assert message.startswith(f"3 problems in {path}:")
    assert "cluster.cluster_spec: invalid value 'ack.pro.huge'" in message


def test_cross_section_checks_name_the_field(tmp_path):
    text = MINIMAL.replace("max_size = 4", "max_size = 4\ngpu_schedule = \"cgpu\"\ncheckpoint_target = \"cpfs://x/ckpt\"\n"
                           "spot_strategy = \"SpotAsPriceGo\"")

    with pytest.raises(InputErrors) as err:
        load_config(write(tmp_path, text))

    message = str(err.value)
    assert "node_pools.training.gpu_schedule: 'cgpu' needs ack-ai-installer; accepted: default" in message
    assert "node_pools.training.checkpoint_target: points at CPFS but [cpfs] is not configured" in message


def test_invalid_toml_names_the_file(tmp_path):
    path = write(tmp_path, "region = \n")

    with pytest.raises(InputError, match=rf"^{path}: invalid TOML"):
        load_config(path)


def test_unknown_field_is_a_typo_not_a_silent_no_op(tmp_path):
    with pytest.raises(InputError, match=r"network.vpc_cdir: unknown field"):
        load_config(write(tmp_path, MINIMAL.replace("[network]", "[network]\nvpc_cdir = \"10.1.0.0/16\"")))


def test_json_schema_describes_every_section_and_leaves_derived_fields_optional():
    schema = json_schema()

    assert {"region", "network", "node_pools", "services", "cpfs", "state"} <= set(schema["properties"])
    assert "name" not in schema.get("required", [])
    assert "region" not in schema["$defs"]["MlNetworkProps"].get("required", [])
    assert schema["$defs"]["Taint"]["properties"]["effect"]


def test_cli_schema_prints_json_and_init_writes_a_loadable_file(tmp_path):
    from alicloud_ml.cli import app

    runner = CliRunner()
    schema = runner.invoke(app, ["schema"])
    assert schema.exit_code == 0 and json.loads(schema.output)["title"] == "alicloud-ml platform description"

    init = runner.invoke(app, ["init", str(tmp_path)])
    assert init.exit_code == 0, init.output
    assert load_config(tmp_path / "dev.toml").name == "dev"
    again = runner.invoke(app, ["init", str(tmp_path)])
    assert again.exit_code != 0


def test_config_module_does_not_read_the_shared_reference_folder():
    source = (REPO / "alicloud_ml" / "config.py").read_text() + "".join(
        p.read_text() for p in (REPO / "alicloud_ml" / "constructs").glob("*.py"))

    assert "/work/shared" not in source and "shared/reference" not in source
