"""ACK node pool checks: instance types the catalog knows, GPU pools on GPU types, scaling bounds."""

from __future__ import annotations

from typing import Any

from alicloud_ml.catalog import get_instance_type, instance_types
from alicloud_ml.emulator import facts
from alicloud_ml.emulator.checks import CloudError, Context, check, known
from alicloud_ml.emulator.wire import UNKNOWN

POOL = "alicloud_cs_kubernetes_node_pool"


def _examples(gpu_only: bool) -> str:
    names = [n for n, t in sorted(instance_types().items()) if t.is_gpu or not gpu_only]
    return ", ".join(names[:3]) + f" (… {len(names)} in the alicloud-ml catalog)"


def _scaling(state: dict[str, Any]) -> dict[str, Any] | None:
    block = state.get("scaling_config")
    return block[0] if isinstance(block, list) and block and isinstance(block[0], dict) else None


def gpu_reason(state: dict[str, Any]) -> str | None:
    """Why a node pool must run on GPU types, or None when it need not."""
    scaling = _scaling(state)
    if scaling and scaling.get("type") in facts.GPU_SCALING_TYPES:
        return f"scaling_config.type is {scaling['type']}"
    for label in state.get("labels") or []:
        if isinstance(label, dict) and label.get("key") == facts.GPU_SCHEDULE_LABEL:
            return f"it carries the label {facts.GPU_SCHEDULE_LABEL}"
    return None


@check(POOL)
def instance_types_known(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    types = state.get("instance_types")
    if not isinstance(types, list):
        return []
    reason = gpu_reason(state)
    errors = []
    for i, name in enumerate(types):
        if not known(name):
            continue
        info = get_instance_type(name)
        if info is None:
            errors.append(CloudError("InvalidInstanceType.NotFound",
                                     f"{ctx.address} instance_types[{i}] {name} is not a known instance type; "
                                     f"accepted: {_examples(bool(reason))}", ("instance_types", i)))
        elif reason and not info.is_gpu:
            errors.append(CloudError("InvalidInstanceType.NotGpu",
                                     f"{ctx.address} instance_types[{i}] {name} has no GPU, but the pool needs GPU "
                                     f"types because {reason}; accepted: {_examples(True)}", ("instance_types", i)))
    return errors


def _int(value: Any) -> int | None:
    if value is None or value is UNKNOWN or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@check(POOL)
def scaling_bounds(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    errors = []
    desired_raw = state.get("desired_size")
    desired = _int(desired_raw)
    if known(desired_raw) and desired is None:
        errors.append(CloudError("InvalidParameter.DesiredSize", f"{ctx.address} desired_size {desired_raw!r} is "
                                 "not a whole number; accepted: a number of nodes as a string, e.g. \"2\"",
                                 ("desired_size",)))
    scaling = _scaling(state)
    top = facts.NODE_POOL_MAX_NODES
    if scaling is None or scaling.get("enable") is False:
        if desired is not None and not 0 <= desired <= top:
            errors.append(CloudError("InvalidParameter.DesiredSize", f"{ctx.address} desired_size {desired} is out "
                                     f"of range; accepted: 0 to {top}", ("desired_size",)))
        return errors
    low, high = _int(scaling.get("min_size")), _int(scaling.get("max_size"))
    if low is None or high is None:
        return errors
    if not 0 <= low < high <= top:
        errors.append(CloudError("InvalidParameter.ScalingConfig",
                                 f"{ctx.address} scaling_config min_size {low} / max_size {high} are not valid; "
                                 f"accepted: 0 <= min_size < max_size <= {top}", ("scaling_config", 0, "max_size")))
    elif desired is not None and not low <= desired <= high:
        errors.append(CloudError("InvalidParameter.DesiredSize",
                                 f"{ctx.address} desired_size {desired} is outside scaling_config bounds; accepted: "
                                 f"{low} to {high} (min_size to max_size)", ("desired_size",)))
    return errors


#: ECS: "An instance or an elastic network interface can belong to a maximum of five security groups",
#: and all of one type ("You cannot mix basic and advanced security groups on a single resource"):
#: https://help.aliyun.com/en/ecs/developer-reference/api-ecs-2014-05-26-joinsecuritygroup and
#: https://help.aliyun.com/en/ecs/user-guide/basic-security-groups-and-advanced-security-groups
MAX_GROUPS_PER_NODE = 5


@check(POOL)
def node_security_groups(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    ids = state.get("security_group_ids")
    if not isinstance(ids, list) or not all(known(i) for i in ids):
        return []
    where = ("security_group_ids",)
    if len(ids) > MAX_GROUPS_PER_NODE:
        return [CloudError("InvalidSecurityGroupId.Exceeded", f"{ctx.address} joins {len(ids)} security groups; "
                           f"accepted: at most {MAX_GROUPS_PER_NODE} per node", where)]
    if not ctx.applying:
        return []
    types = {}
    for group_id in ids:
        group = ctx.store.get("alicloud_security_group", group_id)
        if group is not None:
            types[group_id] = group.get("security_group_type") or "normal"
    if len(set(types.values())) > 1:
        shown = ", ".join(f"{i} ({t})" for i, t in types.items())
        return [CloudError("InvalidSecurityGroup.TypeMismatch", f"{ctx.address} mixes basic and enterprise security "
                           f"groups ({shown}); accepted: groups of one type", where)]
    return []
