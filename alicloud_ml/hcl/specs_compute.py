"""Module specs of the compute side: `ack-cluster`, `system-node-pool`, `gpu-node-pool`."""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.hcl.render import value
from alicloud_ml.hcl.spec import Input, ModuleSpec, Output, Repeat
from alicloud_ml.hcl.specs import PROBE_VPC_CIDR, _probe_network, inside
from alicloud_ml.hcl.variables import Check, Variable

CLUSTER_ID = Input(Variable("cluster_id", "string", "ACK cluster id (`ack-cluster` output `cluster_id`)."),
                   ref=("alicloud_cs_managed_kubernetes", "id"))
CLUSTER_SG = Input(Variable("cluster_security_group_id", "string", "The security group ACK created for the "
                            "cluster's nodes (`ack-cluster` output `security_group_id`); every pool joins it."),
                   ref=("alicloud_cs_managed_kubernetes", "security_group_id"))
NETWORK_ZONES = Input(Variable("network_zones", "list(string)", "Zones of the network, in its order "
                               "(`ml-network` output `zones`)."), probe=["cn-shanghai-b", "cn-shanghai-g"])
VSWITCH_IDS = Input(Variable("vswitch_ids", "list(string)", "vSwitch ids of the network, one per zone in "
                             "`network_zones` order (`ml-network` output `vswitch_ids`)."), ref=("alicloud_vswitch", "id"))
#: vSwitches of the pool's zones (every zone of the network unless `zones` narrows them), as the constructs pick them.
POOL_VSWITCHES = "[for z in coalesce(var.zones, var.network_zones) : var.vswitch_ids[index(var.network_zones, z)]]"
ZONES_IN_NETWORK = Check("var.zones == null || alltrue([for z in coalesce(var.zones, []) : "
                         "contains(var.network_zones, z)])", "zones: every zone must be one of network_zones.")


def _overlap(a: str, b: str) -> str:
    return f"(({inside(a, b)}) || ({inside(b, a)}))"


# ---------------------------------------------------------------- ack-cluster


def _cluster_probe() -> Any:
    from alicloud_ml.props.cluster import AckClusterProps

    return AckClusterProps(name="zq-cluster", cluster_spec="ack.pro.xlarge", kubernetes_version="1.31.1-aliyun.1",
                           public_api_endpoint=True, pod_cidr="172.24.0.0/16", service_cidr="172.25.0.0/20",
                           shared_gpu_scheduling=True, cpfs_mount_support=True, log_project="zq-logs",
                           deletion_protection=True, enable_rrsa=True, security_group_type="enterprise",
                           tags={"zq-tag": "zq-value"})


def _cluster(stack: Any, props: Any, autoscaler: bool = True, erdma: bool = True, nat: bool = True) -> Any:
    from alicloud_ml.constructs.cluster import AckCluster
    from alicloud_ml.constructs.node_pool import ERDMA_ADDON, ERDMA_ADDON_CONFIG

    cluster = AckCluster(stack, "Cluster", network=_probe_network(stack, nat=nat), props=props)
    if autoscaler:
        cluster.enable_autoscaler()
    if erdma:
        cluster.ensure_addon(ERDMA_ADDON, config=ERDMA_ADDON_CONFIG)
    return cluster


def _addons_local() -> str:
    """The add-on set `AckCluster` installs, from its own constants: name -> JSON config (or null)."""
    from alicloud_ml.constructs import cluster as c
    from alicloud_ml.constructs.node_pool import ERDMA_ADDON, ERDMA_ADDON_CONFIG

    def cfg(config: dict[str, Any]) -> str:
        return f"jsonencode({value(json.loads(json.dumps(config)), 1)})"

    return ("merge(\n"
            "{ for a in var.addons : a => null },\n"
            f"var.shared_gpu_scheduling ? {{ {value(c.SHARED_GPU_ADDON)} = null }} : {{}},\n"
            f"var.enable_rrsa ? {{ {value(c.POD_IDENTITY_ADDON)} = null }} : {{}},\n"
            f"var.cpfs_mount_support ? {{ {value(c.CPFS_MOUNT_ADDON)} = null, \"csi-plugin\" = "
            f"{cfg(c.CSI_PLUGIN_CPFS_CONFIG)} }} : {{}},\n"
            f"var.erdma_support ? {{ {value(ERDMA_ADDON)} = {cfg(ERDMA_ADDON_CONFIG)} }} : {{}},\n"
            'var.log_project != null && contains(var.addons, "logtail-ds") ? { "logtail-ds" = '
            "jsonencode({ sls_project_name = var.log_project }) } : {},\n)")


def cluster_spec() -> ModuleSpec:
    from alicloud_ml.props.cluster import AckClusterProps

    cidr_checks = tuple((f, Check(f"can(cidrhost(var.{f}, 0))", f"{f}: invalid CIDR; accepted: an IPv4 network."))
                        for f in ("pod_cidr", "service_cidr"))
    return ModuleSpec(
        name="ack-cluster", title="An ACK managed cluster for GPU/AI workloads: private API endpoint, RRSA, add-ons as "
                                  "`alicloud_cs_kubernetes_addon` resources, the autoscaler switch when pools need it.",
        construct="alicloud_ml.constructs.cluster.AckCluster", props=AckClusterProps, probe=_cluster_probe,
        build=_cluster,
        inputs=(
            Input(Variable("vswitch_ids", "list(string)", "vSwitches of the cluster (`ml-network` output "
                           "`vswitch_ids`)."), ref=("alicloud_vswitch", "id")),
            Input(Variable("vpc_cidr", "string", "CIDR of the cluster's VPC (`ml-network` output `vpc_cidr`), to "
                           "check that pod_cidr and service_cidr stay outside it.", default=None),
                  probe=PROBE_VPC_CIDR),
            Input(Variable("network_has_nat", "bool", "Whether the network has its own NAT gateway (`ml-network` "
                           "output `has_nat`); without one ACK creates a NAT gateway (`new_nat_gateway`).",
                           default=True, nullable=False)),
            Input(Variable("enable_autoscaler", "bool", "Add the cluster-level node-scaling switch "
                           "(`alicloud_cs_autoscaling_config`) that autoscaled node pools need "
                           "(`AckCluster.enable_autoscaler`).", default=False, nullable=False)),
            Input(Variable("erdma_support", "bool", "Install `ack-erdma-controller` for eRDMA node pools.",
                           default=False, nullable=False)),
        ),
        switches={"var.enable_autoscaler": {"autoscaler": False}, "var.erdma_support": {"erdma": False},
                  "var.network_has_nat": {"nat": False}},
        repeats=(Repeat(r"^Addon-(.+)$", "addon", "local.addons"),),
        locals={"addons": _addons_local()},
        exprs={"addon.config": "each.value"},
        checks=(*cidr_checks,
                ("pod_cidr", Check(f"var.vpc_cidr == null || !{_overlap('var.pod_cidr', 'coalesce(var.vpc_cidr, var.pod_cidr)')}",
                                   "pod_cidr: overlaps the VPC; accepted: a private range outside the VPC CIDR.")),
                ("service_cidr", Check(f"var.vpc_cidr == null || "
                                       f"!{_overlap('var.service_cidr', 'coalesce(var.vpc_cidr, var.service_cidr)')}",
                                       "service_cidr: overlaps the VPC; accepted: a private range outside the VPC CIDR.")),
                ("service_cidr", Check(f"!{_overlap('var.service_cidr', 'var.pod_cidr')}",
                                       "service_cidr: overlaps pod_cidr; accepted: a range apart from pod_cidr."))),
        outputs=(Output("cluster_id", "Cluster id.", attr="cluster_id"),
                 Output("security_group_id", "The security group ACK created for the nodes; every pool joins it.",
                        attr="security_group_id"),
                 Output("security_group_type", "Type of that group (workload groups must match).",
                        expr="var.security_group_type"),
                 Output("oidc_provider_arn", "RRSA OIDC provider ARN (workload roles trust it).",
                        attr="oidc_provider_arn"),
                 Output("oidc_issuer_url", "RRSA OIDC issuer URL.", attr="oidc_issuer_url")),
        notes=("The cluster's worker RAM role is ACK's default: the construct's `worker_role` argument has no input.",
               "A node pool's needs reach the cluster as inputs: `enable_autoscaler` for autoscaled pools, "
               "`erdma_support` for eRDMA pools (the construct's pools call `enable_autoscaler()`/`ensure_addon()`)."),
        example=CLUSTER_EXAMPLE.replace('"../../../ack-cluster"', '"../.."') + '''
module "system_pool" {
  source            = "../../../system-node-pool"
  cluster_id        = module.cluster.cluster_id
  cluster_security_group_id = module.cluster.security_group_id
  network_zones     = module.network.zones
  vswitch_ids       = module.network.vswitch_ids
}
''',
    )


CLUSTER_EXAMPLE = '''
module "network" {
  source = "../../../ml-network"
  name   = "ml-example"
  zones  = ["cn-shanghai-b"]
}

module "cluster" {
  source            = "../../../ack-cluster"
  name              = "ml-example"
  vswitch_ids       = module.network.vswitch_ids
  vpc_cidr          = module.network.vpc_cidr
  network_has_nat   = module.network.has_nat
  enable_autoscaler = true
}
'''


def system_pool_example(source: str = "../../../system-node-pool") -> str:
    """The system pool every example cluster needs (CoreDNS and the add-ons run there)."""
    return f'''
module "system_pool" {{
  source            = "{source}"
  cluster_id        = module.cluster.cluster_id
  cluster_security_group_id = module.cluster.security_group_id
  network_zones     = module.network.zones
  vswitch_ids       = module.network.vswitch_ids
}}
'''


# ---------------------------------------------------------------- node pools


def _pool_deps(stack: Any) -> Any:
    from alicloud_ml.constructs.cluster import AckCluster

    return AckCluster(stack, "ProbeCluster", network=_probe_network(stack), props={"name": "probe-cluster"})


def _system_probe() -> Any:
    from alicloud_ml.props.system_pool import SystemNodePoolProps

    return SystemNodePoolProps(node_pool_name="zq-system", instance_types=("ecs.g7.2xlarge", "ecs.c7.2xlarge"),
                               size=17, zones=("cn-shanghai-g",), system_disk_size_gib=123, image_type="AliyunLinux4",
                               labels={"zq-label": "zq-label-value"}, tags={"zq-tag": "zq-value"})


def _system(stack: Any, props: Any) -> Any:
    from alicloud_ml.constructs.system_pool import SystemNodePool

    return SystemNodePool(stack, "System", cluster=_pool_deps(stack), props=props)


def _families(names: list[str]) -> str:
    """`ecs.g7.xlarge`, `ecs.g7.2xlarge`, `ecs.c7.large` → `c7, g7`: a message names families, not every size."""
    from alicloud_ml.catalog import instance_types

    return ", ".join(sorted({instance_types()[n].family for n in names}))


def system_pool_spec() -> ModuleSpec:
    from alicloud_ml.catalog import instance_types
    from alicloud_ml.props.system_pool import SystemNodePoolProps

    cpu = sorted(n for n, t in instance_types().items() if not t.is_gpu)
    return ModuleSpec(
        name="system-node-pool", title="The untainted, fixed-size CPU pool (at least 2 nodes, spread over the "
                                       "zones) where CoreDNS, metrics-server and the add-ons run.",
        construct="alicloud_ml.constructs.system_pool.SystemNodePool", props=SystemNodePoolProps,
        probe=_system_probe, build=_system, inputs=(CLUSTER_ID, CLUSTER_SG, NETWORK_ZONES, VSWITCH_IDS),
        exprs={"this.vswitch_ids": POOL_VSWITCHES},
        checks=(("zones", ZONES_IN_NETWORK),
                ("instance_types", Check(f"alltrue([for t in var.instance_types : contains({value(cpu)}, t)])",
                                         "instance_types: unknown or GPU instance type; accepted: catalogued CPU "
                                         "types (alicloud_ml.catalog) of the families " + _families(cpu) + "."))),
        outputs=(Output("node_pool_id", "Node pool id.", attr="node_pool_id"),),
        example=CLUSTER_EXAMPLE + system_pool_example("../.."),
    )


def _gpu_probe() -> Any:
    from alicloud_ml.props.node_pool import GpuNodePoolProps, SpotStrategy, Taint, TaintEffect

    return GpuNodePoolProps.model_construct(
        node_pool_name="zq-pool", instance_types=("ecs.gn7i-c16g1.4xlarge", "ecs.gn7i-c8g1.2xlarge"), min_size=3,
        max_size=19, autoscaling=True, desired_size=None, workload_type="zq-work", gpu_schedule="cgpu",
        labels={"zq-label": "zq-label-value"},
        taints=(Taint(key="zq-taint-a", value="zq-a"), Taint(key="zq-taint-b", value="zq-b",
                                                            effect=TaintEffect.PREFER_NO_SCHEDULE)),
        system_disk_category="cloud_essd", system_disk_size_gib=777, system_disk_performance_level="PL2",
        data_disk_size_gib=444, create_data_disk=True, spot_strategy=SpotStrategy.SPOT_WITH_PRICE_LIMIT,
        spot_price_limits={"ecs.gn6v-c8g1.2xlarge": 1.25, "ecs.gn6i-c4g1.xlarge": 2.5},
        checkpoint_target="oss://zq-bucket/ckpt/", erdma=True, zones=("cn-shanghai-g",), image_type="AliyunLinux4",
        mounts_cpfs=True, auto_repair=False, max_unavailable=5, scaling_policy="recycle", tags={"zq-tag": "zq-value"})


def _gpu(stack: Any, props: Any) -> Any:
    from alicloud_ml.constructs.node_pool import GpuNodePool
    from alicloud_ml.constructs.security import TrainingSecurityGroup

    cluster = _pool_deps(stack)
    group = TrainingSecurityGroup(stack, "ProbeGroup", network=cluster.network, props={"name": "probe-group"})
    return GpuNodePool(stack, "Pool", cluster=cluster, security_group=group, props=props)


def gpu_pool_spec() -> ModuleSpec:
    from alicloud_ml.catalog import instance_types
    from alicloud_ml.catalog.disks import ESSD_MIN_GIB
    from alicloud_ml.props.node_pool import LINUX3_IMAGES, GpuNodePoolProps

    gpu = sorted(n for n, t in instance_types().items() if t.is_gpu)
    eri = sorted(n for n, t in instance_types().items() if t.is_gpu and t.erdma)
    linux3 = value(list(LINUX3_IMAGES))
    return ModuleSpec(
        name="gpu-node-pool", title="A GPU node pool: NoSchedule taint, GPU scheduling and workload labels, ESSD "
                                    "system and data disks, autoscaling, optional spot, managed auto-repair.",
        construct="alicloud_ml.constructs.node_pool.GpuNodePool", props=GpuNodePoolProps, probe=_gpu_probe, build=_gpu,
        required=("node_pool_name",),
        inputs=(CLUSTER_ID, CLUSTER_SG,
                Input(Variable("security_group_id", "string", "The workload security group the nodes join "
                               "(`training-security-group` or `serving-security-group` output `security_group_id`); "
                               "of the same type as the cluster's group. Changing it replaces the pool."),
                      ref=("alicloud_security_group", "id")),
                NETWORK_ZONES, VSWITCH_IDS),
        locals={"labels": 'merge(var.spot_strategy != "NoSpot" ? { "ml.alicloud/capacity" = "spot" } : {}, '
                          'var.erdma ? { "ml.alicloud/erdma" = "true" } : {}, { "ack.node.gpu.schedule" = '
                          'var.gpu_schedule, "workload-type" = var.workload_type }, var.labels)'},
        exprs={"this.vswitch_ids": POOL_VSWITCHES,
               "this.labels": _labels_block(),
               "this.desired_size": "var.autoscaling ? null : tostring(coalesce(var.desired_size, var.min_size))",
               "this.image_type": f'var.image_type != null ? var.image_type : (var.mounts_cpfs || var.erdma ? '
                                  f'{value(LINUX3_IMAGES[0])} : null)',
               "this.tags": 'merge(var.tags, var.checkpoint_target != null ? { "ml-checkpoint-target" = '
                            'var.checkpoint_target } : {})'},
        checks=(
            ("zones", ZONES_IN_NETWORK),
            ("instance_types", Check(f"alltrue([for t in var.instance_types : contains({value(gpu)}, t)])",
                                     "instance_types: unknown or not a GPU type; accepted: catalogued GPU types "
                                     "(alicloud_ml.catalog) of the families " + _families(gpu) + ".")),
            ("erdma", Check(f"!var.erdma || alltrue([for t in var.instance_types : contains({value(eri)}, t)])",
                            "erdma: every instance type must have an eRDMA interface; accepted: types of the families "
                            + _families(eri) + ".")),
            ("max_size", Check("!var.autoscaling || var.min_size < var.max_size",
                               "max_size: must be greater than min_size on an autoscaled pool.")),
            ("desired_size", Check("var.desired_size == null || !var.autoscaling",
                                   "desired_size: not used on an autoscaled pool (the autoscaler owns the node count); "
                                   "set min_size for warm nodes, or autoscaling = false.")),
            ("taints", Check('anytrue([for t in var.taints : t.effect == "NoSchedule"])',
                             "taints: a GPU pool needs at least one NoSchedule taint (CPU pods would otherwise "
                             "occupy GPU nodes).")),
            ("system_disk_size_gib", Check(f'var.system_disk_category != "cloud_essd" || var.system_disk_size_gib >= '
                                           f"lookup({value(ESSD_MIN_GIB)}, var.system_disk_performance_level, 20)",
                                           "system_disk_size_gib: below the ESSD floor of its performance level "
                                           f"({', '.join(f'{k} >= {v}' for k, v in ESSD_MIN_GIB.items())} GiB).")),
            ("checkpoint_target", Check('var.spot_strategy == "NoSpot" || var.checkpoint_target != null',
                                        "checkpoint_target: spot pools need one (spot nodes are reclaimed mid-job); "
                                        "accepted: cpfs://<fs>/<path> or oss://<bucket>/<path>.")),
            ("spot_price_limits", Check('var.spot_strategy != "SpotWithPriceLimit" || alltrue([for t in '
                                        "var.instance_types : contains(keys(var.spot_price_limits), t)])",
                                        "spot_price_limits: SpotWithPriceLimit needs one entry per instance type.")),
            ("spot_price_limits", Check('length(var.spot_price_limits) == 0 || (var.spot_strategy == '
                                        '"SpotWithPriceLimit" && alltrue([for t in keys(var.spot_price_limits) : '
                                        "contains(var.instance_types, t)]))",
                                        "spot_price_limits: only for SpotWithPriceLimit and the pool's instance types.")),
            ("image_type", Check(f"!(var.mounts_cpfs || var.erdma) || var.image_type == null || "
                                 f"contains({linux3}, coalesce(var.image_type, \"none\"))",
                                 "image_type: CPFS and eRDMA pools need Alibaba Cloud Linux 3; accepted: "
                                 + ", ".join(LINUX3_IMAGES) + ".")),
        ),
        outputs=(Output("node_pool_id", "Node pool id.", attr="node_pool_id"),
                 Output("labels", "Labels the nodes carry.", expr="local.labels")),
        notes=("Autoscaled pools need the cluster's autoscaler (`ack-cluster` input `enable_autoscaler = true`); "
               "eRDMA pools need `ack-cluster` input `erdma_support = true`.",
               "`node_pool_name` is required: the construct defaults it to its construct id, which HCL has not."),
        example=CLUSTER_EXAMPLE + system_pool_example() + '''
module "serving" {
  source   = "../../../serving-security-group"
  name     = "ml-example-serving"
  vpc_id   = module.network.vpc_id
  vpc_cidr = module.network.vpc_cidr
}

module "gpu_pool" {
  source            = "../.."
  node_pool_name    = "inference"
  instance_types    = ["ecs.gn7i-c16g1.4xlarge"]
  workload_type     = "inference"
  max_size          = 3
  cluster_id        = module.cluster.cluster_id
  cluster_security_group_id = module.cluster.security_group_id
  security_group_id = module.serving.security_group_id
  network_zones     = module.network.zones
  vswitch_ids       = module.network.vswitch_ids
}
''',
    )


def _labels_block() -> Any:
    from alicloud_ml.hcl.render import Dynamic, Expr

    return Dynamic(Expr("local.labels"), {"key": Expr("labels.key"), "value": Expr("labels.value")})
