"""ALIML_019: production clusters, CPFS file systems and state buckets cannot be destroyed by accident.

Stack-level, production only (the resource's `environment` tag, else its stack name, is `prod`,
`production` or `prd`; a bucket counts when a production stack's OSS backend keeps state in it,
wherever the bucket is declared). Clusters need `deletion_protection = true` (the API then refuses
DeleteCluster; provider v1.289.0 alicloud/resource_alicloud_cs_managed_kubernetes.go); CPFS file
systems and OSS buckets that hold the stacks' Terraform state need `lifecycle.prevent_destroy`
(Terraform then refuses any plan that deletes them).
PASS: protected.  FAIL: unprotected.  NOT APPLICABLE: other environments, other resources.
"""

from __future__ import annotations

from alicloud_ml.naming import is_prod
from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.values import as_bool, environment_of, mapping

CLUSTER_TYPES = ("alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes")
CPFS_TYPES = ("cpfs", "cpfsse")

CHECK = PolicyCheck(
    id="ALIML_019",
    severity=Severity.HIGH,
    title="Ensure production clusters, CPFS and state buckets are protected from deletion",
    why="A replaced CPFS loses every training file, a deleted state bucket loses every environment's state, and "
        "a deleted cluster takes every running job with it; one mistyped destroy must not do that in prod.",
    fix="Set PlatformConfig.production = true (derived from the name prod): it turns on "
        "AckClusterProps.deletion_protection and CpfsFileSystemProps.prevent_destroy, and the state bucket's "
        "prevent_destroy.",
    resource_types=(*CLUSTER_TYPES, "alicloud_nas_file_system", "alicloud_oss_bucket"),
    stack_level=True,
)


def _prevents_destroy(resource: Resource) -> bool:
    return as_bool(mapping(resource.attrs, "lifecycle").get("prevent_destroy")) is True


def evaluate_resource(resource: Resource, prod_state_buckets: frozenset[str]) -> Result:
    if resource.type in CLUSTER_TYPES:
        if as_bool(resource.attrs.get("deletion_protection")) is True:
            return Result.passed()
        return Result.failed("production cluster without deletion_protection = true", field="deletion_protection")
    if resource.type == "alicloud_nas_file_system" and resource.attrs.get("file_system_type") in CPFS_TYPES:
        what = "production CPFS file system"
    elif resource.type == "alicloud_oss_bucket" and resource.attrs.get("bucket") in prod_state_buckets:
        what = "bucket holding production Terraform state"
    else:
        return Result.not_applicable()
    if _prevents_destroy(resource):
        return Result.passed()
    return Result.failed(f"{what} without lifecycle.prevent_destroy = true", field="lifecycle.prevent_destroy")


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    out = []
    for resource in stack.of_type(*CHECK.resource_types):
        env = environment_of(resource.attrs, resource.path)
        state_bucket = resource.type == "alicloud_oss_bucket" and resource.attrs.get("bucket") in stack.prod_state_buckets
        if not state_bucket and (env is None or not is_prod(env)):
            continue
        result = evaluate_resource(resource, stack.prod_state_buckets)
        if result.status != "not_applicable":
            out.append(StackFinding(resource.address, result, resource.path))
    return out
