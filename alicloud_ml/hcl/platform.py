"""`modules/ml-platform`: the `MlPlatform` L3 as a composition of the generated modules.

Its inputs are the platform TOML's sections (`PlatformConfig`), typed from the same props models,
so a TOML file translates field for field (`module_inputs_from_toml`). Each child module call
passes every input of that module: a section field as is (`var.network.vpc_cidr`), tags merged
over the platform's, and the names and defaults `config._derive_names` and `MlPlatform` compute in
Python (`DERIVED`, mapped here) plus the wiring between modules (`WIRING`, mapped here).
"""

from __future__ import annotations

import copy

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alicloud_ml.hcl.emit import header, terraform_block, variables
from alicloud_ml.hcl.render import Block, Expr, render_file, value
from alicloud_ml.hcl.spec import ModuleSpec, Output
from alicloud_ml.hcl.variables import Check, Variable, object_type


@dataclass(frozen=True)
class Section:
    """A TOML section and the module that builds it."""

    field: str             # PlatformConfig field ("network", "node_pools", "security.training")
    module: str            # generated module ("ml-network")
    call: str              # module block name ("network")
    each: str = ""         # "for_each" expression for map sections, "count" condition for optional ones
    derived: tuple[str, ...] = ()


SECTIONS = (
    Section("network", "ml-network", "network", derived=("name",)),
    Section("security.training", "training-security-group", "training_security_group", derived=("name",)),
    Section("security.serving", "serving-security-group", "serving_security_group", derived=("name",)),
    Section("observability", "observability", "observability", derived=("project_name",)),
    Section("cluster", "ack-cluster", "cluster",
            derived=("name", "deletion_protection", "cpfs_mount_support", "security_group_type", "log_project")),
    Section("system_pool", "system-node-pool", "system_pool"),
    Section("cpfs", "cpfs", "cpfs", each="count"),
    Section("iam", "workload-roles", "roles", derived=("name_prefix",)),
    Section("node_pools", "gpu-node-pool", "node_pools", each="for_each", derived=("node_pool_name", "mounts_cpfs")),
    Section("services", "eas-service", "services", each="for_each", derived=("service_name",)),
)

#: Names and defaults the Python side derives (`config._derive_names`, `MlPlatform`), as HCL.
DERIVED = {
    ("network", "name"): 'coalesce(var.network.name, "ml-${var.name}")',
    ("security.training", "name"): 'coalesce(var.security.training.name, "ml-${var.name}-training")',
    ("security.serving", "name"): 'coalesce(var.security.serving.name, "ml-${var.name}-serving")',
    ("observability", "project_name"): 'coalesce(var.observability.project_name, "ml-${var.name}-logs${local.suffix}")',
    ("cluster", "name"): 'coalesce(var.cluster.name, "ml-${var.name}")',
    ("cluster", "deletion_protection"): "coalesce(var.cluster.deletion_protection, local.production)",
    ("cluster", "cpfs_mount_support"): "coalesce(var.cluster.cpfs_mount_support, var.cpfs != null)",
    ("cluster", "security_group_type"): "coalesce(var.cluster.security_group_type, "
                                        "var.security.training.security_group_type)",
    ("cluster", "log_project"): "module.observability.project_name",  # MlPlatform passes its SLS project
    ("iam", "name_prefix"): 'coalesce(var.iam.name_prefix, "ml-${var.name}")',
    ("iam", "model_buckets"): "distinct(concat(var.iam.model_buckets, [for p in local.model_paths : "
                              'split("/", p)[0]]))',
    ("iam", "model_paths"): "distinct(concat(var.iam.model_paths, local.model_paths))",
    ("iam", "checkpoint_paths"): "distinct(concat(var.iam.checkpoint_paths, local.checkpoint_paths))",
    ("node_pools", "node_pool_name"): "coalesce(each.value.node_pool_name, each.key)",
    ("node_pools", "mounts_cpfs"): "coalesce(each.value.mounts_cpfs, var.cpfs != null)",
    ("services", "service_name"): 'coalesce(each.value.service_name, replace("${var.name}_${each.key}", "-", "_"))',
    ("services", "role_arn"): "coalesce(each.value.role_arn, module.roles.serving_role_arn)",
}

_IN_VPC = "each.value.in_vpc ? {} : null"
#: How each module's dependency inputs are wired (MlPlatform's constructor arguments).
WIRING = {
    "vpc_id": "module.network.vpc_id", "vpc_cidr": "module.network.vpc_cidr", "network_zones": "module.network.zones",
    "vswitch_ids": "module.network.vswitch_ids", "network_has_nat": "module.network.has_nat",
    "cluster_id": "module.cluster.cluster_id", "cluster_security_group_id": "module.cluster.security_group_id",
    "oidc_provider_arn": "module.cluster.oidc_provider_arn", "oidc_issuer_url": "module.cluster.oidc_issuer_url",
    "enable_autoscaler": "anytrue([for p in values(var.node_pools) : p.autoscaling])",
    "erdma_support": "anytrue([for p in values(var.node_pools) : p.erdma])",
    ("serving-security-group", "vpc_ports"): "local.service_ports",
    ("training-security-group", "vpc_ports"): "{}",
    ("gpu-node-pool", "security_group_id"): "local.pool_groups[each.key]",
    ("eas-service", "vpc_id"): _IN_VPC.format("module.network.vpc_id"),
    ("eas-service", "vswitch_id"): _IN_VPC.format("module.network.vswitch_ids[0]"),
    ("eas-service", "security_group_id"): _IN_VPC.format("module.serving_security_group.security_group_id"),
}

#: Sections the constructs build that modules/ml-platform does not have yet (Python and TOML only).
CONSTRUCT_ONLY = {
    **{section: "not in the HCL modules yet: build it with the constructs (docs/notebooks.md)"
       for section in ("registry", "notebooks", "workspace")},
    "models": "not in the HCL modules yet: build it with the constructs (docs/platform.md); the module takes "
              "`oss://` model paths",
}
EXCLUDED = {
    **CONSTRUCT_ONLY,
    "region": "the platform deploys in its provider's region (`provider \"alicloud\" { region = … }`).",
    "profile": "credentials belong to the provider configuration of the root module.",
    "state": "a backend is configured by the root module (Terraform does not allow one in a module); the "
             "`StateBackend` construct's bucket and lock table are what `backend \"oss\"` should point at.",
    "suppressions": "HCL suppressions are `#checkov:skip=ALIML_xxx:<reason>` comments (see `alicloud-ml check`).",
}


def _locals() -> dict[str, str]:
    from alicloud_ml.constructs.serving import PROCESSOR_PORT
    from alicloud_ml.naming import PROD_NAMES

    port = f"s.containers != null ? s.containers[0].port : {PROCESSOR_PORT}"
    return {
        "production": "var.production != null ? var.production : length(setintersection(toset(split(\" \", "
                      f"replace(lower(var.name), \"/[-_.]/\", \" \"))), toset({value(sorted(PROD_NAMES))}))) > 0",
        "suffix": 'var.name_suffix != null ? "-${var.name_suffix}" : ""',
        "oss_paths": "[for u in [for s in values(var.services) : coalesce(s.model_path, \"-\")] : "
                     'trimsuffix(trimprefix(u, "oss://"), "*") if startswith(u, "oss://")]',
        "model_paths": "local.oss_paths",
        "checkpoint_paths": "[for u in [for p in values(var.node_pools) : coalesce(p.checkpoint_target, \"-\")] : "
                            'trimsuffix(trimprefix(u, "oss://"), "*") if startswith(u, "oss://")]',
        "pool_groups": "{ for k, p in var.node_pools : k => (coalesce(p.security_group, contains([\"inference\", "
                       "\"serving\"], p.workload_type) ? \"serving\" : \"training\") == \"serving\" ? "
                       "module.serving_security_group.security_group_id : "
                       "module.training_security_group.security_group_id) }",
        "service_ports": f"{{ for port, names in {{ for k, s in var.services : tostring({port}) => "
                         'coalesce(s.service_name, replace("${var.name}_${k}", "-", "_"))... if s.in_vpc } : port => '
                         '"EAS service ${names[0]} (VPC direct connection)" }',
    }


def _section_model(field: str) -> Any:
    from alicloud_ml.config import PlatformConfig
    from alicloud_ml.props.platform import SecurityConfig

    if field.startswith("security."):
        return SecurityConfig.model_fields[field.split(".", 1)[1]].annotation
    ann = PlatformConfig.model_fields[field].annotation
    from alicloud_ml.hcl.variables import _strip_optional

    ann, _ = _strip_optional(ann)
    args = getattr(ann, "__args__", ())
    return args[1] if args and len(args) == 2 and args[0] is str else ann


def _specs() -> dict[str, ModuleSpec]:
    from alicloud_ml.hcl.modules import SPECS

    return {name: build() for name, build in SPECS.items()}


def platform_variables(specs: dict[str, ModuleSpec]) -> list[Variable]:
    from alicloud_ml.config import PlatformConfig
    from alicloud_ml.hcl.variables import from_field

    out = [from_field("name", PlatformConfig.model_fields["name"], required=True),
           from_field("name_suffix", PlatformConfig.model_fields["name_suffix"]),
           Variable("production", "bool", PlatformConfig.model_fields["production"].description or "", None),
           from_field("tags", PlatformConfig.model_fields["tags"])]
    sections: dict[str, str] = {}
    for s in SECTIONS:
        typ = object_type(_section_model(s.field), exclude=specs[s.module].exclude, derived=s.derived)
        where = f"`[{s.field}]`" if s.each != "for_each" else f"`[{s.field}.<key>]`"
        sections[s.field] = typ if s.each != "for_each" else f"map({typ})"
        desc = (f"The platform TOML's {where} section, the `{s.module}` module's inputs"
                + (f" (derived when omitted: {', '.join(s.derived)})" if s.derived else "") + ".")
        if s.field.startswith("security."):
            continue
        default: Any = {} if s.field != "network" else None
        out.append(Variable(s.field, sections[s.field], desc, None if s.each == "count" else default,
                            nullable=s.each == "count") if s.field != "network"
                   else Variable("network", typ, desc))
    security = ("object({\ntraining = optional(" + sections["security.training"] + ", {})\nserving = optional("
                + sections["security.serving"] + ", {})\n})")
    out.insert(5, Variable("security", security, "The platform TOML's `[security.training]` and "
                           "`[security.serving]` sections (derived when omitted: name).", {}, nullable=False))
    return out


def module_call(s: Section, spec: ModuleSpec) -> Block:
    """`module "<call>" { source = "../<module>" ... }` passing every input of that module."""
    model = _section_model(s.field)
    src = "each.value" if s.each == "for_each" else (f"var.{s.field}" if s.each != "count" else f"var.{s.field}")
    body: dict[str, Any] = {"source": f"../{s.module}"}
    if s.each == "for_each":
        body["for_each"] = Expr(f"var.{s.field}")
    elif s.each == "count":
        body["count"] = Expr(f"var.{s.field} != null ? 1 : 0")
    for v in variables(spec):
        if (s.field, v.name) in DERIVED:
            body[v.name] = Expr(DERIVED[(s.field, v.name)])
        elif v.name == "tags":
            body[v.name] = Expr(f"merge(var.tags, {src}.tags)")
        elif v.name in model.model_fields:
            body[v.name] = Expr(f"{src}.{v.name}")
        elif (s.module, v.name) in WIRING or v.name in WIRING:
            body[v.name] = Expr(WIRING.get((s.module, v.name)) or WIRING[v.name])
        elif v.required:
            raise ValueError(f"ml-platform: no wiring for required input {v.name!r} of module {s.module}")
    return Block("module", (s.call,), body)


def _checks() -> list[tuple[str, Check]]:
    from alicloud_ml.props.platform import SHARED_GPU_MODES

    return [
        ("security", Check("var.security.serving.security_group_type == var.security.training.security_group_type",
                           "security.serving.security_group_type: differs from the training group's: nodes join the "
                           "cluster's group too, and one node cannot join a basic and an enterprise group.")),
        ("cluster", Check("var.cluster.security_group_type == null || var.cluster.security_group_type == "
                          "var.security.training.security_group_type", "cluster.security_group_type: differs from "
                          "the workload groups' type; omit it, it follows the workload groups.")),
        ("cpfs", Check("var.cpfs == null ? true : (var.cpfs.zone == null || contains(var.network.zones, "
                       "coalesce(var.cpfs.zone, \"-\")))", "cpfs.zone: has no vSwitch in network.zones.")),
        ("node_pools", Check("alltrue([for k, p in var.node_pools : alltrue([for z in coalesce(p.zones, []) : "
                             "contains(var.network.zones, z)])])", "node_pools.<key>.zones: every zone must be in "
                             "network.zones.")),
        ("node_pools", Check(f"alltrue([for k, p in var.node_pools : !contains({value(sorted(SHARED_GPU_MODES))}, "
                             "p.gpu_schedule) || var.cluster.shared_gpu_scheduling])",
                             "node_pools.<key>.gpu_schedule: shared GPU modes need ack-ai-installer; set "
                             "cluster.shared_gpu_scheduling = true, or use default.")),
        ("node_pools", Check("alltrue([for k, p in var.node_pools : !startswith(coalesce(p.checkpoint_target, \"-\"), "
                             "\"cpfs://\") || var.cpfs != null])", "node_pools.<key>.checkpoint_target: points at "
                             "CPFS but cpfs is not configured; accepted: oss://<bucket>/<path>, or set cpfs.")),
    ]


OUTPUTS = (
    Output("vpc_id", "VPC id.", expr="module.network.vpc_id"),
    Output("cluster_id", "ACK cluster id.", expr="module.cluster.cluster_id"),
    Output("node_pool_ids", "GPU node pool ids by key.", expr="{ for k, m in module.node_pools : k => m.node_pool_id }"),
    Output("service_ids", "PAI-EAS service ids by key.", expr="{ for k, m in module.services : k => m.service_id }"),
    Output("persistent_volume", "Kubernetes PersistentVolume (JSON) of the CPFS export, or null without CPFS.",
           expr="var.cpfs != null ? module.cpfs[0].persistent_volume : null"),
    Output("service_accounts", "Kubernetes Namespaces and ServiceAccounts (JSON) whose pods assume the workload "
           "roles through RRSA.", expr="module.roles.service_accounts"),
)

EXAMPLE = '''
module "platform" {
  source      = "../.."
  name        = "example"
  name_suffix = "ex1"
  tags        = { environment = "example", managed-by = "alicloud-ml" }
  network     = { zones = ["cn-shanghai-b"] }
  node_pools = {
    inference = { instance_types = ["ecs.gn7i-c16g1.4xlarge"], max_size = 3, workload_type = "inference" }
  }
}

output "cluster_id" {
  value = module.platform.cluster_id
}
'''


def platform_spec() -> ModuleSpec:
    from alicloud_ml.config import PlatformConfig

    return ModuleSpec(
        name="ml-platform", title="The whole ML platform of one environment (the `MlPlatform` L3): network, "
                                  "security groups, logs, cluster with its system pool, CPFS, workload roles, GPU "
                                  "pools and EAS services, from the same sections as a platform TOML file.",
        construct="alicloud_ml.constructs.platform.MlPlatform", props=PlatformConfig, probe=lambda: None,  # type: ignore[arg-type,return-value]
        build=lambda *a: None, exclude=EXCLUDED, outputs=OUTPUTS, example=EXAMPLE,
        notes=("Names and defaults the TOML loader derives (`ml-<name>`, `ml-<name>-logs-<suffix>`, deletion "
               "protection in production, CPFS mount support, pool names from their keys, service names `<name>_<key>`, IAM paths "
               "from the services' and pools' OSS locations) are derived here the same way.",
               "Child modules validate their own inputs; this module adds the TOML loader's cross-section checks."))


def generate() -> dict[str, str]:
    from alicloud_ml.hcl.docs import readme

    specs = _specs()
    spec = platform_spec()
    vars_ = platform_variables(specs)
    checks: dict[str, list[Check]] = {}
    for name, check in _checks():
        checks.setdefault(name, []).append(check)
    main: list[Block | str] = [Block("locals", (), {k: Expr(v) for k, v in _locals().items()})]
    main += [module_call(s, specs[s.module]) for s in SECTIONS]
    outputs = [Block("output", (o.name,), {"description": o.description, "value": Expr(o.expr or "null")})
               for o in OUTPUTS]
    from alicloud_ml.hcl.emit import example_tf, versions_tf

    modules = [f"`module.{s.call}`: [`{s.module}`](../{s.module}/README.md)"
               + (" (one per key)" if s.each == "for_each" else " (when set)" if s.each == "count" else "")
               for s in SECTIONS]
    return {
        "main.tf": render_file(main, header(spec)),
        "variables.tf": render_file([v.block(checks.get(v.name, ())) for v in vars_], header(spec)),
        "outputs.tf": render_file(outputs, header(spec)),
        "versions.tf": versions_tf(),
        "examples/basic/main.tf": example_tf(spec),
        "README.md": readme(spec, vars_, checks, [], modules),
    }


def module_inputs_from_toml(path: str | Path, source: str = "./modules/ml-platform", call: str = "platform",
                            name_suffix: str | None = None) -> str:
    """A `module` block equivalent to a platform TOML file, field for field (what a team moving to HCL writes).

    `region`, `profile`, `state`, `[[suppressions]]` and the construct-only sections have no module input
    (see `EXCLUDED`); `name` defaults to the file name, as the TOML loader does.
    """
    from alicloud_ml.hcl.render import render_block

    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    body: dict[str, Any] = {"source": source, "name": data.pop("name", Path(path).stem)}
    if name_suffix and "name_suffix" not in data:
        body["name_suffix"] = name_suffix
    data = without_construct_only(data, body["name"], name_suffix)
    for key in EXCLUDED:
        data.pop(key, None)
    body.update(data)
    return "\n".join(render_block(Block("module", (call,), body))) + "\n"


def without_construct_only(data: dict[str, Any], name: str, name_suffix: str | None = None) -> dict[str, Any]:
    """A platform file's data without the sections the modules lack (`CONSTRUCT_ONLY`); a service's `model_path`
    in the `[models]` bucket becomes the bucket's `oss://` URL, which the module takes as it is."""
    from alicloud_ml.config import model_bucket, relative_model_path

    data = copy.deepcopy(data)
    if isinstance(models := data.get("models"), dict):
        bucket = models.get("bucket") or model_bucket(name, data.get("name_suffix") or name_suffix)
        for service in (data.get("services") or {}).values():
            if isinstance(service, dict) and "://" not in str(service.get("model_path", "://")):
                service["model_path"] = relative_model_path(service["model_path"], bucket)
    return {key: value for key, value in data.items() if key not in CONSTRUCT_ONLY}


__all__ = ["CONSTRUCT_ONLY", "generate", "module_inputs_from_toml", "terraform_block", "without_construct_only"]
