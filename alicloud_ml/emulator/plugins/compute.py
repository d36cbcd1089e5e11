"""ACK node pool checks: instance types the catalog knows, GPU pools on GPU types, scaling bounds."""

from __future__ import annotations

import os
import secrets
import time
from typing import Any

from alicloud_ml.catalog import get_instance_type, instance_types
from alicloud_ml.catalog.kubernetes import CONTAINERD, KUBERNETES_VERSIONS
from alicloud_ml.catalog.limits import NODE_POOL_BOUNDS, NODE_POOL_MAX_NODES, node_pool_bounds_ok
from alicloud_ml.emulator import facts
from alicloud_ml.emulator.data_sources.catalog import IMAGES
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


#: The OS a node pool gets when the config names no image: Alibaba Cloud Linux 3, as `image_type` spells it (r/cs_kubernetes_node_pool:
#: `AliyunLinux3`), its `platform` family, and the emulated cloud's Alibaba Cloud Linux 3 image (README assumptions 16, 50).
DEFAULT_NODE_IMAGE_TYPE, DEFAULT_NODE_PLATFORM = "AliyunLinux3", "AliyunLinux"


@computed(POOL, "image_type")
def _pool_image_type(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return DEFAULT_NODE_IMAGE_TYPE


@computed(POOL, "platform")
def _pool_platform(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return DEFAULT_NODE_PLATFORM


@computed(POOL, "image_id")
def _pool_image(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return next(image for image, _os, _platform, arch in IMAGES if image.startswith("aliyun_3_") and arch == "x86_64")


@computed(POOL, "runtime_name")
def _pool_runtime(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    """containerd, ACK's default container runtime (nodepool structure, `runtime` "默认值:containerd",
    https://www.alibabacloud.com/help/zh/ack/ack-edge/developer-reference/api-cs-2015-12-15-struct-nodepool-edge)."""
    return "containerd"


@computed(POOL, "runtime_version")
def _pool_runtime_version(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    return CONTAINERD if s.get("runtime_name") in ("containerd", None, UNKNOWN) else UNKNOWN


@computed(POOL, "node_name_mode")
def _pool_node_names(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    """ACK names a node `<region>.<private IP>` unless told otherwise, in the `customized,<prefix>,ip,<suffix>` form
    the provider reads back (r/cs_kubernetes_node_pool `node_name_mode`; README assumption 50)."""
    return f"customized,{region}.,ip,"


def _cluster_group_of(s: dict[str, Any], lookup: Lookup) -> str | None:
    cluster_id = s.get("cluster_id")
    for cluster_type in CLUSTER_TYPES:
        cluster = lookup(cluster_type, cluster_id) if isinstance(cluster_id, str) else None
        if cluster and isinstance(cluster.get("security_group_id"), str) and cluster["security_group_id"]:
            return str(cluster["security_group_id"])
    return None


@computed(POOL, "security_group_ids")
def _pool_groups(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    """Nodes join the cluster's security group when the node pool names none (README assumption 50)."""
    group = s.get("security_group_id") if isinstance(s.get("security_group_id"), str) and s.get("security_group_id") \
        else _cluster_group_of(s, lookup)
    return [group] if group else UNKNOWN


@computed(POOL, "security_group_id")
def _pool_group(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    ids = s.get("security_group_ids")
    if isinstance(ids, list) and ids and isinstance(ids[0], str):
        return ids[0]
    return _cluster_group_of(s, lookup) or UNKNOWN


@computed("alicloud_cs_kubernetes_node_pool", "scaling_group_id")
def _scaling_group(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "asg-" + rand(20)
