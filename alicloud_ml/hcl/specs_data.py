"""Module specs of storage, serving and the platform's support pieces: `cpfs`, `eas-service`,
`observability`, `workload-roles`."""

from __future__ import annotations

from typing import Any

from alicloud_ml.hcl.render import Expr, Template, value
from alicloud_ml.hcl.spec import Input, ModuleSpec, Output, Repeat
from alicloud_ml.hcl.specs import VPC_ID, _probe_network
from alicloud_ml.hcl.specs_compute import NETWORK_ZONES, VSWITCH_IDS
from alicloud_ml.hcl.variables import Check, Variable

NETWORK_EXAMPLE = '''
module "network" {
  source = "../../../ml-network"
  name   = "ml-example"
  zones  = ["cn-shanghai-b"]
}
'''

# ---------------------------------------------------------------- cpfs


def _cpfs_probe() -> Any:
    from alicloud_ml.props.storage import CpfsFileSystemProps

    return CpfsFileSystemProps(storage_type="advance_200", capacity_gib=7200, zone="cn-shanghai-g",
                               protocol_spec="CL1", description="zq description", pv_name="zq-pv",
                               pv_subpath="/zq/sub", mount_domain="zq.example.com", tags={"zq-tag": "zq-value"})


def _cpfs(stack: Any, props: Any) -> Any:
    from alicloud_ml.constructs.storage import CpfsFileSystem

    return CpfsFileSystem(stack, "Cpfs", network=_probe_network(stack), props=props)


def cpfs_spec() -> ModuleSpec:
    from alicloud_ml.constructs.storage import SERVER_AFTER_APPLY
    from alicloud_ml.props.storage import CpfsFileSystemProps

    before, _, after = SERVER_AFTER_APPLY.replace("CpfsFileSystemProps.mount_domain", "mount_domain").partition("{export}")
    placeholder = Template.of([before, Expr("alicloud_nas_protocol_mount_target.mount_target.export_id"), after])
    vswitch = {f"{r}.vswitch_id": "local.vswitch_id" for r in ("this", "protocol_service", "mount_target")}
    return ModuleSpec(
        name="cpfs", title="CPFS General-purpose Edition for training data and checkpoints: the file system, an NFS "
                           "protocol service, the export of `/`, and the PersistentVolume pods mount it with.",
        construct="alicloud_ml.constructs.storage.CpfsFileSystem", props=CpfsFileSystemProps, probe=_cpfs_probe,
        build=_cpfs, inputs=(VPC_ID, NETWORK_ZONES, VSWITCH_IDS),
        exclude={"prevent_destroy": "Terraform reads `lifecycle` arguments only as literals, so a module cannot take "
                                    "them as inputs (https://developer.hashicorp.com/terraform/language/meta-arguments/"
                                    "lifecycle). Production roots keep the file system with `removed`/plan review; "
                                    "the gate's ALIML_019 flags what it can."},
        locals={"zone": "coalesce(var.zone, var.network_zones[0])",
                "vswitch_id": "var.vswitch_ids[index(var.network_zones, local.zone)]"},
        exprs={"this.zone_id": "local.zone", **vswitch,
               "output.persistent_volume#spec.csi.volumeAttributes.server":
                   f"var.mount_domain != null ? var.mount_domain : {value(placeholder)}"},
        checks=(("zone", Check("var.zone == null || contains(var.network_zones, coalesce(var.zone, \"-\"))",
                               "zone: must be one of network_zones (the file system needs a vSwitch there).")),),
        outputs=(Output("file_system_id", "CPFS file system id.", attr="file_system_id"),
                 Output("persistent_volume", "Kubernetes PersistentVolume (JSON) that mounts this CPFS export; its "
                        "`server` names the export to look up until `mount_domain` is set.",
                        synth="persistent_volume")),
        notes=("DATA LOSS: changing `storage_type` or `zone` (or the VPC/vSwitch) replaces the file system and "
               "destroys its data; `capacity_gib` grows in place.",),
        example=NETWORK_EXAMPLE + '''
module "cpfs" {
  source        = "../.."
  vpc_id        = module.network.vpc_id
  network_zones = module.network.zones
  vswitch_ids   = module.network.vswitch_ids
}

output "persistent_volume" {
  value = module.cpfs.persistent_volume
}
''',
    )


# ---------------------------------------------------------------- eas-service


def _eas_probe() -> Any:
    from alicloud_ml.props.serving import Autoscaler, Container, EasServiceProps, RpcConfig, ScaleStrategy

    return EasServiceProps.model_construct(
        service_name="zq_service", processor="zq-processor",
        containers=(Container(image="zq.registry/image:1", command="zq command", port=18123, env={"ZQ_ENV": "zq-v"}),),
        model_path="oss://zq-models/m/", instance_count=9, cpu=11, memory_mb=22222, gpu=3, instance_type="ecs.zq-type",
        resource_group="zq-rg", rpc=RpcConfig(max_queue_size=321, worker_threads=13, keepalive_ms=4567),
        autoscaler=Autoscaler(min_instances=4, max_instances=14, strategies=(ScaleStrategy(metric="qps", threshold=55.5),),
                              scale_to_zero=True, scale_down_grace_period_s=605, scale_down_stabilization_s=303),
        role_arn="acs:ram::zq:role/zq", workspace_id="zq-ws", create_timeout="45m")


def _eas(stack: Any, props: Any, vpc: bool = True) -> Any:
    from alicloud_ml.constructs.security import ServingSecurityGroup
    from alicloud_ml.constructs.serving import EasService

    network = _probe_network(stack, zones=("cn-shanghai-b",))
    group = ServingSecurityGroup(stack, "ProbeGroup", network=network, props={"name": "probe-group"})
    return EasService(stack, "Service", props=props, network=network if vpc else None,
                      security_group=group if vpc else None)


CONTAINERS = ('[for c in coalesce(var.containers, []) : merge({ image = c.image, port = c.port }, '
              'c.command != null ? { script = c.command } : {}, length(c.env) > 0 ? '
              '{ env = [for k, v in c.env : { name = k, value = v }] } : {})]')


def eas_spec() -> ModuleSpec:
    from alicloud_ml.catalog import eas_allocatable, instance_types
    from alicloud_ml.constructs.serving import PROCESSOR_PORT
    from alicloud_ml.props.serving import BUILTIN_PROCESSORS, EasServiceProps

    capacity = {n: {"cpu": c.cpu, "memory_mb": c.memory_mb, "gpu": c.gpu}
                for n in sorted(instance_types()) if (c := eas_allocatable(n))}
    cap = "lookup(local.capacity, coalesce(var.instance_type, \"-\"), null)"
    over = [(f, Check(f"var.instance_type == null ? true : ({cap} == null ? true : var.{f} <= {cap}.{f})",
                      f"{f}: more than instance_type allocates per instance (catalog, after the system reserve): an "
                      "instance asking for more than the node has is how an OOM cascade starts."))
            for f in ("cpu", "memory_mb", "gpu")]
    return ModuleSpec(
        name="eas-service", title="A PAI-EAS online inference service whose `service_config` is built from typed "
                                  "inputs: explicit request queue, bounded autoscaler, VPC networking, no credentials.",
        construct="alicloud_ml.constructs.serving.EasService", props=EasServiceProps, probe=_eas_probe, build=_eas,
        inputs=(Input(Variable("vpc_id", "string", "VPC to run in (`ml-network` output `vpc_id`); null runs "
                               "outside the VPC.", default=None), ref=("alicloud_vpc", "id")),
                Input(Variable("vswitch_id", "string", "vSwitch of the service in that VPC (one of `ml-network` "
                               "output `vswitch_ids`).", default=None), ref=("alicloud_vswitch", "id")),
                Input(Variable("security_group_id", "string", "Serving security group (`serving-security-group` "
                               "output `security_group_id`); pass this module's `port` output to its `vpc_ports`.",
                               default=None), ref=("alicloud_security_group", "id"))),
        switches={"var.vpc_id != null": {"vpc": False}},
        locals={"capacity": value(capacity)},
        exprs={"this.service_config#containers": CONTAINERS},
        checks=(("processor", Check("(var.processor == null) != (var.containers == null)",
                                    "processor: set exactly one of processor and containers.")),
                ("processor", Check(f"var.processor == null ? true : contains({value(list(BUILTIN_PROCESSORS))}, "
                                    "var.processor)", "processor: unknown processor; accepted: "
                                    + ", ".join(BUILTIN_PROCESSORS) + " (EAS has no tensorrt processor: serve "
                                    "TensorRT engines with triton or a custom container).")),
                ("instance_type", Check("var.instance_type == null || var.resource_group == null",
                                        "instance_type: instance_type and resource_group are exclusive.")),
                ("autoscaler", Check("var.autoscaler == null ? true : (var.autoscaler.min_instances <= "
                                     "var.autoscaler.max_instances && (var.autoscaler.min_instances > 0 || "
                                     "var.autoscaler.scale_to_zero))", "autoscaler: min_instances must be at most "
                                     "max_instances, and 0 needs scale_to_zero = true.")),
                ("instance_count", Check("var.autoscaler == null ? true : (var.instance_count >= "
                                         "var.autoscaler.min_instances && var.instance_count <= "
                                         "var.autoscaler.max_instances)",
                                         "instance_count: outside the autoscaler bounds.")),
                ("containers", Check('alltrue([for c in coalesce(var.containers, []) : alltrue([for k, v in c.env : '
                                     '!can(regex("(?i)ACCESS_?KEY|SECRET|SECURITY_TOKEN|PASSWORD", k)) && '
                                     '!startswith(v, "LTAI")])])', "containers: environment variables look like "
                                     "credentials; give the service a RAM role (role_arn) instead of keys.")),
                *over),
        outputs=(Output("service_name", "Service name (`metadata.name`).", expr="var.service_name"),
                 Output("service_id", "PAI-EAS service id.", expr="alicloud_pai_service.this.id"),
                 Output("port", "Port the instances serve on (the first container's, else the processors'): pass "
                        "it to the serving group's `vpc_ports`.",
                        expr=f"var.containers != null ? var.containers[0].port : {PROCESSOR_PORT}")),
        notes=("The serving group's rule for the service port is the group's (`vpc_ports`), as in the construct, "
               "where the service asks its group for it.",),
        example=NETWORK_EXAMPLE + '''
module "serving" {
  source    = "../../../serving-security-group"
  name      = "ml-example-serving"
  vpc_id    = module.network.vpc_id
  vpc_cidr  = module.network.vpc_cidr
  vpc_ports = { (tostring(module.model.port)) = "EAS service (VPC direct connection)" }
}

module "model" {
  source            = "../.."
  service_name      = "example_model"
  processor         = "triton"
  model_path        = "oss://ml-models-example/model/v1/"
  cpu               = 8
  gpu               = 1
  memory_mb         = 16000
  instance_type     = "ecs.gn7i-c8g1.2xlarge"
  autoscaler        = { min_instances = 1, max_instances = 4, strategies = [{ metric = "qps", threshold = 50 }] }
  vpc_id            = module.network.vpc_id
  vswitch_id        = module.network.vswitch_ids[0]
  security_group_id = module.serving.security_group_id
}
''',
    )


# ---------------------------------------------------------------- observability


def _logs_probe() -> Any:
    from alicloud_ml.props.observability import ObservabilityProps

    return ObservabilityProps(project_name="zq-project", retention_days=91, shard_count=7,
                              log_stores=("zq-store-a", "zq-store-b"), tags={"zq-tag": "zq-value"})


def _logs(stack: Any, props: Any) -> Any:
    from alicloud_ml.constructs.observability import Observability

    return Observability(stack, "Logs", props=props)


def logs_spec() -> ModuleSpec:
    from alicloud_ml.props.observability import ObservabilityProps

    return ModuleSpec(
        name="observability", title="An SLS project with log stores for cluster and EAS logs, bounded retention "
                                    "(metrics come from the cluster's ARMS Prometheus add-on).",
        construct="alicloud_ml.constructs.observability.Observability", props=ObservabilityProps, probe=_logs_probe,
        build=_logs, repeats=(Repeat(r"^Store-(.+)$", "store", "toset(var.log_stores)", field="log_stores"),),
        outputs=(Output("project_name", "SLS project name (the cluster's `log_project`).",
                        expr="alicloud_log_project.this.project_name"),),
        example='''
module "logs" {
  source       = "../.."
  project_name = "ml-example-logs-t3st1"
}
''',
    )


def all_data_specs() -> dict[str, Any]:
    from alicloud_ml.hcl.specs_iam import roles_spec

    return {"cpfs": cpfs_spec, "eas-service": eas_spec, "observability": logs_spec, "workload-roles": roles_spec}

