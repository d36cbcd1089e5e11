"""Concrete values for what the cloud computes: IDs shaped like real ones, statuses, endpoints.

Apply must leave no attribute unknown, so every unknown the planner left is filled here:
first the resource ID (some are derived from names, e.g. an EAS service is named by
`service_config.metadata.name`), then values specific to a type and attribute, then values
derived from the attribute's name, and finally an empty value of the attribute's type.
"""

from __future__ import annotations

import json
import os
import secrets
import string
import time
from collections.abc import Callable
from typing import Any

from alicloud_ml.emulator.spec import Block
from alicloud_ml.emulator.wire import UNKNOWN

_ALNUM = string.ascii_lowercase + string.digits
ACCOUNT_ID = "1234567890123456"  # the emulated account; never a real one


def rand(n: int) -> str:
    """n random lowercase letters and digits (the body of ids like vpc-…); 252 = 7 × 36 keeps it unbiased."""
    out = [_ALNUM[b % 36] for b in os.urandom(n * 2) if b < 252]
    return "".join(out[:n]) if len(out) >= n else rand(n)


def hexid(n: int) -> str:
    return secrets.token_hex((n + 1) // 2)[:n]


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _service_name(s: dict[str, Any]) -> str:
    try:
        return str(json.loads(s["service_config"])["metadata"]["name"])
    except (TypeError, ValueError, KeyError):
        return "eas-" + rand(8)


def _nas_id(s: dict[str, Any]) -> str:
    return "cpfs-" + hexid(16) if s.get("file_system_type") == "cpfs" else hexid(10)


def _first(s: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        if isinstance(s.get(k), str) and s[k] and s[k] is not UNKNOWN:
            return s[k]
    return None


_ID: dict[str, Callable[[dict[str, Any]], str]] = {
    "alicloud_vpc": lambda s: "vpc-" + rand(21),
    "alicloud_vswitch": lambda s: "vsw-" + rand(21),
    "alicloud_security_group": lambda s: "sg-" + rand(20),
    "alicloud_security_group_rule": lambda s: ":".join(str(s.get(k) or "") for k in (
        "security_group_id", "type", "ip_protocol", "port_range", "nic_type", "cidr_ip", "policy", "priority")),
    "alicloud_nat_gateway": lambda s: "ngw-" + rand(21),
    "alicloud_eip_address": lambda s: "eip-" + rand(21),
    "alicloud_eip_association": lambda s: f"{s.get('allocation_id')}:{s.get('instance_id')}",
    "alicloud_snat_entry": lambda s: f"{s.get('snat_table_id')}:snat-{rand(20)}",
    "alicloud_cs_managed_kubernetes": lambda s: "c" + hexid(32),
    "alicloud_cs_kubernetes_node_pool": lambda s: "np-" + hexid(32),
    "alicloud_cs_kubernetes_addon": lambda s: f"{s.get('cluster_id')}:{s.get('name')}",
    "alicloud_cs_autoscaling_config": lambda s: str(s.get("cluster_id")),  # resource file: d.SetId(clusterId)
    "alicloud_nas_fileset": lambda s: f"{s.get('file_system_id')}:{s.get('fileset_id')}",
    "alicloud_ecs_deployment_set": lambda s: "ds-" + rand(20),
    "alicloud_ecs_disk": lambda s: "d-" + rand(20),
    "alicloud_nas_file_system": _nas_id,
    "alicloud_nas_mount_target": lambda s: f"{s.get('file_system_id')}:{s.get('mount_target_domain')}",
    "alicloud_nas_access_group": lambda s: f"{_first(s, 'access_group_name', 'name')}:"
                                           f"{_first(s, 'file_system_type') or 'standard'}",
    "alicloud_nas_access_rule": lambda s: f"{s.get('access_group_name')}:{s.get('access_rule_id')}",
    "alicloud_nas_protocol_service": lambda s: f"{s.get('file_system_id')}:{s.get('protocol_service_id')}",
    "alicloud_nas_protocol_mount_target": lambda s: f"{s.get('file_system_id')}:{s.get('protocol_service_id')}:"
                                                    f"{s.get('export_id')}",
    "alicloud_oss_bucket": lambda s: s["bucket"],
    "alicloud_oss_bucket_public_access_block": lambda s: s["bucket"],
    "alicloud_oss_bucket_server_side_encryption": lambda s: s["bucket"],
    "alicloud_oss_bucket_versioning": lambda s: s["bucket"],
    "alicloud_ots_instance": lambda s: s["name"],
    "alicloud_ots_table": lambda s: f"{s.get('instance_name')}:{s.get('table_name')}",
    "alicloud_log_project": lambda s: _first(s, "project_name", "name") or "",
    "alicloud_log_store": lambda s: f"{_first(s, 'project_name', 'project')}:{_first(s, 'logstore_name', 'name')}",
    "alicloud_pai_service": _service_name,
    "alicloud_pai_workspace_workspace": lambda s: str(secrets.randbelow(900000) + 100000),
    "alicloud_ram_role": lambda s: _first(s, "role_name", "name") or "",
    "alicloud_ram_policy": lambda s: _first(s, "policy_name", "name") or "",
    "alicloud_ram_role_policy_attachment": lambda s: f"role:{s.get('policy_name')}:{s.get('policy_type')}:"
                                                     f"{s.get('role_name')}",
}

#: Values computed before the ID because the ID is built from them.
_BEFORE_ID: dict[tuple[str, str], Callable[[dict[str, Any], str], Any]] = {
    ("alicloud_oss_bucket", "bucket"): lambda s, r: "tf-bucket-" + hexid(12),
    ("alicloud_nas_mount_target", "mount_target_domain"):
        lambda s, r: f"{s.get('file_system_id')}-{rand(5)}.{r}.nas.aliyuncs.com",
    ("alicloud_nas_access_rule", "access_rule_id"): lambda s, r: str(secrets.randbelow(90) + 10),
    ("alicloud_nas_protocol_service", "protocol_service_id"): lambda s, r: "ptc-" + hexid(16),
    ("alicloud_nas_protocol_mount_target", "export_id"): lambda s, r: "exp-" + hexid(16),
    ("alicloud_nas_fileset", "fileset_id"): lambda s, r: "fset-" + hexid(17),
    ("alicloud_ram_role", "role_name"): lambda s, r: "tf-role-" + hexid(8),
    ("alicloud_ram_policy", "policy_name"): lambda s, r: "tf-policy-" + hexid(8),
    ("alicloud_security_group_rule", "nic_type"): lambda s, r: "intranet",
}

_STATUS = {
    "alicloud_cs_managed_kubernetes": "running", "alicloud_cs_kubernetes_node_pool": "active",
    "alicloud_nas_file_system": "Running", "alicloud_pai_service": "Running", "alicloud_nat_gateway": "Available",
    "alicloud_pai_workspace_workspace": "ENABLED", "alicloud_log_project": "Normal", "alicloud_ecs_disk": "Available",
    "alicloud_nas_protocol_service": "Running", "alicloud_nas_protocol_mount_target": "Running",
    "alicloud_nas_mount_target": "Active", "alicloud_snat_entry": "Available", "alicloud_oss_bucket_versioning": "Enabled",
}

#: Computed attributes whose value mirrors another argument (deprecated aliases and the like).
_ALIASES = {
    "name": ("vswitch_name", "vpc_name", "security_group_name", "nat_gateway_name", "address_name", "project_name",
             "logstore_name", "access_group_name", "role_name", "policy_name", "node_pool_name", "disk_name"),
    "vswitch_name": ("name",), "vpc_name": ("name",), "security_group_name": ("name",), "nat_gateway_name": ("name",),
    "address_name": ("name",), "project_name": ("name", "project"), "project": ("project_name",),
    "logstore_name": ("name",), "access_group_name": ("name",), "access_group_type": ("type",),
    "type": ("access_group_type",), "role_name": ("name",), "policy_name": ("name",), "node_pool_name": ("name",),
    "disk_name": ("name",), "availability_zone": ("zone_id",), "zone_id": ("availability_zone",),
    "policy_document": ("document",), "document": ("policy_document", "assume_role_policy_document"),
    "assume_role_policy_document": ("document",), "allocation_id": ("id",),
}


def _specific(type_name: str, name: str, s: dict[str, Any], region: str, lookup: Callable[..., Any]) -> Any:
    """Type-specific computed values; UNKNOWN when nothing specific applies."""
    key = (type_name, name)
    if key == ("alicloud_vpc", "cidr_block"):
        return "172.16.0.0/12"
    if key == ("alicloud_cs_managed_kubernetes", "vpc_id"):
        vsw = lookup("alicloud_vswitch", (s.get("vswitch_ids") or [None])[0])
        return vsw["vpc_id"] if vsw else "vpc-" + rand(21)
    if key == ("alicloud_cs_managed_kubernetes", "connections"):
        host = f"{s['id']}.{region}.cs.aliyuncs.com"
        return {"api_server_internet": f"https://{host}:6443", "api_server_intranet": f"https://{host}-intranet:6443",
                "master_public_ip": "", "service_domain": f"*.{s['id']}.{region}.alicontainer.com"}
    if key == ("alicloud_cs_managed_kubernetes", "rrsa_metadata"):
        enabled = bool(s.get("enable_rrsa"))
        return [{"enabled": enabled, "ram_oidc_provider_arn": f"acs:ram::{ACCOUNT_ID}:oidc-provider/ack-rrsa-{s['id']}"
                 if enabled else "", "ram_oidc_provider_name": f"ack-rrsa-{s['id']}" if enabled else "",
                 "rrsa_oidc_issuer_url": f"https://oidc-ack-{region}.oss-{region}.aliyuncs.com/{s['id']}"
                 if enabled else ""}]
    if key == ("alicloud_cs_managed_kubernetes", "security_group_id"):
        return "sg-" + rand(20)  # ACK creates the cluster's own group (see servicer: owned objects)
    if key == ("alicloud_cs_managed_kubernetes", "worker_ram_role_name"):
        return "KubernetesWorkerRole-" + hexid(32)
    if key == ("alicloud_cs_kubernetes_node_pool", "node_pool_id"):
        return s["id"]
    if key == ("alicloud_cs_kubernetes_node_pool", "scaling_group_id"):
        return "asg-" + rand(20)
    if key == ("alicloud_log_store", "shards"):
        count = int(s.get("shard_count") or 2)
        step = 2**128 // count
        return [{"id": i, "status": "readwrite", "begin_key": f"{i * step:032x}",
                 "end_key": f"{min((i + 1) * step, 2**128 - 1):032x}"} for i in range(count)]
    if key == ("alicloud_eip_address", "ip_address"):
        return f"47.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"
    if key == ("alicloud_nat_gateway", "snat_table_ids"):
        return "stb-" + rand(21)
    if key == ("alicloud_nat_gateway", "forward_table_ids"):
        return "ftb-" + rand(21)
    if key in (("alicloud_vpc", "route_table_id"), ("alicloud_vpc", "router_table_id")):
        return s.get("route_table_id") if isinstance(s.get("route_table_id"), str) else "vtb-" + rand(21)
    if key == ("alicloud_vpc", "router_id"):
        return "vrt-" + rand(21)
    if key == ("alicloud_ram_role", "arn"):
        return f"acs:ram::{ACCOUNT_ID}:role/{str(s.get('role_name')).lower()}"
    if key in (("alicloud_ram_role", "role_id"), ("alicloud_ram_policy", "version_id")):
        return str(secrets.randbelow(10**17) + 10**17) if name == "role_id" else "v1"
    if key == ("alicloud_ram_policy", "type"):
        return "Custom"
    if key == ("alicloud_oss_bucket", "extranet_endpoint"):
        return f"oss-{region}.aliyuncs.com"
    if key == ("alicloud_oss_bucket", "intranet_endpoint"):
        return f"oss-{region}-internal.aliyuncs.com"
    if key == ("alicloud_oss_bucket", "location"):
        return f"oss-{region}"
    if key == ("alicloud_oss_bucket", "owner"):
        return ACCOUNT_ID
    if key == ("alicloud_security_group_rule", "security_group_rule_id"):
        return "sgr-" + rand(20)
    if key == ("alicloud_snat_entry", "snat_entry_id"):
        return s["id"].rsplit(":", 1)[-1]
    if key == ("alicloud_nas_file_system", "file_system_type"):
        return "standard"
    if name == "status":
        return _STATUS.get(type_name, "Available")
    if name == "region_id":
        return region
    if name in ("create_time", "creation_date"):
        return now()
    if name == "resource_group_id":
        return "rg-acfm" + rand(10)
    for alias in _ALIASES.get(name, ()):
        value = s.get(alias)
        if value is not None and value is not UNKNOWN and value != "":
            return value
    return UNKNOWN


def empty(t: Any) -> Any:
    """The empty value of a Terraform type: what a cloud API returns for 'nothing set'."""
    if t == "string":
        return ""
    if t == "number":
        return 0
    if t == "bool":
        return False
    if isinstance(t, list) and t[0] == "map":
        return {}
    return []


def _coerce(t: Any, value: Any) -> Any:
    """Fit a generated value to the attribute's type (log_store.create_time is epoch seconds)."""
    if t == "number" and isinstance(value, str):
        return int(time.time()) if value[:2].isdigit() and "T" in value else 0
    if t == "string" and not isinstance(value, str):
        return str(value)
    return value


def fill(type_name: str, spec: Block, state: dict[str, Any], region: str, lookup: Callable[..., Any]) -> dict[str, Any]:
    """Replace every unknown in a planned state with a concrete value (apply's job)."""
    for name, attr in spec.attrs.items():
        if state.get(name) is UNKNOWN and (type_name, name) in _BEFORE_ID:
            state[name] = _BEFORE_ID[(type_name, name)](state, region)
    if state.get("id") is UNKNOWN:
        state["id"] = _ID.get(type_name, lambda s: type_name.split("_", 1)[1] + "-" + rand(16))(state)
    for name, attr in spec.attrs.items():
        if state.get(name) is UNKNOWN:
            value = _specific(type_name, name, state, region, lookup)
            state[name] = empty(attr.type) if value is UNKNOWN else _coerce(attr.type, value)
    _fill_blocks(spec, state)
    return state


def _fill_blocks(spec: Block, state: dict[str, Any]) -> None:
    for name, nested in spec.blocks.items():
        value = state.get(name)
        if value is UNKNOWN:
            state[name] = None if nested.mode == "single" else []
            continue
        items = [value] if isinstance(value, dict) else (value or [])
        for item in items:
            if not isinstance(item, dict):
                continue
            for attr_name, attr in nested.block.attrs.items():
                if item.get(attr_name) is UNKNOWN:
                    item[attr_name] = empty(attr.type)
            _fill_blocks(nested.block, item)
        if isinstance(value, list):
            state[name] = [i for i in value if i is not UNKNOWN]


_PY_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "number": (int, float), "bool": (bool,)}


def type_errors(spec: Block, state: dict[str, Any], path: str = "") -> list[str]:
    """Attributes whose value does not fit the schema type (a generator bug Terraform would reject)."""
    out = []
    for name, attr in spec.attrs.items():
        value = state.get(name)
        if value is None:
            continue
        t = attr.type
        ok = (isinstance(value, _PY_TYPES[t]) and not (t == "number" and isinstance(value, bool))) \
            if isinstance(t, str) else isinstance(value, dict if t[0] == "map" else list)
        if not ok:
            out.append(f"{path}{name}")
    for name, nested in spec.blocks.items():
        value = state.get(name)
        for i, item in enumerate([value] if isinstance(value, dict) else value or []):
            if isinstance(item, dict):
                out.extend(type_errors(nested.block, item, f"{path}{name}.{i}."))
    return out
