"""A typed view of a PAI-EAS `service_config`, the JSON service description `alicloud_pai_service` takes.

The gate, the cost estimate and the emulator each read the same few paths of it; this is where
those paths are written down, so a renamed key is fixed once. Values are returned as written
(each reader decides how strict to be about `"2"` vs `2`); only the decoding is shared.

Paths, from the EAS CreateService API (https://help.aliyun.com/zh/pai/developer-reference/api-eas-2021-07-01-createservice)
and its autoscaler API (https://help.aliyun.com/zh/pai/user-guide/api-eas-2021-07-01-updateserviceautoscaler):
`metadata.{name, instance, cpu, memory, gpu, resource, rpc.{max_queue_size, keepalive}}`,
`cloud.computing.{instance_type, instances[].type}`, `autoscaler.{min, max, behavior.onZero}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alicloud_ml.synthesized import json_attribute


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class EasServiceConfig:
    """One decoded `service_config` object."""

    data: dict[str, Any]

    @property
    def metadata(self) -> dict[str, Any]:
        return _object(self.data.get("metadata"))

    @property
    def name(self) -> Any:
        """`metadata.name`: the service name, which the provider uses as the service id."""
        return self.metadata.get("name")

    @property
    def rpc(self) -> dict[str, Any]:
        """`metadata.rpc`: queue, keepalive and worker settings."""
        return _object(self.metadata.get("rpc"))

    @property
    def resource_group(self) -> Any:
        """`metadata.resource`: a dedicated resource group, when the service runs on one."""
        return self.metadata.get("resource")

    @property
    def autoscaler(self) -> dict[str, Any] | None:
        """`autoscaler`, or None when the service has a fixed `metadata.instance` count."""
        scaler = self.data.get("autoscaler")
        return scaler if isinstance(scaler, dict) else None

    @property
    def scales_to_zero_on_idle(self) -> bool:
        """`autoscaler.behavior.onZero` is set: EAS scales the service to zero when idle."""
        return bool(_object(_object(self.autoscaler).get("behavior")).get("onZero"))

    @property
    def instance_type(self) -> Any:
        """`cloud.computing.instance_type`, else the first `cloud.computing.instances[].type`."""
        computing = _object(_object(self.data.get("cloud")).get("computing"))
        if computing.get("instance_type") is not None:
            return computing["instance_type"]
        instances = computing.get("instances")
        return _object(instances[0]).get("type") if isinstance(instances, list) and instances else None


def decode(value: Any) -> tuple[EasServiceConfig | None, str]:
    """(view, "") for a JSON object string (or an already-parsed object), else (None, what is wrong)."""
    data, problem = json_attribute(value)
    if problem:
        return None, problem
    if not isinstance(data, dict):
        return None, "is not a JSON object"
    return EasServiceConfig(data), ""
