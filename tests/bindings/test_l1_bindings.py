"""Generated L1 bindings: validation at construction, synthesized shape, references, drift."""

from __future__ import annotations

import json

import pytest

from alicloud_ml import schema
from alicloud_ml._cdk import App, TerraformStack, Token
from alicloud_ml.codegen.generate import drift
from alicloud_ml.errors import InputError, InputErrors
from alicloud_ml.provider import RESOURCE_CLASSES, AlicloudProvider
from alicloud_ml.provider.ack import (
    CsKubernetesNodePool,
    CsKubernetesNodePoolScalingConfig,
    CsKubernetesNodePoolTaints,
)
from alicloud_ml.provider.ots import OtsTable, OtsTablePrimaryKey
from alicloud_ml.provider.pai import PaiService, PaiServiceTimeouts
from alicloud_ml.provider.vpc import Vpc, Vswitch


def synth(stack_builder) -> dict:
    app = App(outdir=str(pytest.importorskip("tempfile").mkdtemp()))
    stack = TerraformStack(app, "ml")
    stack_builder(stack)
    app.synth()
    with open(f"{app.outdir}/stacks/ml/cdk.tf.json") as fh:
        return json.load(fh)


@pytest.fixture()
def stack():
    return TerraformStack(App(outdir=str(pytest.importorskip("tempfile").mkdtemp())), "ml")


def test_generated_bindings_match_a_fresh_generation_from_the_schema():
    assert drift() == [], "run `make bindings` and commit the result"


def test_every_schema_resource_type_has_a_generated_class():
    assert sorted(RESOURCE_CLASSES) == schema.resource_types()


def test_typo_in_argument_name_fails_naming_path_attribute_and_suggestion(stack):
    with pytest.raises(InputError) as err:
        Vpc(stack, "network", cidr_blok="10.0.0.0/16")
    assert str(err.value) == "ml/network: cidr_blok: unknown argument - did you mean 'cidr_block'?"


def test_wrong_type_fails_naming_path_attribute_and_expected_type(stack):
    with pytest.raises(InputError) as err:
        Vswitch(stack, "compute", cidr_block=10, zone_id="cn-shanghai-b")
    assert "ml/compute: cidr_block: expected a string, got 10 (int)" in str(err.value)


def test_missing_required_argument_fails_naming_path_and_attribute(stack):
    with pytest.raises(InputError) as err:
        PaiService(stack, "eas")
    assert str(err.value) == "ml/eas: service_config: required argument is missing"


def test_value_outside_allowed_values_fails_listing_accepted_values(stack):
    with pytest.raises(InputError) as err:
        Vpc(stack, "network", dns_hostname_status="ENABLE")
    assert "ml/network: dns_hostname_status: invalid value 'ENABLE'; accepted: ENABLED, DISABLED" in str(err.value)


def test_documented_enum_the_provider_does_not_validate_is_still_checked_in_nested_blocks(stack):
    with pytest.raises(InputError) as err:
        CsKubernetesNodePool(stack, "pool", cluster_id="c1", node_pool_name="gpu",
                             taints=[CsKubernetesNodePoolTaints(key="gpu", effect="NoSchedul")])
    assert "ml/pool: taints[0].effect: invalid value 'NoSchedul'; accepted: NoSchedule, PreferNoSchedule, NoExecute" in str(
        err.value
    )


def test_all_problems_are_reported_together(stack):
    with pytest.raises(InputErrors) as err:
        CsKubernetesNodePool(stack, "pool", taints=[{"value": "x"}], scaling_config=CsKubernetesNodePoolScalingConfig(min_size=-1))
    text = str(err.value)
    assert text.startswith("4 problems in ml/pool:")
    assert "node_pool_name: exactly one of node_pool_name, name must be set, got none" in text
    assert "cluster_id: required argument is missing" in text
    assert "taints[0].key: required argument is missing" in text
    assert "scaling_config[0].min_size: value -1 is less than the minimum allowed value of 0" in text


def test_invalid_construct_is_not_added_to_the_tree(stack):
    with pytest.raises(InputError):
        Vpc(stack, "network", cidr_block=1)
    assert [c.node.id for c in stack.node.children] == []


def test_references_synthesize_as_terraform_interpolations():
    def build(stack):
        vpc = Vpc(stack, "vpc", cidr_block="10.0.0.0/16")
        Vswitch(stack, "vsw", vpc_id=vpc.id, cidr_block="10.0.1.0/24", zone_id="cn-shanghai-b")

    out = synth(build)
    assert out["resource"]["alicloud_vswitch"]["vsw"]["vpc_id"] == "${alicloud_vpc.vpc.id}"


def test_nested_blocks_synthesize_as_lists_of_objects_and_single_blocks_as_objects():
    def build(stack):
        CsKubernetesNodePool(
            stack, "pool", cluster_id="c1", node_pool_name="gpu",
            taints=[CsKubernetesNodePoolTaints(key="nvidia.com/gpu", value="present", effect="NoSchedule")],
            scaling_config=CsKubernetesNodePoolScalingConfig(min_size=0, max_size=4),
        )
        PaiService(stack, "eas", service_config='{"metadata": {"name": "svc"}}', timeouts=PaiServiceTimeouts(create="30m"))

    out = synth(build)
    pool = out["resource"]["alicloud_cs_kubernetes_node_pool"]["pool"]
    assert pool["taints"] == [{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}]
    assert pool["scaling_config"] == [{"min_size": 0, "max_size": 4}]
    assert out["resource"]["alicloud_pai_service"]["eas"]["timeouts"] == {"create": "30m"}


def test_dicts_are_accepted_for_nested_blocks():
    def build(stack):
        OtsTable(stack, "lock", instance_name="state", table_name="tf_lock", time_to_live=-1, max_version=1,
                 primary_key=[{"name": "LockID", "type": "String"}])

    out = synth(build)
    assert out["resource"]["alicloud_ots_table"]["lock"]["primary_key"] == [{"name": "LockID", "type": "String"}]


def test_tokens_are_accepted_where_a_value_of_that_type_is(stack):
    size = Token.as_number("${var.size}")
    pool = CsKubernetesNodePool(stack, "pool", cluster_id=Token.as_string("${var.cluster}"), node_pool_name="gpu",
                                system_disk_size=size, instance_types=Token.as_list("${var.types}"))
    assert pool.configured("system_disk_size") == size


def test_setting_an_attribute_after_construction_is_validated(stack):
    table = OtsTable(stack, "t", instance_name="mlstate", table_name="t", time_to_live=-1, max_version=1,
                     primary_key=[OtsTablePrimaryKey(name="LockID", type="String")])
    with pytest.raises(InputError) as err:
        table.max_version = "one"
    assert "ml/t: max_version: expected an integer" in str(err.value)


def test_exactly_one_of_rules_from_the_schema_are_enforced(stack):
    with pytest.raises(InputError) as err:
        Vswitch(stack, "compute", cidr_block="10.0.1.0/24", zone_id="cn-shanghai-b", availability_zone="cn-shanghai-b")
    assert "ml/compute: availability_zone: conflicts with zone_id" in str(err.value) or "exactly one of zone_id" in str(
        err.value
    )


def test_provider_regex_is_checked_at_construction(stack):
    with pytest.raises(InputError) as err:
        OtsTable(stack, "t", instance_name="9bad", table_name="t", time_to_live=-1, max_version=1,
                 primary_key=[OtsTablePrimaryKey(name="LockID", type="String")])
    assert "ml/t: instance_name: invalid value '9bad'; accepted: a value matching ^[a-zA-Z]" in str(err.value)


def test_provider_requires_a_region_and_pins_the_schema_version():
    def build(stack):
        AlicloudProvider(stack, "alicloud", region="cn-shanghai")

    out = synth(build)
    assert out["provider"]["alicloud"] == [{"region": "cn-shanghai"}]
    assert out["terraform"]["required_providers"]["alicloud"] == {"source": "aliyun/alicloud", "version": schema.provider_version()}


def test_provider_without_region_fails(stack):
    with pytest.raises(InputError) as err:
        AlicloudProvider(stack, "alicloud")
    assert "ml/alicloud: region: required argument is missing" in str(err.value)


@pytest.mark.parametrize("credential", ["access_key", "secret_key", "security_token"])
def test_provider_does_not_accept_credentials(stack, credential):
    with pytest.raises(InputError) as err:
        AlicloudProvider(stack, "alicloud", region="cn-shanghai", **{credential: "x"})
    assert f"{credential}: unknown argument" in str(err.value)


def test_removed_attributes_are_not_exposed(stack):
    with pytest.raises(InputError) as err:
        CsKubernetesNodePool(stack, "pool", cluster_id="c1", node_pool_name="gpu", vpc_id="vpc-1")  # removed in the provider
    assert "vpc_id: unknown argument" in str(err.value)


def test_every_exported_name_is_defined_once_and_blocks_never_shadow_resources():
    import importlib

    from alicloud_ml.provider import SERVICES
    from cdktf_cdktf_provider_alicloud._l1 import Block, DataSource, Resource

    seen: dict[str, str] = {}
    for service in SERVICES:
        module = importlib.import_module(f"alicloud_ml.provider.{service}")
        for name in module.__all__:
            assert name not in seen, f"{name} exported by {seen[name]} and {service}"
            seen[name] = service
            cls = getattr(module, name)
            assert cls.__name__ == name, f"{service}.{name} is {cls.__name__}"  # ours, not a cdktf alias
            assert issubclass(cls, (Block, Resource, DataSource))
    from alicloud_ml.provider.oss import OssBucketVersioning, OssBucketVersioningBlock

    assert issubclass(OssBucketVersioning, Resource) and issubclass(OssBucketVersioningBlock, Block)


def test_numeric_allowed_values_are_listed_in_the_message(stack):
    from alicloud_ml.provider.eip import EipAddress

    with pytest.raises(InputError) as err:
        EipAddress(stack, "eip", period=10)
    assert str(err.value) == "ml/eip: period: invalid value 10; accepted: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36"


def test_reserved_argument_names_cover_every_public_member_of_cdktf_base_classes():
    from alicloud_ml._cdk import TerraformDataSource, TerraformResource
    from alicloud_ml.codegen.model import RESERVED

    members = {n for n in set(dir(TerraformResource)) | set(dir(TerraformDataSource)) if not n.startswith("_")}
    assert members <= RESERVED, sorted(members - RESERVED)


def test_an_argument_named_like_a_cdktf_member_gets_a_trailing_underscore(stack):
    from alicloud_ml.provider.ehpc import EhpcJobTemplate

    job = EhpcJobTemplate(stack, "job", command_line="run", job_template_name="t", node_=2)

    assert job.configured("node") == 2 and job.node.path == "ml/job"


def test_importing_a_service_module_loads_no_other_module_and_not_the_schema():
    import subprocess
    import sys

    code = ("import sys, alicloud_ml.provider.kms; "
            "print(sorted(m for m in sys.modules if m.startswith('alicloud_ml.provider.') or m == 'alicloud_ml.schema'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)

    assert result.stdout.strip() == "['alicloud_ml.provider.kms', 'alicloud_ml.provider.provider']"


def test_the_emulator_decodes_only_the_types_it_is_asked_about():
    from alicloud_ml import schema
    from alicloud_ml.emulator import spec

    schema.resource_schema.cache_clear()
    spec.resource.cache_clear()
    spec.resource("alicloud_vpc")

    assert schema.resource_schema.cache_info().currsize == 1


def test_a_removed_argument_is_accepted_as_a_keyword_and_refused_with_the_provider_s_message(tmp_path):
    """terraform-plugin-sdk lowers Removed attributes and blocks into the schema (cdktf has their keywords) and
    refuses any value with "[REMOVED] <message>" (helper/schema/schema.go:2007): so do the bindings."""
    from cdktf_cdktf_provider_alicloud.amqp_queue import AmqpQueue

    stack = TerraformStack(App(outdir=str(tmp_path)), "removed")
    with pytest.raises(InputError) as err:
        AmqpQueue(stack, "q", instance_id="i", virtual_host_name="v", queue_name="q", exclusive_state=True)
    assert "exclusive_state: [REMOVED] Field `exclusive_state` has been removed from provider version 1.266.0." \
        in str(err.value)
