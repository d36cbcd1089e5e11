"""ALIML_009: PAI-EAS services bound their request queue, their keepalive and their autoscaler.

PASS: `service_config` (a JSON string) sets `metadata.rpc.max_queue_size` > 0,
`metadata.rpc.keepalive` > 0 and `autoscaler.max` >= `autoscaler.min`.
FAIL: any of them missing, non-numeric or out of order, or a `service_config` that is not literal JSON.
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.catalog.limits import autoscaler_bounds_ok
from alicloud_ml.eas_service_config import decode
from alicloud_ml.policies.values import as_int, gate_problem

CHECK = PolicyCheck(
    id="ALIML_009",
    severity=Severity.HIGH,
    title="Ensure PAI-EAS services set rpc.max_queue_size, rpc.keepalive and a bounded autoscaler max",
    why="Unbounded queues let a traffic spike pile requests into memory until instances are killed for OOM, "
        "which shifts the load to the survivors (the out-of-memory cascade); a bounded queue answers 450 "
        "instead, keepalive caps a slow request (408), and autoscaler.max caps the bill.",
    fix="Set EasServiceProps.rpc.max_queue_size, rpc.keepalive_ms and autoscaler.max_instances.",
    resource_types=("alicloud_pai_service",),
)


def evaluate(resource: Resource) -> Result:
    config, problem = decode(resource.attrs.get("service_config"))
    if config is None:
        return Result.failed(f"service_config {gate_problem(problem)}", field="service_config")
    scaler = config.autoscaler or {}
    missing = []
    for key in ("max_queue_size", "keepalive"):
        value = as_int(config.rpc.get(key))
        if value is None or value <= 0:
            missing.append(f"metadata.rpc.{key}")
    high, low = as_int(scaler.get("max")), as_int(scaler.get("min"))
    if high is None or high <= 0:
        missing.append("autoscaler.max")
    elif low is not None and not autoscaler_bounds_ok(low, high):
        return Result.failed(f"service_config autoscaler.min {low} exceeds autoscaler.max {high}",
                             field="service_config.autoscaler")
    if missing:
        return Result.failed(f"EAS service_config does not set {', '.join(missing)}", field="service_config")
    return Result.passed()


check = checkov_check(CHECK, evaluate)
