"""Module spec of `workload-roles`: RAM roles pods assume through RRSA, with prefix-scoped OSS policies."""

from __future__ import annotations

from typing import Any

from alicloud_ml.hcl.render import value
from alicloud_ml.hcl.spec import Input, ModuleSpec, Output
from alicloud_ml.hcl.specs_compute import CLUSTER_EXAMPLE, system_pool_example
from alicloud_ml.hcl.variables import Variable

_SPLIT = 'regex("^([^/]+)/?(.*)$", trimprefix(p, "oss://"))'  # `bucket/prefix/` -> [bucket, prefix]


def oss_statements(actions: tuple[str, ...], paths: str) -> str:
    """HCL of `iam.oss_statements(actions, paths)`: object actions on `<bucket>/<prefix>*`, listing per bucket
    limited to those prefixes (`oss:Prefix`) unless one of them is the whole bucket."""
    from alicloud_ml.constructs.iam import OSS_LIST

    pairs = f"[for p in {paths} : {_SPLIT}]"
    objects = ("[for x in (length(" + paths + ") > 0 ? [1] : []) : { Effect = \"Allow\", Action = "
               + value(list(actions)) + ", Resource = [for bp in " + pairs + " : \"acs:oss:*:*:${bp[0]}/${bp[1]}*\"] }]")
    listing = ("[for b in distinct([for bp in " + pairs + " : bp[0]]) : merge({ Effect = \"Allow\", Action = "
               + value(list(OSS_LIST)) + ", Resource = [\"acs:oss:*:*:${b}\"] }, alltrue([for bp in " + pairs
               + " : bp[1] != \"\" if bp[0] == b]) ? { Condition = { StringLike = { \"oss:Prefix\" = [for bp in "
               + pairs + " : \"${bp[1]}*\" if bp[0] == b] } } } : {})]")
    return f"concat({objects}, {listing})"


def _roles_probe() -> Any:
    from alicloud_ml.props.iam import ServiceAccountRef, WorkloadRolesProps

    return WorkloadRolesProps(name_prefix="zq-roles", data_buckets=("zq-data/sets/",), model_buckets=("zq-models",),
                              model_paths=("zq-models/m/",), checkpoint_paths=("zq-ckpt/runs/",),
                              training_service_account=ServiceAccountRef(namespace="zq-train-ns", name="zq-trainer"),
                              serving_service_account=ServiceAccountRef(namespace="zq-serve-ns", name="zq-server"),
                              tags={"zq-tag": "zq-value"})


def _roles(stack: Any, props: Any) -> Any:
    from alicloud_ml.constructs.iam import WorkloadRoles
    from alicloud_ml.hcl.specs_compute import _pool_deps

    return WorkloadRoles(stack, "Roles", cluster=_pool_deps(stack), props=props)


def _service_accounts() -> str:
    from alicloud_ml.constructs.iam import INJECTION_LABEL, ROLE_ANNOTATION

    return ("jsonencode(concat([for ns in distinct([for w in local.workloads : local.accounts[w].namespace]) : { "
            f'apiVersion = "v1", kind = "Namespace", metadata = {{ name = ns, labels = {{ {value(INJECTION_LABEL)} = '
            '"on" } } }], [for w in local.workloads : { apiVersion = "v1", kind = "ServiceAccount", metadata = { '
            "name = local.accounts[w].name, namespace = local.accounts[w].namespace, annotations = { "
            f'{value(ROLE_ANNOTATION)} = "${{var.name_prefix}}-${{w}}" }} }} }}]))')


def roles_spec() -> ModuleSpec:
    from alicloud_ml.constructs.iam import OSS_READ, OSS_WRITE
    from alicloud_ml.props.iam import WorkloadRolesProps

    policy = {f"{w}_policy.policy_document": f'jsonencode({{ Version = "1", Statement = local.statements.{w} }})'
              for w in ("training", "serving")}
    when = {f"{w}_{r}.@when": f"length(local.statements.{w}) > 0" for w in ("training", "serving")
            for r in ("policy", "attachment")}
    return ModuleSpec(
        name="workload-roles", title="RAM roles `training` and `serving` that pods assume through RRSA (one "
                                     "ServiceAccount each; serving also trusted by PAI-EAS), with prefix-scoped OSS "
                                     "policies and never `*` on `*`.",
        construct="alicloud_ml.constructs.iam.WorkloadRoles", props=WorkloadRolesProps, probe=_roles_probe,
        build=_roles,
        inputs=(Input(Variable("oidc_provider_arn", "string", "The cluster's RRSA OIDC provider ARN (`ack-cluster` "
                               "output `oidc_provider_arn`)."),
                      ref=("alicloud_cs_managed_kubernetes", "rrsa_metadata[0].ram_oidc_provider_arn")),
                Input(Variable("oidc_issuer_url", "string", "The cluster's RRSA OIDC issuer URL (`ack-cluster` "
                               "output `oidc_issuer_url`)."),
                      ref=("alicloud_cs_managed_kubernetes", "rrsa_metadata[0].rrsa_oidc_issuer_url"))),
        locals={"workloads": '["training", "serving"]',
                "accounts": "{ training = var.training_service_account, serving = var.serving_service_account }",
                "statements": "{\ntraining = concat("
                              + oss_statements(OSS_READ + OSS_WRITE, "distinct(concat(var.checkpoint_paths, "
                                                                     "var.model_buckets))")
                              + ", " + oss_statements(OSS_READ, "var.data_buckets") + "),\n"
                              + "serving = " + oss_statements(OSS_READ, "var.model_paths") + "\n}"},
        exprs={**policy, **when},
        outputs=(Output("training_role_arn", "ARN of the training role.", expr="alicloud_ram_role.training_role.arn"),
                 Output("serving_role_arn", "ARN of the serving role (EAS services' `role_arn`).",
                        expr="alicloud_ram_role.serving_role.arn"),
                 Output("service_accounts", "Kubernetes Namespaces and ServiceAccounts (JSON list) whose pods "
                        "assume the roles through RRSA; `kubectl apply` them.", expr=_service_accounts())),
        example=CLUSTER_EXAMPLE + system_pool_example() + '''
module "roles" {
  source            = "../.."
  name_prefix       = "ml-example"
  model_paths       = ["ml-models-example/model/v1/"]
  oidc_provider_arn = module.cluster.oidc_provider_arn
  oidc_issuer_url   = module.cluster.oidc_issuer_url
}
''',
    )
