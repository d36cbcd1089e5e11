"""Props of `alicloud_ml.constructs.serving` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal, Self

from pydantic import Field, field_validator, model_validator

from alicloud_ml.catalog import eas_over_capacity
from alicloud_ml.catalog.limits import autoscaler_bounds_ok
from alicloud_ml.props.base import FrozenModel, InstanceTypeName, fail, join_errors

BUILTIN_PROCESSORS: tuple[str, ...] = (
    "easyrec-2.4", "easyrec-torch-1.0", "pmml",
    *(f"tensorflow_cpu_{v}" for v in ("1.12", "1.14", "1.15", "2.3", "2.4", "2.7")),
    *(f"tensorflow_gpu_{v}" for v in ("1.12", "1.14", "1.15", "2.4", "2.7")),
    *(f"pytorch_{d}_{v}" for d in ("cpu", "gpu") for v in ("1.6", "1.7", "1.9", "1.10")),
    "caffe_cpu", "caffe_gpu", "parameter_sever", "alink_pai_processor", "xnn_cpu",
    "easy_vision_cpu_tf1.12_torch151", "easy_vision_gpu_tf1.12_torch151", "easytransfer_cpu", "easytransfer_gpu",
    "easynlp", "easycv", "blade_cpu", "blade_cuda10.0_beta", "mediaflow", "triton",
)

_SECRET_NAME = re.compile(r"ACCESS_?KEY|SECRET|SECURITY_TOKEN|PASSWORD", re.IGNORECASE)


def _check_env(env: Mapping[str, str]) -> dict[str, str]:
    """Refuse credentials in environment variables: names like *ACCESS_KEY*/*SECRET*, values like `LTAI…`."""
    suspects = [name for name, value in env.items() if _SECRET_NAME.search(name) or value.startswith("LTAI")]
    if suspects:
        raise fail("", f"{', '.join(map(repr, suspects))} look like credentials", "non-secret settings only",
                   "give the service a RAM role (role_arn) instead of keys")
    return dict(env)


class RpcConfig(FrozenModel):
    """`metadata.rpc`: request queue and threads, always set explicitly."""

    max_queue_size: int = Field(64, ge=1, le=10000, description="Queued requests; a full queue answers 450. Default: `64`.")
    worker_threads: int = Field(5, ge=1, le=256, description="Worker threads per instance. Default: `5`.")
    keepalive_ms: int = Field(5000, ge=100, le=600000, description="Request timeout in ms (408 after); keep it at "
                                                                   "or above p99 latency. Default: `5000`.")


class ScaleStrategy(FrozenModel):
    """One autoscaling target."""

    metric: Literal["qps", "cpu", "gpu[util]"] = Field(description="`qps` (per instance), `cpu` or `gpu[util]`.")
    threshold: float = Field(gt=0, description="Target value per instance.")


class Autoscaler(FrozenModel):
    """`autoscaler`: bounded horizontal scaling, optional scale-to-zero (`behavior.onZero`)."""

    min_instances: int = Field(1, ge=0, description="Fewest instances (0 needs `scale_to_zero`). Default: `1`.")
    max_instances: int = Field(ge=1, le=1000, description="Most instances. Required (a bound is the point).")
    strategies: tuple[ScaleStrategy, ...] = Field(min_length=1, description="Scale targets, e.g. qps 50.")
    scale_to_zero: bool = Field(False, description="Scale to zero when idle; only for services that are not "
                                                   "latency-critical. Default: `false`.")
    scale_down_grace_period_s: int = Field(600, ge=0, description="Idle time before scaling to zero. Default: `600`.")
    scale_down_stabilization_s: int = Field(300, ge=0, description="Scale-down window. Default: `300`.")

    @model_validator(mode="after")
    def _bounds(self) -> Self:
        errors: list[ValueError] = []
        if not autoscaler_bounds_ok(self.min_instances, self.max_instances):
            errors.append(fail("max_instances", f"must be at least min_instances ({self.min_instances}), got "
                               f"{self.max_instances}", f"{self.min_instances}..1000"))
        if self.min_instances == 0 and not self.scale_to_zero:
            errors.append(fail("min_instances", "0 needs scale_to_zero = true", "1..max_instances"))
        join_errors(errors)
        return self

    def to_json(self) -> dict[str, Any]:
        behavior: dict[str, Any] = {"scaleDown": {"stabilizationWindowSeconds": self.scale_down_stabilization_s}}
        if self.scale_to_zero:
            behavior["onZero"] = {"scaleDownGracePeriodSeconds": self.scale_down_grace_period_s,
                                  "scaleUpActivationReplicas": 1}
        return {"min": self.min_instances, "max": self.max_instances,
                "scaleStrategies": [{"metricName": s.metric, "threshold": _number(s.threshold)} for s in self.strategies],
                "behavior": behavior}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


class Container(FrozenModel):
    """A custom container (instead of a built-in processor)."""

    image: str = Field(min_length=1, description="Image, e.g. a Triton or vLLM image in ACR.")
    command: str | None = Field(None, description="Start command. Default: - the image's entrypoint.")
    port: int = Field(8000, ge=1, le=65535, description="Serving port. Default: `8000`.")
    env: dict[str, str] = Field(default_factory=dict, description="Environment (no credentials). Default: none.")

    @field_validator("env")
    @classmethod
    def _no_credentials(cls, value: dict[str, str]) -> dict[str, str]:
        return _check_env(value)


class EasServiceProps(FrozenModel):
    """Props of `EasService`."""

    service_name: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$", description="Service name (`metadata.name`).")
    processor: str | None = Field(None, description="Built-in processor code, e.g. `triton`; exactly one of "
                                                    "`processor` / `containers`.")
    containers: tuple[Container, ...] | None = Field(None, description="Custom containers; exactly one of "
                                                                       "`processor` / `containers`.")
    model_path: str | None = Field(None, pattern=r"^(oss|http|https)://\S+$", description="Model location, e.g. "
                                                                                          "`oss://bucket/models/v1/`.")
    instance_count: int = Field(1, ge=0, le=1000, description="`metadata.instance`. Default: `1`.")
    cpu: int = Field(ge=1, le=512, description="vCPUs per instance (`metadata.cpu`).")
    memory_mb: int = Field(ge=256, description="Memory per instance in MB (`metadata.memory`).")
    gpu: int = Field(0, ge=0, le=16, description="GPUs per instance (`metadata.gpu`). Default: `0`.")
    instance_type: InstanceTypeName | None = Field(None, pattern=r"^ecs\.", description="`cloud.computing.instance_type`, a type listed "
                                                    "by `alicloud-ml catalog`; exclusive with `resource_group`.")
    resource_group: str | None = Field(None, description="Dedicated resource group (`metadata.resource`); "
                                                         "exclusive with `instance_type`.")
    rpc: RpcConfig = Field(default_factory=RpcConfig, description="Queue/threads/timeout. Default: 64 / 5 / 5000 ms.")
    autoscaler: Autoscaler | None = Field(None, description="Horizontal autoscaling. Default: - fixed instance_count.")
    role_arn: str | None = Field(None, description="RAM role the service assumes (OSS model access). Default: none.")
    workspace_id: str | None = Field(None, description="PAI workspace. Ignored on update by the provider.")
    create_timeout: str = Field("30m", pattern=r"^\d+[smh]$", description="Create timeout; the provider default "
                                                                        "(5m) is short for GPU models. Default: `30m`.")

    @field_validator("processor")
    @classmethod
    def _known_processor(cls, value: str | None) -> str | None:
        if value is None or value in BUILTIN_PROCESSORS:
            return value
        hint = ("EAS has no tensorrt processor: serve TensorRT engines with `triton` or a custom container"
                if "tensorrt" in value.lower() else "or use `containers` for a custom image")
        raise fail("", f"unknown processor {value!r}", ", ".join(BUILTIN_PROCESSORS), hint)

    @model_validator(mode="after")
    def _exactly_one(self) -> Self:
        errors: list[ValueError] = []
        if (self.processor is None) == (self.containers is None):
            errors.append(fail("processor", "set exactly one of processor and containers"))
        if self.instance_type and self.resource_group:
            errors.append(fail("instance_type", "instance_type and resource_group are exclusive",
                               hint="public resources: instance_type; dedicated group: resource_group"))
        if self.instance_type:
            for field, problem, accepted in eas_over_capacity(self.instance_type, self.cpu, self.memory_mb, self.gpu):
                errors.append(fail(field, problem, accepted, "a larger instance_type, or less per instance: an "
                                   "instance asking for more than the node has is how an OOM cascade starts"))
        a = self.autoscaler
        if a is not None and not a.min_instances <= self.instance_count <= a.max_instances:
            errors.append(fail("instance_count", f"{self.instance_count} is outside the autoscaler bounds",
                               f"{a.min_instances}..{a.max_instances}"))
        join_errors(errors)
        return self
