"""Distil the provider facts the toolkit relies on into alicloud_ml/schema/alicloud.json.

Input is a `terraform providers schema -json`-shaped file extracted from the provider's Go
schema (with extra keys such as force_new and removed). Run it by hand when the pinned
provider version changes; the build, the tests and the CLI only read the distilled file.

    python scripts/import_provider_schema.py PATH/TO/alicloud-provider-schema.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PROVIDER = "registry.terraform.io/aliyun/alicloud"
PROVIDER_VERSION = "1.289.0"
OUT = Path(__file__).resolve().parents[1] / "alicloud_ml" / "schema" / "alicloud.json"

RESOURCE_TYPES = [
    "alicloud_vpc", "alicloud_vswitch", "alicloud_nat_gateway", "alicloud_eip_address",
    "alicloud_eip_association", "alicloud_snat_entry", "alicloud_security_group",
    "alicloud_security_group_rule", "alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes_node_pool",
    "alicloud_cs_kubernetes_addon", "alicloud_cs_autoscaling_config", "alicloud_nas_file_system", "alicloud_nas_protocol_service",
    "alicloud_nas_protocol_mount_target", "alicloud_nas_mount_target", "alicloud_nas_access_group",
    "alicloud_nas_access_rule", "alicloud_nas_fileset", "alicloud_pai_service", "alicloud_pai_workspace_workspace",
    "alicloud_ram_role", "alicloud_ram_policy", "alicloud_ram_role_policy_attachment",
    "alicloud_oss_bucket", "alicloud_oss_bucket_versioning", "alicloud_oss_bucket_server_side_encryption",
    "alicloud_oss_bucket_public_access_block", "alicloud_ots_instance", "alicloud_ots_table",
    "alicloud_log_project", "alicloud_log_store", "alicloud_ecs_disk", "alicloud_ecs_deployment_set",
]

# Values the provider does not validate but its docs list; the toolkit checks them anyway.
DOC_ALLOWED_VALUES = {
    ("alicloud_cs_kubernetes_node_pool", "taints", "effect"): ["NoSchedule", "PreferNoSchedule", "NoExecute"],
    ("alicloud_cs_kubernetes_node_pool", None, "spot_strategy"): ["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"],
    ("alicloud_cs_kubernetes_node_pool", None, "system_disk_performance_level"): ["PL0", "PL1", "PL2", "PL3"],
}

ATTR_KEYS = (
    "type", "description", "description_kind", "required", "optional", "computed", "sensitive",
    "force_new", "default", "allowed_values", "allowed_values_ignore_case", "deprecated",
    "conflicts_with", "exactly_one_of", "at_least_one_of", "validation_pattern", "min_items", "max_items",
)
BLOCK_KEYS = ("nesting_mode", "min_items", "max_items", "required", "optional", "computed", "force_new", "deprecated")
RANGE = re.compile(r"^(?:validation\.)?(Int|Float)Between\((-?\s*\d+),\s*(-?\d+|INT_MAX)\)$")
AT_LEAST = re.compile(r"^(?:validation\.)?(Int|Float)AtLeast\((-?\d+)\)$")


def _number_kind(attr: dict) -> str | None:
    if attr.get("type") == "number":
        return "float" if attr.get("sdk_type") == "TypeFloat" else "int"
    return None


def _attribute(resource: str, block_path: str | None, name: str, attr: dict) -> dict:
    out = {k: attr[k] for k in ATTR_KEYS if k in attr}
    kind = _number_kind(attr)
    if kind:
        out["number_kind"] = kind
    validation = attr.get("validation", "")
    if m := RANGE.match(validation.replace(" ", "")):
        hi = m.group(3)
        out["range"] = [int(m.group(2)), None if hi == "INT_MAX" else int(hi)]
    elif m := AT_LEAST.match(validation):
        out["range"] = [int(m.group(2)), None]
    doc_values = DOC_ALLOWED_VALUES.get((resource, block_path, name))
    if doc_values and "allowed_values" not in out:
        out["allowed_values"] = doc_values
        out["allowed_values_source"] = "docs"
    return out


def _block(resource: str, block: dict, block_path: str | None = None) -> dict:
    attrs = {
        name: _attribute(resource, block_path, name, attr)
        for name, attr in sorted(block.get("attributes", {}).items())
        if "removed" not in attr
    }
    blocks = {}
    for name, bt in sorted(block.get("block_types", {}).items()):
        if "removed" in bt:
            continue
        nested = {k: bt[k] for k in BLOCK_KEYS if k in bt}
        nested["block"] = _block(resource, bt["block"], name if block_path is None else f"{block_path}.{name}")
        blocks[name] = nested
    out: dict = {"attributes": attrs}
    if blocks:
        out["block_types"] = blocks
    if block.get("description"):
        out["description"] = block["description"]
    out["description_kind"] = "plain"
    return out


def main(source: str) -> None:
    data = json.loads(Path(source).read_text())
    provider = data["provider_schemas"][PROVIDER]
    resources = {}
    for rtype in RESOURCE_TYPES:
        rs = provider["resource_schemas"][rtype]
        resources[rtype] = {"version": rs.get("version", 0), "block": _block(rtype, rs["block"])}
    distilled = {
        "format_version": "1.0",
        "provider_version": PROVIDER_VERSION,
        "provider_source": "aliyun/alicloud",
        "source": {k: data["_source"][k] for k in ("repository", "ref", "commit")},
        "provider_schemas": {
            PROVIDER: {
                "provider": {"version": 0, "block": _block("provider", provider["provider"]["block"])},
                "resource_schemas": resources,
            }
        },
        "backend_schemas": {"oss": {"block": _block("backend", data["backend_schemas"]["oss"]["block"])}},
    }
    OUT.write_text(json.dumps(distilled, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT} ({len(resources)} resource types)")


if __name__ == "__main__":
    main(sys.argv[1])
