"""ALIML_010 (warning): non-production EAS services and GPU node pools can scale to zero.

The environment is the resource's `environment` tag, else the stack name (first segment of the
construct path, e.g. `ml-dev`). `prod`, `production`, `prd`, or a stack name containing one of
them as a `-`/`_` token (`ml-prod`) is production; anything else is non-production.
PASS (non-prod): EAS `autoscaler.min = 0` or `autoscaler.behavior.onZero` set; GPU pool
`scaling_config.min_size = 0`.  FAIL (non-prod): anything that keeps instances warm.
NOT APPLICABLE: production, unknown environment, CPU node pools.
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.naming import is_prod
from alicloud_ml.eas_service_config import decode
from alicloud_ml.policies.values import as_int, environment_of, first_block, is_gpu_pool

CHECK = PolicyCheck(
    id="ALIML_010",
    severity=Severity.LOW,
    title="Ensure non-production EAS services and GPU node pools can scale to zero",
    why="Idle GPUs bill by the hour: development and staging capacity that cannot reach zero is the largest "
        "avoidable cost of an ML platform.",
    fix="Set GpuNodePoolProps.min_size = 0 and EasServiceProps.autoscaler.min_instances = 0 (or scale_to_zero) outside prod.",
    resource_types=("alicloud_pai_service", "alicloud_cs_kubernetes_node_pool"),
)


def evaluate(resource: Resource) -> Result:
    env = environment_of(resource.attrs, resource.path)
    if env is None or is_prod(env):
        return Result.not_applicable()
    if resource.type == "alicloud_pai_service":
        config, _ = decode(resource.attrs.get("service_config"))
        if config is None:
            return Result.not_applicable()  # ALIML_009 reports an unreadable service_config
        scaler = config.autoscaler or {}
        if as_int(scaler.get("min")) == 0 or config.scales_to_zero_on_idle:
            return Result.passed()
        low = scaler.get("min", config.metadata.get("instance", "unset"))
        return Result.failed(f"{env} EAS service keeps {low} instance(s) warm; set autoscaler.min 0 or behavior.onZero",
                             field="service_config.autoscaler")
    if not is_gpu_pool(resource.attrs):
        return Result.not_applicable()
    low = as_int(first_block(resource.attrs, "scaling_config").get("min_size"))
    if low == 0:
        return Result.passed()
    shown = "no scaling_config (fixed size)" if low is None else f"min_size {low}"
    return Result.failed(f"{env} GPU node pool cannot scale to zero ({shown})", field="scaling_config.min_size")


check = checkov_check(CHECK, evaluate)
