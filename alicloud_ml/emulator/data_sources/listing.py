"""Listing data sources (`alicloud_vpcs`, `alicloud_vswitches`, ...) answered from the emulated cloud.

A listing `alicloud_<things>` lists the objects of resource type `alicloud_<thing>` created in the
provider's region. Filters, the provider's usual ones: `ids`, `name_regex` (on the object's name),
`tags` (every given tag must match), and any other argument that is also an attribute of the resource
(`vpc_id`, `status`, `cidr_block`, `zone_id`, ...) by equality. Outputs: `ids`, `names`, the list of
objects (each key taken from the stored object: same name, `<thing>_id` → the id, `<thing>_name` ↔
`name`), and `total_count` where the data source has one.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml import schema
from alicloud_ml.emulator import spec
from alicloud_ml.emulator.data_sources.base import Query, Reader, object_keys, pattern
from alicloud_ml.emulator.ids import ACCOUNT_ID

#: Arguments that shape the answer instead of filtering it.
NOT_FILTERS = frozenset({"ids", "name_regex", "tags", "output_file", "enable_details", "page_number", "page_size",
                         "dry_run", "names", "id"})


#: Listings whose name is not the plural of their resource type's.
IRREGULAR = {
    "alicloud_cs_managed_kubernetes_clusters": "alicloud_cs_managed_kubernetes",
    "alicloud_cs_kubernetes_clusters": "alicloud_cs_kubernetes",
    "alicloud_cs_serverless_kubernetes_clusters": "alicloud_cs_serverless_kubernetes",
    "alicloud_cs_edge_kubernetes_clusters": "alicloud_cs_edge_kubernetes",
    "alicloud_mongo_instances": "alicloud_mongodb_instance",
    "alicloud_arms_prometheis": "alicloud_arms_prometheus",
}


def resource_type_for(data_type: str) -> str | None:
    """`alicloud_vpcs` → `alicloud_vpc`, `alicloud_vswitches` → `alicloud_vswitch`, `…policies` → `…policy`."""
    types = set(schema.resource_types())
    if data_type in IRREGULAR:
        return IRREGULAR[data_type] if IRREGULAR[data_type] in types else None
    candidates = [data_type[:-3] + "y" if data_type.endswith("ies") else None,
                  data_type[:-2] if data_type.endswith("es") else None,
                  data_type[:-1] if data_type.endswith("s") else None]
    return next((c for c in candidates if c and c in types), None)


def seeded_type(data_type: str) -> str:
    """Where a seed file keeps objects of a listing no resource type creates (`data.alicloud_chatbot_agents`
    entries → `alicloud_chatbot_agent`): objects an account holds that Terraform cannot make."""
    return data_type[:-3] + "y" if data_type.endswith("ies") else data_type.removesuffix("s")


def seeded_reader(data_type: str, store: Any) -> Reader | None:
    """A listing of seeded objects for `data_type`, when a seed put any into this cloud (any region), else None."""
    pseudo = seeded_type(data_type)
    if resource_type_for(data_type) is not None or not object_keys(data_type, list_attr(data_type)) \
            or not (data_type in ACCOUNT_LISTINGS or store.find(pseudo)):
        return None

    def read(query: Query) -> dict[str, Any]:
        return _listing(query, pseudo)

    return read


def list_attr(data_type: str) -> str:
    """The data source's computed list of objects (`agents`), or ""."""
    return next((n for n, a in spec.data_source(data_type).attrs.items() if a.computed and object_keys(data_type, n)),
                "")


def reader_for(data_type: str) -> Reader | None:
    resource_type = resource_type_for(data_type)
    if resource_type is None:
        return None

    def read(query: Query) -> dict[str, Any]:
        return _listing(query, resource_type)

    return read


#: Listings whose `name_regex` matches another attribute than the type's name.
NAME_KEYS = {
    # provider v1.289.0 alicloud/data_source_alicloud_cddc_dedicated_host_groups.go:238 (DedicatedHostGroupDesc)
    "alicloud_cddc_dedicated_host_group": "dedicated_host_group_desc",
}


def _name(resource_type: str, obj: dict[str, Any]) -> str:
    """The object's name: `<type>_name`, else `<trailing words of the type>_name` (`physical_connection_name`
    of `express_connect_physical_connection`), else `name`."""
    words = resource_type.removeprefix("alicloud_").split("_")
    special = (NAME_KEYS[resource_type],) if resource_type in NAME_KEYS else ()
    for key in (*special, *("_".join(words[i:]) + "_name" for i in range(len(words))), "name"):
        if isinstance(obj.get(key), str) and obj[key]:
            return obj[key]
    return ""


def _matches(query: Query, resource_type: str, obj: dict[str, Any]) -> bool:
    config = query.config
    ids = config.get("ids")
    if isinstance(ids, list) and ids and obj.get("id") not in ids:
        return False
    name_regex = pattern(query, "name_regex")
    if name_regex is not None and not name_regex.search(_name(resource_type, obj)):
        return False
    tags = config.get("tags")
    if isinstance(tags, dict) and tags:
        raw = obj.get("tags")
        have = raw if isinstance(raw, dict) else {}
        if any(have.get(k) != v for k, v in tags.items()):
            return False
    for key, wanted in config.items():
        if key in NOT_FILTERS or wanted in (None, "", [], {}) or key not in obj:
            continue
        if obj[key] != wanted:
            return False
    return True


def _object(resource_type: str, obj: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    short = resource_type.removeprefix("alicloud_")
    out = {}
    for key in keys:
        if key in obj:
            out[key] = obj[key]
        elif key in ("id", f"{short}_id", f"{short.split('_')[-1]}_id"):
            out[key] = obj.get("id")
        elif key == "name" or key.endswith("_name"):
            out[key] = _name(resource_type, obj)
    return out


#: Objects every account has before anything is created: the default resource group. Resource Management's
#: API pages (e.g. DeleteResourceGroup, https://www.alibabacloud.com/help/en/resource-management/api-deleteresourcegroup)
#: describe groups but not the default one; that it exists in every account, its name `default` and its id are
#: README assumption 17.
BUILT_IN: dict[str, list[dict[str, Any]]] = {
    "alicloud_resource_manager_resource_group": [{
        "id": "rg-acfmdefault00000", "resource_group_name": "default", "display_name": "Default Resource Group",
        "status": "OK", "account_id": ACCOUNT_ID}],
}

#: RAM system policies, which Alibaba Cloud creates in every account (`type = "System"`; RAM "Policy overview":
#: "All system policies are created and updated by Alibaba Cloud"). Names: RAM "Authorization policies",
#: https://www.alibabacloud.com/help/doc-detail/28652.htm (AdministratorAccess to AliyunCloudMonitorReadOnlyAccess);
#: the NAS, Global Accelerator and Cloud Phone system-policy pages (help/en/nas/security-and-compliance/nas,
#: help/en/ga/security-and-compliance/ga-1694081815431, help/en/ecp/system-policies-of-cloud-phone); and the
#: provider's own tests and docs at v1.289.0 (`git grep AccessPolicy\|FullAccess\|ReadOnlyAccess alicloud website`).
#: The real account has many more; the documents other than AdministratorAccess's are stand-ins (README "Assumptions").
SYSTEM_POLICIES: tuple[tuple[str, str], ...] = (
    ("AdministratorAccess", "Provides full access to Alibaba Cloud services and resources."),
    ("ReadOnlyAccess", "Provides read-only access to Alibaba Cloud services and resources."),
    *((f"Aliyun{p}FullAccess", f"Provides full access to {p}.") for p in (
        "ActionTrail", "BatchCompute", "BSS", "CDN", "CloudMonitor", "NAS", "GlobalAcceleration", "VPC", "Log", "ECS",
        "MNS")),
    *((f"Aliyun{p}ReadOnlyAccess", f"Provides read-only access to {p}.") for p in (
        "ActionTrail", "BSS", "CDN", "CloudMonitor", "NAS", "GlobalAcceleration", "ContainerRegistry", "RDSGAD",
        "KMS")),
    ("AliyunBSSOrderAccess", "Provides access to view, pay and cancel orders in BSS."),
    ("AliyunKMSCryptoUserAccess", "Provides access to use KMS keys for cryptographic operations."),
)
_ALLOW = '{"Statement":[{"Action":%s,"Effect":"Allow","Resource":"*"}],"Version":"1"}'
BUILT_IN["alicloud_ram_policy"] = [
    {"id": name, "policy_name": name, "name": name, "type": "System", "description": description,
     "default_version": "v1", "version_id": "v1", "attachment_count": 0, "create_date": "2015-04-01T00:00:00Z",
     "update_date": "2015-04-01T00:00:00Z", "user_name": "",
     "document": _ALLOW % ('"*"' if name == "AdministratorAccess" else f'["{name}:*"]'),
     "policy_document": _ALLOW % ('"*"' if name == "AdministratorAccess" else f'["{name}:*"]')}
    for name, description in SYSTEM_POLICIES]

#: Listings of objects an account holds that no resource type creates: an account that has none lists none
#: (the API answers an empty page), unless a seed file put some in (`alicloud_ml.emulator.seed`).
ACCOUNT_LISTINGS = frozenset({"alicloud_chatbot_agents"})  # Chatbot agents are made in the Chatbot console


def _listing(query: Query, resource_type: str) -> dict[str, Any]:
    objects = BUILT_IN.get(resource_type, []) + query.store.find(resource_type, region=query.region)
    found = [o for o in objects if _matches(query, resource_type, o)]
    found.sort(key=lambda o: str(o.get("id")))
    answer: dict[str, Any] = {"ids": [o.get("id") for o in found], "names": [_name(resource_type, o) for o in found],
                              "total_count": len(found)}
    # The list of objects itself: the data source's computed list-of-object attribute (`vpcs`).
    for name, attr in spec.data_source(query.type_name).attrs.items():
        keys = object_keys(query.type_name, name) if attr.computed else ()
        if keys:
            answer[name] = [_object(resource_type, o, keys) for o in found]
            break
    return answer
