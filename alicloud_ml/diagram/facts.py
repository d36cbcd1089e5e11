"""The one or two facts a reader needs on each box, e.g. `gn7i-c16g1.4xlarge ×1–6, tainted`.

Each function reads the resource's own arguments and those of the satellites folded into it
(`kinds.SATELLITES`). Values that are Terraform expressions (known only after apply) are left
out rather than printed as `${…}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from alicloud_ml.eas_service_config import decode as decode_eas
from alicloud_ml.policies.values import unresolved
from alicloud_ml.synthesized import Resource, json_attribute

Facts = Callable[[Resource, Sequence[Resource]], list[str]]
_SERVICE_ACCOUNT = re.compile(r"system:serviceaccount:([^:]+):(.+)$")


def literal(value: Any) -> Any:
    """A scalar as written, or None when it is not set, not a scalar, or an expression (`${…}` in a synth,
    the unevaluated text or `{}` that checkov leaves in an HCL root)."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    if isinstance(value, str) and ("${" in value or unresolved(value) or value.startswith(("[", "{"))):
        return None  # checkov prints an unevaluated list or object as `[{}]`
    return value


def first_block(attrs: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = attrs.get(key)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return value if isinstance(value, dict) else {}


def short_type(instance_type: Any) -> str:
    return str(instance_type).removeprefix("ecs.")


def span(low: Any, high: Any) -> str:
    """`×1–6`, or `×2` when both ends agree."""
    low, high = literal(low), literal(high)
    if low is None and high is None:
        return ""
    if low is None or high is None or str(low) == str(high):
        return f"×{high if low is None else low}"
    return f"×{low}–{high}"


def _of(members: Sequence[Resource], rtype: str) -> list[Resource]:
    return [m for m in members if m.type == rtype]


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def node_pool(r: Resource, _: Sequence[Resource]) -> list[str]:
    a = r.attrs
    listed = a.get("instance_types")
    types = [short_type(t) for t in listed if literal(t)] if isinstance(listed, list) else []
    what = types[0] + (f" +{len(types) - 1}" if len(types) > 1 else "") if types else "instance types unknown"
    scaling = first_block(a, "scaling_config")
    size = span(scaling.get("min_size"), scaling.get("max_size")) if scaling else span(a.get("desired_size"), None)
    flags = []
    if a.get("spot_strategy") not in (None, "NoSpot"):
        flags.append("spot")
    if a.get("taints"):
        flags.append("tainted")
    return [", ".join(p for p in [f"{what} {size}".strip(), *flags] if p)]


def cluster(r: Resource, members: Sequence[Resource]) -> list[str]:
    addons = sorted(str(m.attrs.get("name")) for m in _of(members, "alicloud_cs_kubernetes_addon"))
    facts = [str(literal(r.attrs.get("cluster_spec")) or "managed")]
    extra = []
    if addons:
        extra.append(_count(len(addons), "add-on"))
    if _of(members, "alicloud_cs_autoscaling_config"):
        extra.append("autoscaler")
    if r.attrs.get("enable_rrsa"):
        extra.append("RRSA")
    return [" · ".join([*facts, *extra])]


def file_system(r: Resource, members: Sequence[Resource]) -> list[str]:
    a = r.attrs
    size = f"{a['capacity']} GiB" if literal(a.get("capacity")) is not None else ""
    return [" · ".join(str(p) for p in (literal(a.get("storage_type")), size) if p)]


def mount_target(r: Resource, members: Sequence[Resource]) -> list[str]:
    services = _of(members, "alicloud_nas_protocol_service")
    protocol = "/".join(sorted({str(literal(s.attrs.get("protocol_type")) or "NFS") for s in services})) or "NFS"
    spec = sorted({str(v) for s in services if (v := literal(s.attrs.get("protocol_spec")))})
    return [f"{protocol} protocol service" + (f" ({spec[0]})" if spec else "")]


def eas_service(r: Resource, _: Sequence[Resource]) -> list[str]:
    view, _problem = decode_eas(r.attrs.get("service_config"))
    if view is None:
        return []
    scaler = view.autoscaler
    size = span(scaler.get("min"), scaler.get("max")) if scaler else span(view.metadata.get("instance"), None)
    processor = view.data.get("processor") or "custom image"
    kind = short_type(view.instance_type) if view.instance_type else f"{view.metadata.get('gpu', 0)} GPU"
    return [f"{processor} · {kind} {size}".strip()]


def security_group(r: Resource, members: Sequence[Resource]) -> list[str]:
    rules = _of(members, "alicloud_security_group_rule")
    return [ingress_summary(rules)] if rules else ["no rules"]


def ingress_summary(rules: Sequence[Resource], vpc_cidrs: frozenset[str] = frozenset()) -> str:
    """`tcp 10000–65535 from VPC · all from members`: what the group lets in (`VPC`: a VPC's own CIDR)."""
    parts = []
    for rule in sorted(rules, key=lambda m: m.address):
        a = rule.attrs
        if a.get("type", "ingress") != "ingress" or a.get("policy", "accept") != "accept":
            continue
        proto, ports = literal(a.get("ip_protocol", "all")), literal(a.get("port_range", "-1/-1"))
        if proto is None or ports is None:
            parts.append("rules from variables")
            continue
        proto, ports = str(proto), str(ports)
        low, _, high = ports.partition("/")
        port = "" if ports == "-1/-1" else (low if low == high else f"{low}–{high}")
        source = a.get("source_security_group_id")
        if source and str(source) == str(a.get("security_group_id")):
            origin = "members"
        elif source:
            origin = "another group"
        else:
            cidr = str(literal(a.get("cidr_ip")) or "anywhere")
            origin = "VPC" if cidr in vpc_cidrs else cidr
        parts.append(f"{proto} {port} from {origin}".replace("  ", " ") if port else f"{proto} from {origin}")
    return " · ".join(dict.fromkeys(parts)) or "no ingress"


def nat_gateway(r: Resource, members: Sequence[Resource]) -> list[str]:
    eips = _of(members, "alicloud_eip_address")
    snat = _of(members, "alicloud_snat_entry")
    parts = [str(literal(r.attrs.get("nat_type")) or "")]
    if eips:
        bandwidth = literal(eips[0].attrs.get("bandwidth"))
        parts.append(_count(len(eips), "EIP") + (f" {bandwidth} Mbps" if bandwidth else ""))
    if snat:
        parts.append(_count(len(snat), "SNAT entry", "SNAT entries"))
    return [" · ".join(p for p in parts if p)]


def vswitch(r: Resource, _: Sequence[Resource]) -> list[str]:
    return [str(literal(r.attrs.get("cidr_block")) or "")]


def vector_store(r: Resource, members: Sequence[Resource]) -> list[str]:
    a = r.attrs
    spec = literal(a.get("instance_spec"))
    nodes = literal(a.get("seg_node_num"))
    first = " ".join(p for p in (str(spec) if spec else "", f"×{nodes} segments" if nodes else "") if p)
    extra = ["vector engine"] if a.get("vector_configuration_status") == "enabled" else []
    if _of(members, "alicloud_gpdb_backup_policy"):
        extra.append("backups")
    return [" · ".join(p for p in [first, *extra] if p)]


def kms_key(r: Resource, members: Sequence[Resource]) -> list[str]:
    secrets = _of(members, "alicloud_kms_secret")
    rotation = "rotated" if r.attrs.get("automatic_rotation") == "Enabled" else ""
    return [" · ".join(p for p in (str(literal(r.attrs.get("key_spec")) or ""), rotation,
                                   _count(len(secrets), "secret") if secrets else "") if p)]


def bucket(r: Resource, members: Sequence[Resource]) -> list[str]:
    flags = []
    if any(m.attrs.get("status") == "Enabled" for m in _of(members, "alicloud_oss_bucket_versioning")):
        flags.append("versioned")
    for m in _of(members, "alicloud_oss_bucket_server_side_encryption"):
        flags.append(f"SSE-{m.attrs.get('sse_algorithm', 'AES256')}")
    if _of(members, "alicloud_oss_bucket_public_access_block"):
        flags.append("no public access")
    return [" · ".join(flags)] if flags else []


def function(r: Resource, members: Sequence[Resource]) -> list[str]:
    facts = [str(literal(r.attrs.get("runtime")) or "custom runtime")]
    for trigger in _of(members, "alicloud_fcv3_trigger"):
        if trigger.attrs.get("trigger_type") == "timer":
            facts.append(f"timer {trigger.attrs.get('description') or ''}".strip())
    return [" · ".join(facts)]


def registry(r: Resource, members: Sequence[Resource]) -> list[str]:
    repos = sorted(str(m.attrs.get("name")) for m in _of(members, "alicloud_cr_ee_repo"))
    facts = [str(literal(r.attrs.get("instance_type")) or "")]
    if repos:
        facts.append("repos " + ", ".join(repos))
    return [" · ".join(f for f in facts if f)]


def log_project(r: Resource, members: Sequence[Resource]) -> list[str]:
    stores = _of(members, "alicloud_log_store")
    days = sorted({int(d) for s in stores if str(d := s.attrs.get("retention_period", "")).isdigit()})
    kept = "" if not days else (f"{days[0]} days" if len(days) == 1 else f"{days[0]}–{days[-1]} days")
    return [" · ".join(p for p in (_count(len(stores), "log store") if stores else "", kept) if p)]


def ram_role(r: Resource, members: Sequence[Resource]) -> list[str]:
    principals = trusted_services(r)
    policies = _of(members, "alicloud_ram_policy")
    facts = [f"assumed by {', '.join(principals)}"] if principals else []
    if policies:
        facts.append(_count(len(policies), "policy", "policies"))
    return [" · ".join(facts)] if facts else []


def trusted_services(role: Resource) -> list[str]:
    """Cloud services in a role's trust policy (`fc.aliyuncs.com` → `fc`)."""
    doc, _ = json_attribute(role.attrs.get("assume_role_policy_document"))
    found: set[str] = set()
    for statement in doc.get("Statement", []) if isinstance(doc, dict) else []:
        principal = statement.get("Principal") if isinstance(statement, dict) else None
        services = principal.get("Service") if isinstance(principal, dict) else None
        for s in [services] if isinstance(services, str) else services or []:
            found.add(str(s).removesuffix(".aliyuncs.com"))
    return sorted(found)


def service_accounts(role: Resource) -> list[str]:
    """Kubernetes service accounts an RRSA trust policy admits (`ml-serving/serving`)."""
    doc, _ = json_attribute(role.attrs.get("assume_role_policy_document"))
    found = set()
    for statement in doc.get("Statement", []) if isinstance(doc, dict) else []:
        condition = statement.get("Condition") if isinstance(statement, dict) else None
        for test in (condition or {}).values() if isinstance(condition, dict) else []:
            sub = test.get("oidc:sub") if isinstance(test, dict) else None
            m = _SERVICE_ACCOUNT.match(str(sub or ""))
            if m:
                found.add(f"{m.group(1)}/{m.group(2)}")
    return sorted(found)


def workspace(r: Resource, members: Sequence[Resource]) -> list[str]:
    datasets = _of(members, "alicloud_pai_workspace_dataset")
    parts = [_count(len(datasets), "dataset")] if datasets else []
    if _of(members, "alicloud_pai_workspace_code_source"):
        parts.append("code source")
    if _of(members, "alicloud_pai_workspace_experiment"):
        parts.append("experiment")
    return [" · ".join(parts)] if parts else []


def tablestore(r: Resource, members: Sequence[Resource]) -> list[str]:
    tables = sorted(str(m.attrs.get("table_name")) for m in _of(members, "alicloud_ots_table"))
    return [f"table {', '.join(tables)}"] if tables else []


FACTS: dict[str, Facts] = {
    "alicloud_cs_kubernetes_node_pool": node_pool,
    "alicloud_cs_managed_kubernetes": cluster,
    "alicloud_nas_file_system": file_system,
    "alicloud_nas_protocol_mount_target": mount_target,
    "alicloud_pai_service": eas_service,
    "alicloud_security_group": security_group,
    "alicloud_nat_gateway": nat_gateway,
    "alicloud_vswitch": vswitch,
    "alicloud_gpdb_instance": vector_store,
    "alicloud_kms_key": kms_key,
    "alicloud_oss_bucket": bucket,
    "alicloud_fcv3_function": function,
    "alicloud_cr_ee_instance": registry,
    "alicloud_log_project": log_project,
    "alicloud_ram_role": ram_role,
    "alicloud_pai_workspace_workspace": workspace,
    "alicloud_ots_instance": tablestore,
}


def facts_of(r: Resource, members: Sequence[Resource]) -> list[str]:
    """The fact lines of a box, from its own arguments and its satellites'."""
    facts = FACTS.get(r.type)
    found = facts(r, members) if facts is not None else []
    return [f for f in found if f and "${" not in f]  # an expression inside a fact: better no fact


def eas_name(r: Resource) -> str:
    view, _ = decode_eas(r.attrs.get("service_config"))
    return str(view.name) if view is not None and view.name else r.name
