from __future__ import annotations

import json

import pytest
from conftest import synth

from alicloud_ml.constructs.security import ServingSecurityGroup
from alicloud_ml.constructs.serving import EasService
from alicloud_ml.errors import InputError

SEED = {
    "service_name": "production-fraud-detection-v1", "processor": "triton", "instance_count": 3, "cpu": 8, "gpu": 1,
    "memory_mb": 16000, "instance_type": "ecs.gn7i-c8g1.2xlarge", "model_path": "oss://models/fraud/v1/",
    "autoscaler": {"min_instances": 2, "max_instances": 10, "strategies": [{"metric": "qps", "threshold": 50}]},
}


def _config(out) -> dict:
    return json.loads(out.one("alicloud_pai_service")["service_config"])


def test_eas_service_config_is_valid_json_with_bounded_rpc_and_autoscaler(stack):
    EasService(stack, "Fraud", props=SEED)

    config = _config(synth(stack))

    assert config["metadata"] == {"name": "production-fraud-detection-v1", "instance": 3, "cpu": 8, "gpu": 1,
                                  "memory": 16000, "rpc": {"max_queue_size": 64, "worker_threads": 5, "keepalive": 5000}}
    assert config["processor"] == "triton"
    assert config["cloud"]["computing"] == {"instance_type": "ecs.gn7i-c8g1.2xlarge"}
    assert config["autoscaler"]["min"] == 2 and config["autoscaler"]["max"] == 10
    assert config["autoscaler"]["scaleStrategies"] == [{"metricName": "qps", "threshold": 50}]
    assert "onZero" not in config["autoscaler"]["behavior"]


def test_eas_service_in_vpc_interpolates_network_tokens_inside_the_json_string(stack, network):
    group = ServingSecurityGroup(stack, "Serving", network=network, props={"name": "serving"})
    EasService(stack, "Fraud", props=SEED, network=network, security_group=group)

    out = synth(stack)

    networking = _config(out)["cloud"]["networking"]
    assert networking["vpc_id"].startswith("${alicloud_vpc.") and networking["vpc_id"].endswith(".id}")
    assert networking["vswitch_id"].startswith("${alicloud_vswitch.")
    assert networking["security_group_id"].startswith("${alicloud_security_group.")
    assert out.one("alicloud_pai_service")["timeouts"]["create"] == "30m"


def test_eas_service_scale_to_zero_sets_on_zero_behavior(stack):
    EasService(stack, "Fraud", props={**SEED, "instance_count": 1, "autoscaler": {
        "min_instances": 0, "max_instances": 4, "scale_to_zero": True, "strategies": [{"metric": "qps", "threshold": 50}]}})

    autoscaler = _config(synth(stack))["autoscaler"]

    assert autoscaler["min"] == 0
    assert autoscaler["behavior"]["onZero"] == {"scaleDownGracePeriodSeconds": 600, "scaleUpActivationReplicas": 1}


def test_eas_service_rejects_tensorrt_with_a_hint_to_use_triton(stack):
    with pytest.raises(InputError) as err:
        EasService(stack, "Fraud", props={**SEED, "processor": "tensorrt"})

    message = str(err.value)
    assert "test/Fraud: processor: unknown processor 'tensorrt'; accepted: " in message and "triton" in message
    assert "serve TensorRT engines with `triton` or a custom container" in message


def test_eas_service_rejects_unknown_processor_listing_builtin_codes(stack):
    with pytest.raises(InputError, match=r"processor: unknown processor 'pytorch'; accepted: easyrec-2.4, .*pytorch_gpu_1.10"):
        EasService(stack, "Fraud", props={**SEED, "processor": "pytorch"})


def test_eas_service_rejects_processor_and_containers_together(stack):
    with pytest.raises(InputError, match="processor: set exactly one of processor and containers"):
        EasService(stack, "Fraud", props={**SEED, "containers": [{"image": "registry/triton:24.01"}]})


def test_eas_service_rejects_access_keys_in_container_env(stack):
    props = {**SEED, "processor": None, "containers": [{"image": "img", "env": {
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "x", "MODEL_TOKEN": "LTAI" + "5tFakeFake"}}]}
    with pytest.raises(InputError) as err:
        EasService(stack, "Fraud", props=props)

    assert "containers[0].env: 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'MODEL_TOKEN' look like credentials" in str(err.value)


def test_eas_service_rejects_instance_count_outside_autoscaler_bounds(stack):
    with pytest.raises(InputError, match=r"instance_count: 12 is outside the autoscaler bounds; accepted: 2..10"):
        EasService(stack, "Fraud", props={**SEED, "instance_count": 12})
