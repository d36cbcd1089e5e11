"""ACK node pool checks: instance types the catalog knows, GPU pools on GPU types, scaling bounds."""

from __future__ import annotations

import os
import secrets
import time
from typing import Any

from alicloud_ml.catalog import get_instance_type, instance_types
from alicloud_ml.catalog.kubernetes import KUBERNETES_VERSIONS
from alicloud_ml.catalog.limits import NODE_POOL_BOUNDS, NODE_POOL_MAX_NODES, node_pool_bounds_ok
from alicloud_ml.emulator import facts
from alicloud_ml.emulator.ids import ACCOUNT_ID, hexid, rand
from alicloud_ml.emulator.plugins.registry import (
    CloudError,
    Context,
    Lookup,
    check,
    computed,
    identifier,
    known,
    statuses,
)
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


#: The real provider does not validate instance types: any type sold in the zone works. The emulator
#: refuses types its catalog does not know (a typo is the likelier cause), unless told to trust them.
TRUST_TYPES_ENV = "ALICLOUD_ML_EMULATOR_TRUST_INSTANCE_TYPES"


def trust_unknown_types() -> bool:
    return os.environ.get(TRUST_TYPES_ENV, "").strip().lower() in ("1", "true", "yes")


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
        if info is None and not trust_unknown_types():
            errors.append(CloudError("InvalidInstanceType.NotFound",
                                     f"{ctx.address} instance_types[{i}] {name} is not a known instance type; "
                                     f"accepted: {_examples(bool(reason))} - or set {TRUST_TYPES_ENV}=1 to accept "
                                     "types the catalog does not list", ("instance_types", i)))
        elif reason and info is not None and not info.is_gpu:
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
    top = NODE_POOL_MAX_NODES
    if scaling is None or scaling.get("enable") is False:
        if desired is not None and not 0 <= desired <= top:
            errors.append(CloudError("InvalidParameter.DesiredSize", f"{ctx.address} desired_size {desired} is out "
                                     f"of range; accepted: 0 to {top}", ("desired_size",)))
        return errors
    low, high = _int(scaling.get("min_size")), _int(scaling.get("max_size"))
    if low is None or high is None:
        return errors
    if not node_pool_bounds_ok(low, high):
        errors.append(CloudError("InvalidParameter.ScalingConfig",
                                 f"{ctx.address} scaling_config min_size {low} / max_size {high} are not valid; "
                                 f"accepted: {NODE_POOL_BOUNDS}", ("scaling_config", 0, "max_size")))
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


#: Every ACK cluster type takes `version`; the emulator's cloud offers the catalog's versions only.
CLUSTER_TYPES = ("alicloud_cs_managed_kubernetes", "alicloud_cs_serverless_kubernetes", "alicloud_cs_kubernetes",
                 "alicloud_cs_edge_kubernetes")


@check(*CLUSTER_TYPES)
def kubernetes_version_offered(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    """ACK creates and upgrades clusters only to the versions it currently offers (alicloud_ml.catalog.kubernetes);
    a cluster keeps running a version that has since left the list until it is changed."""
    version = state.get("version")
    if not known(version) or version in KUBERNETES_VERSIONS or (ctx.prior or {}).get("version") == version:
        return []
    return [CloudError("InvalidParameter.KubernetesVersion",
                       f"{ctx.address} version {version} is not a Kubernetes version ACK offers; accepted: "
                       f"{', '.join(KUBERNETES_VERSIONS)} (data.alicloud_cs_kubernetes_version lists them)",
                       ("version",))]


# ---------------------------------------------------------------- what the ACK API fills in

statuses({"alicloud_cs_managed_kubernetes": "running", "alicloud_cs_kubernetes_node_pool": "active"})
#: ECS: Create waits for "Running" (provider v1.289.0 alicloud/resource_alicloud_instance.go:1289).
statuses({"alicloud_instance": "Running"})
identifier("alicloud_instance")(lambda s: "i-" + rand(20))  # docs r/instance import: `i-abc12345678`


@computed("alicloud_instance", "public_ip")
def _instance_public_ip(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    """A public address only with outbound internet bandwidth ("setting internet_max_bandwidth_out larger than 0
    can allocate a public IP for an instance", terraform-provider-alicloud v1.289.0 website/docs/r/instance)."""
    bandwidth = s.get("internet_max_bandwidth_out")
    if not isinstance(bandwidth, (int, float)) or bandwidth <= 0:
        return ""
    return f"47.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"
identifier("alicloud_cs_managed_kubernetes")(lambda s: "c" + hexid(32))


@identifier("alicloud_cs_kubernetes_addon")
def _addon_id(s: dict[str, Any]) -> str:
    return f"{s.get('cluster_id')}:{s.get('name')}"  # docs: <cluster_id>:<addon_name>


@identifier("alicloud_cs_autoscaling_config")
def _autoscaling_id(s: dict[str, Any]) -> str:
    return str(s.get("cluster_id"))  # resource_alicloud_cs_autoscaling_config.go: d.SetId(clusterId)


@computed("alicloud_cs_managed_kubernetes", "name")
def _cluster_name(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    """`name_prefix` + a unique suffix, as the provider's resource.PrefixedUniqueId does."""
    prefix = s.get("name_prefix")
    return f"{prefix}{time.strftime('%Y%m%d%H%M%S')}{hexid(12)}" if isinstance(prefix, str) and prefix else UNKNOWN


for _cluster in CLUSTER_TYPES:
    computed(_cluster, "version")(lambda s, region, lookup: KUBERNETES_VERSIONS[0])  # none given: ACK's newest


@computed("alicloud_cs_managed_kubernetes", "vpc_id")
def _cluster_vpc(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    for key in ("vswitch_ids", "worker_vswitch_ids"):  # worker_vswitch_ids is deprecated but accepted
        ids = s.get(key)
        if isinstance(ids, list) and ids and known(ids[0]):
            vsw = lookup("alicloud_vswitch", ids[0])
            if vsw:
                return vsw["vpc_id"]
    return "vpc-" + rand(21)


@computed("alicloud_cs_managed_kubernetes", "connections")
def _connections(s: dict[str, Any], region: str, lookup: Lookup) -> dict[str, str]:
    host = f"{s['id']}.{region}.cs.aliyuncs.com"
    return {"api_server_internet": f"https://{host}:6443", "api_server_intranet": f"https://{host}-intranet:6443",
            "master_public_ip": "", "service_domain": f"*.{s['id']}.{region}.alicontainer.com"}


@computed("alicloud_cs_managed_kubernetes", "rrsa_metadata")
def _rrsa(s: dict[str, Any], region: str, lookup: Lookup) -> list[dict[str, Any]]:
    """The OIDC provider ACK creates for RRSA: `acs:ram::<uid>:oidc-provider/ack-rrsa-<cluster id>` (ACK "Use RRSA
    to authorize pods", https://help.aliyun.com/zh/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-
    pods-to-access-different-cloud-services, the URL constructs/iam.py cites). The issuer URL's host is a stand-in (README assumption 14)."""
    on = bool(s.get("enable_rrsa"))
    return [{"enabled": on,
             "ram_oidc_provider_arn": f"acs:ram::{ACCOUNT_ID}:oidc-provider/ack-rrsa-{s['id']}" if on else "",
             "ram_oidc_provider_name": f"ack-rrsa-{s['id']}" if on else "",
             "rrsa_oidc_issuer_url": f"https://oidc-ack-{region}.oss-{region}.aliyuncs.com/{s['id']}" if on else ""}]


@computed("alicloud_cs_managed_kubernetes", "worker_ram_role_name")
def _worker_role(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "KubernetesWorkerRole-" + hexid(32)


@computed("alicloud_cs_managed_kubernetes", "security_group_id")
def _cluster_group(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "sg-" + rand(20)  # ACK creates the cluster's own group (see emulator/owned.py)


@computed("alicloud_cs_kubernetes_node_pool", "scaling_group_id")
def _scaling_group(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "asg-" + rand(20)
