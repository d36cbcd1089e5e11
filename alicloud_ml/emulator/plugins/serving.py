"""PAI types: `service_config` is a JSON service description the EAS API would accept; ids and statuses."""

from __future__ import annotations

from typing import Any

from alicloud_ml.catalog import eas_over_capacity
from alicloud_ml.catalog.limits import AUTOSCALER_BOUNDS, autoscaler_bounds_ok
from alicloud_ml.eas_service_config import EasServiceConfig, decode
from alicloud_ml.emulator.ids import number, rand
from alicloud_ml.emulator.plugins.registry import CloudError, Context, check, identifier, known, statuses


@check("alicloud_pai_service")
def service_config(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    text = state.get("service_config")
    if not known(text):
        return []
    where = ("service_config",)
    config, problem = decode(text)
    if config is None:
        return [CloudError("InvalidParameter.ServiceConfig", f"{ctx.address} service_config {problem}; accepted: a "
                           "JSON object, e.g. jsonencode({metadata = {name = \"my-svc\", instance = 1}, ...})", where)]
    name = config.name
    if not isinstance(name, str) or not name:
        return [CloudError("MissingParameter.ServiceName", f"{ctx.address} service_config has no metadata.name; "
                           "accepted: a service name in metadata.name (it becomes the service id)", where)]
    # UpdateService refuses the rename, so apply fails; the provider's plan has no such check (no CustomizeDiff
    # in resource_alicloud_pai_service.go), and refusing at plan would also block `terraform destroy`, whose
    # refreshing normal-mode plan comes first.
    if ctx.applying and ctx.prior is not None and known(ctx.prior.get("id")) and ctx.prior["id"] != name:
        return [CloudError("InvalidParameter.ServiceName", f"{ctx.address} service_config metadata.name {name} "
                           f"differs from the service's name {ctx.prior['id']}; accepted: {ctx.prior['id']} - "
                           "EAS services cannot be renamed, create a new one", where)]
    over = _over_capacity(config)
    if over:
        return [CloudError("InvalidParameter.ResourceExceeded", f"{ctx.address} service_config metadata.{field} "
                           f"{problem}; accepted: {accepted}", where) for field, problem, accepted in over]
    scaler = config.autoscaler
    if scaler is not None:
        low, high = _number(scaler.get("min")), _number(scaler.get("max"))
        if low is not None and high is not None and not autoscaler_bounds_ok(low, high):
            return [CloudError("InvalidParameter.Autoscaler",
                               f"{ctx.address} service_config autoscaler.min {low} is greater than autoscaler.max "
                               f"{high}; accepted: {AUTOSCALER_BOUNDS}", where)]
    return []


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _over_capacity(config: EasServiceConfig) -> list[tuple[str, str, str]]:
    """metadata cpu / memory / gpu beyond what `cloud.computing.instance_type` allocates (catalog types only)."""
    instance_type = config.instance_type
    asked = [config.metadata.get(k, 0) for k in ("cpu", "memory", "gpu")]
    if not isinstance(instance_type, str) or not all(isinstance(v, int) and not isinstance(v, bool) for v in asked):
        return []
    fields = {"cpu": "cpu", "memory_mb": "memory", "gpu": "gpu"}
    return [(fields[f], p, a) for f, p, a in eas_over_capacity(instance_type, *asked)]


# ---------------------------------------------------------------- what the PAI API fills in

statuses({"alicloud_pai_service": "Running", "alicloud_pai_workspace_workspace": "ENABLED"})
identifier("alicloud_pai_workspace_workspace")(lambda s: number(6))


@identifier("alicloud_pai_service")
def _service_id(s: dict[str, Any]) -> str:
    """The service's name from `service_config.metadata.name` (the provider's id is the ServiceName)."""
    config, _ = decode(s.get("service_config"))
    name = config.name if config else None
    return str(name) if name else "eas-" + rand(8)
