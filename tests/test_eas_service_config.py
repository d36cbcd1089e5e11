"""The shared EAS `service_config` view: what decodes, what each path reads, and what is refused."""

from __future__ import annotations

import json

import pytest

from alicloud_ml.eas_service_config import decode


def test_paths_read_what_eas_documents() -> None:
    config, problem = decode(json.dumps({
        "metadata": {"name": "svc", "instance": 2, "resource": "eas-r-1", "rpc": {"max_queue_size": 64}},
        "cloud": {"computing": {"instances": [{"type": "ecs.gn7i-c8g1.2xlarge"}, {"type": "ecs.gn6i-c4g1.xlarge"}]}},
        "autoscaler": {"min": 0, "max": 4, "behavior": {"onZero": {"scaleDownGracePeriodSeconds": 300}}},
    }))
    assert problem == "" and config is not None
    assert (config.name, config.resource_group, config.rpc) == ("svc", "eas-r-1", {"max_queue_size": 64})
    assert config.instance_type == "ecs.gn7i-c8g1.2xlarge"  # the first of cloud.computing.instances
    assert config.autoscaler == {"min": 0, "max": 4, "behavior": {"onZero": {"scaleDownGracePeriodSeconds": 300}}}
    assert config.scales_to_zero_on_idle


def test_a_fixed_size_service_has_no_autoscaler_and_an_explicit_instance_type_wins() -> None:
    config, _ = decode({"metadata": {"name": "svc"}, "cloud": {"computing": {
        "instance_type": "ecs.g7.xlarge", "instances": [{"type": "ecs.gn7i-c8g1.2xlarge"}]}}})
    assert config is not None
    assert (config.autoscaler, config.scales_to_zero_on_idle, config.instance_type) == (None, False, "ecs.g7.xlarge")
    assert config.rpc == {} and config.resource_group is None


@pytest.mark.parametrize(("value", "problem"), [
    (None, "is missing"),
    ("  ", "is missing"),
    ("${jsonencode(local.config)}", "is a Terraform expression, not known until apply"),
    ('{"metadata": ', "is not valid JSON (Expecting value at position 13)"),
    ("[1, 2]", "is not a JSON object"),
])
def test_what_is_not_a_service_config_says_why(value: object, problem: str) -> None:
    assert decode(value) == (None, problem)
