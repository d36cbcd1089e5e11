"""What the provider's Read returns for objects that other resources change (split resources).

A standalone child resource (alicloud_oss_bucket_server_side_encryption, …) writes a setting of its
parent's cloud object; the parent's Read then returns that setting, and the child's Read finds its
setting in the parent object or reports the child gone. The emulated cloud keeps each parent object's
settings in its stored state (the cloud's truth, changed by the parent's own applies and by its
children), so:
- a parent that leaves a managed attribute out of its configuration plans to remove it again on the
  next plan, exactly as on the cloud (the planner plans Optional, non-Computed attributes from config);
- with the documented `lifecycle { ignore_changes = [...] }`, Terraform keeps the read value and the
  re-plan is empty;
- a parent apply that removes the setting (the real Update calls e.g. DeleteBucketEncryption) makes
  the child's next Read come back empty: the child plans to be created again.

The pairs and their docs citations are `alicloud_ml.schema.split_resources`; this module is how each
one reads and writes, cited to the provider's Go at v1.289.0.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from alicloud_ml.emulator.store import Store
from alicloud_ml.schema.split_resources import BY_CHILD, SplitPair, pairs_for_parent

Value = Any
State = dict[str, Any]


@dataclass(frozen=True)
class Replace:
    """The child owns the whole parent attribute (one setting per parent object)."""

    to_parent: Callable[[State], Value]
    #: the child's view of the parent's value, or None when the setting is gone (child deleted on Read)
    from_parent: Callable[[Value, State], State | None]
    #: what the child's Delete leaves on the cloud: "clear" (the Delete… API) or "keep" (a no-op Delete)
    on_delete: str = "clear"
    #: the parent's Read sets the attribute even when the cloud has none (else it keeps the prior value)
    read_when_empty: bool = True
    empty: Value = ()


@dataclass(frozen=True)
class Add:
    """The child adds items to a parent collection (many children per parent object)."""

    items: Callable[[State], list[Value]]


def _first(value: Value) -> dict[str, Any] | None:
    return value[0] if isinstance(value, list) and value and isinstance(value[0], dict) else None


def _block(fields: dict[str, str], *, keep_empty: bool = False) -> Replace:
    """A one-element parent block whose fields are the child's own arguments (parent name: child name)."""

    def to_parent(child: State) -> Value:
        return [{p: child.get(c) for p, c in fields.items()}]

    def from_parent(value: Value, child: State) -> State | None:
        item = _first(value)
        if item is None:
            return child if keep_empty else None
        return {**child, **{c: item.get(p) for p, c in fields.items()}}

    return Replace(to_parent, from_parent, on_delete="keep" if keep_empty else "clear",
                   read_when_empty=not keep_empty, empty=[])


def _json_same(a: Any, b: Any) -> bool:
    try:
        return json.loads(a) == json.loads(b)
    except (TypeError, ValueError):
        return a == b


def _policy_from_parent(value: Value, child: State) -> State | None:
    if not value:
        return None  # DeleteBucketPolicy left nothing: the child's Read finds no policy
    return {**child, "policy": child.get("policy") if _json_same(child.get("policy"), value) else value}


def _cors_to_parent(child: State) -> Value:
    rules = child.get("cors_rule") or []
    return [{"allowed_headers": r.get("allowed_headers") or [], "allowed_methods": r.get("allowed_methods") or [],
             "allowed_origins": r.get("allowed_origins") or [], "expose_headers": r.get("expose_header") or [],
             "max_age_seconds": r.get("max_age_seconds")} for r in rules]


def _cors_from_parent(value: Value, child: State) -> State | None:
    if not value:
        return None
    mine = _cors_to_parent(child)
    if sorted(map(repr, mine)) == sorted(map(repr, value)):
        return child
    return {**child, "cors_rule": [{"allowed_headers": r.get("allowed_headers"), "allowed_methods": r.get(
        "allowed_methods"), "allowed_origins": r.get("allowed_origins"), "expose_header": r.get("expose_headers"),
        "max_age_seconds": r.get("max_age_seconds")} for r in value]}


def _website_to_parent(child: State) -> Value:
    index, error = _first(child.get("index_document")) or {}, _first(child.get("error_document")) or {}
    return [{"index_document": index.get("suffix"), "error_document": error.get("key")}]


def _website_from_parent(value: Value, child: State) -> State | None:
    item = _first(value)
    if item is None:
        return None
    if _website_to_parent(child) == value:
        return child
    return {**child, "index_document": [{"suffix": item.get("index_document")}],
            "error_document": [{"key": item.get("error_document")}] if item.get("error_document") else []}


def _referer_to_parent(child: State) -> Value:
    referers = list(child.get("referer_list") or [])
    # resource_alicloud_oss_bucket.go Read sets referer_config only when the list is not empty
    return [{"allow_empty": child.get("allow_empty_referer"), "referers": referers}] if referers else []


def _referer_from_parent(value: Value, child: State) -> State | None:
    item = _first(value)
    if item is None:
        return child if not child.get("referer_list") else None
    return {**child, "allow_empty_referer": item.get("allow_empty"), "referer_list": item.get("referers")}


#: Per child type: how it writes the parent object and reads itself back.
#: OSS: the bucket's Read (alicloud/resource_alicloud_oss_bucket.go resourceAlicloudOssBucketRead) sets
#: `server_side_encryption_rule`, `versioning` and `referer_config` only when the bucket has them and
#: `acl`, `policy`, `cors_rule`, `website`, `logging`, `transfer_acceleration` always; the children's
#: Deletes call DeleteBucketPolicy/Encryption/Logging/Cors/Website, put an empty referer list
#: (resource_alicloud_oss_bucket_referer.go), and do nothing for acl, versioning and transfer
#: acceleration (their Delete functions return nil: a bucket's versioning can only be suspended).
MODELS: dict[str, Replace | Add] = {
    "alicloud_oss_bucket_acl": Replace(lambda c: c.get("acl"), lambda v, c: {**c, "acl": v} if v else c,
                                       on_delete="keep", empty=None),
    "alicloud_oss_bucket_policy": Replace(lambda c: c.get("policy"), _policy_from_parent, empty=""),
    "alicloud_oss_bucket_versioning": _block({"status": "status"}, keep_empty=True),
    "alicloud_oss_bucket_server_side_encryption": Replace(
        lambda c: [{k: c.get(k) for k in ("sse_algorithm", "kms_master_key_id", "kms_data_encryption")}],
        lambda v, c: {**c, **{k: (_first(v) or {}).get(k) for k in ("sse_algorithm", "kms_master_key_id",
                                                                     "kms_data_encryption")}} if _first(v) else None,
        read_when_empty=False, empty=[]),
    "alicloud_oss_bucket_logging": _block({"target_bucket": "target_bucket", "target_prefix": "target_prefix"}),
    "alicloud_oss_bucket_cors": Replace(_cors_to_parent, _cors_from_parent, empty=[]),
    "alicloud_oss_bucket_website": Replace(_website_to_parent, _website_from_parent, empty=[]),
    "alicloud_oss_bucket_referer": Replace(_referer_to_parent, _referer_from_parent, read_when_empty=False, empty=[]),
    # Create sends `d.Get("enabled")` (false when unset) to PutBucketTransferAcceleration, and the bucket's Read
    # returns it; the child's own Read does `d.Set("enabled", objectRaw["Enabled"])` on the XML answer, whose
    # text does not decode into a TypeBool, so the child keeps the value in its state
    # (resource_alicloud_oss_bucket_transfer_acceleration.go; the provider team's TransferAcceleration_basic6439
    # plans empty with `enabled` unset). README assumption 51.
    "alicloud_oss_bucket_transfer_acceleration": Replace(
        lambda c: [{"enabled": bool(c.get("enabled"))}], lambda v, c: c, on_delete="keep", empty=[]),
    # resource_alicloud_alb_load_balancer.go Read sets access_log_config from the load balancer's
    # AccessLogConfig; the attachment's Delete calls DisableLoadBalancerAccessLog.
    "alicloud_alb_load_balancer_access_log_config_attachment": _block(
        {"log_project": "log_project", "log_store": "log_store"}),
    # resource_alicloud_ecs_ram_role_attachment.go attaches the role the instance's Read reports as role_name
    # (resource_alicloud_instance.go:1453); Delete detaches it.
    "alicloud_ecs_ram_role_attachment": Replace(
        lambda c: c.get("ram_role_name"), lambda v, c: c if v == c.get("ram_role_name") else None, empty=""),
    "alicloud_vpc_ipv4_cidr_block": Add(lambda c: [c.get("secondary_cidr_block")]),
    "alicloud_vpc_network_acl_attachment": Add(
        lambda c: [{"resource_id": c.get("resource_id"), "resource_type": c.get("resource_type"),
                    "status": "BINDED"}]),
    "alicloud_network_acl_attachment": Add(
        lambda c: [{"resource_id": r.get("resource_id"), "resource_type": r.get("resource_type"), "status": "BINDED"}
                   for r in c.get("resources") or []]),
    "alicloud_vpc_gateway_endpoint_route_table_attachment": Add(lambda c: [c.get("route_table_id")]),
    "alicloud_ram_user_group_attachment": Add(lambda c: [c.get("user_name")]),
    "alicloud_gpdb_db_instance_ip_array": Add(
        lambda c: [{"ip_group_name": c.get("db_instance_ip_array_name"),
                    "ip_group_attribute": c.get("db_instance_ip_array_attribute") or "",
                    "security_ip_list": ",".join(c.get("security_ip_list") or [])}]),
}


def _parent_of(store: Store, pair: SplitPair, child: State) -> State | None:
    ref = child.get(pair.parent_ref)
    if not isinstance(ref, str) or not ref:
        return None
    if pair.parent_key == "id":
        return store.get(pair.parent, ref)
    direct = store.get(pair.parent, ref)
    if direct is not None and direct.get(pair.parent_key) == ref:
        return direct
    return next((s for s in store.find(pair.parent) if s.get(pair.parent_key) == ref), None)


def _key(item: Value) -> str:
    return json.dumps(item, sort_keys=True) if isinstance(item, dict) else str(item)


def _matches(item: Value, existing: Value) -> bool:
    """Set items are the same object when their identifying fields agree (statuses are the cloud's)."""
    if isinstance(item, dict) and isinstance(existing, dict):
        return all(existing.get(k) == v for k, v in item.items() if k != "status")
    return item == existing


def _write(store: Store, pair: SplitPair, parent: State, attr: str, value: Value) -> None:
    store.replace_state(pair.parent, parent["id"], {**parent, attr: value})


def child_written(store: Store, type_name: str, child: State, prior: State | None) -> None:
    """The child's create or update has changed its parent object (call inside the apply's transaction)."""
    pair, model = BY_CHILD.get(type_name), MODELS.get(type_name)
    if pair is None or model is None or (parent := _parent_of(store, pair, child)) is None:
        return
    attr = pair.parent_attrs[0]
    if isinstance(model, Replace):
        _write(store, pair, parent, attr, model.to_parent(child))
        return
    current = [i for i in (parent.get(attr) or []) if not prior or not any(_matches(o, i) for o in model.items(prior))]
    added = [i for i in model.items(child) if not any(_matches(i, c) for c in current)]
    _write(store, pair, parent, attr, current + added)


def parent_written(store: Store, type_name: str, state: State) -> State:
    """A parent created or updated beside children that add to its collection: the cloud's collection keeps
    what they added, since the parent's own Create and Update add and remove only its configured items
    (e.g. AddUserToGroup per user, resource_alicloud_ram_group_membership.go), and Read returns it all."""
    for pair in pairs_for_parent(type_name):
        model = MODELS.get(pair.child)
        if not isinstance(model, Add):
            continue
        attr = pair.parent_attrs[0]
        items = list(state.get(attr) or [])
        for child in store.find(pair.child):
            if child.get(pair.parent_ref) == state.get(pair.parent_key):
                items += [i for i in model.items(child) if not any(_matches(i, x) for x in items)]
        if items != list(state.get(attr) or []):
            state = {**state, attr: items}
    return state


def child_deleted(store: Store, type_name: str, prior: State) -> None:
    """The child's Delete has changed its parent object (call inside the apply's transaction)."""
    pair, model = BY_CHILD.get(type_name), MODELS.get(type_name)
    if pair is None or model is None or (parent := _parent_of(store, pair, prior)) is None:
        return
    attr = pair.parent_attrs[0]
    if isinstance(model, Replace):
        if model.on_delete == "clear":
            _write(store, pair, parent, attr, list(model.empty) if isinstance(model.empty, (list, tuple))
                   else model.empty)
        return
    mine = model.items(prior)
    _write(store, pair, parent, attr, [i for i in parent.get(attr) or [] if not any(_matches(m, i) for m in mine)])


def read(store: Store, type_name: str, stored: State | None, current: State | None) -> State | None:
    """What the provider's Read returns for `type_name`, given the emulated cloud's stored object and
    Terraform's current state (Read starts from the state and overwrites what it reads)."""
    if stored is None:
        return None
    pair, model = BY_CHILD.get(type_name), MODELS.get(type_name)
    if pair is not None and model is not None and (parent := _parent_of(store, pair, stored)) is not None:
        value = parent.get(pair.parent_attrs[0])
        if isinstance(model, Replace):
            return model.from_parent(value, stored)
        present = value or []
        return stored if all(any(_matches(i, p) for p in present) for i in model.items(stored)) else None
    out = stored
    for parent_pair in pairs_for_parent(type_name):
        model = MODELS.get(parent_pair.child)
        attr = parent_pair.parent_attrs[0]
        if isinstance(model, Replace) and not model.read_when_empty and not stored.get(attr) and current:
            out = {**out, attr: current.get(attr)}  # Read does not set it: the state keeps its value
    return out


# ------------------------------------------------------------------ what the cloud stores
# Values the cloud keeps in another form than configured, or objects it adds, so the provider's Read
# returns them that way. The planner then shows a diff where the provider has no DiffSuppressFunc.

#: KMS durations: "units d, h, m and s; either 7d or 604800s" (website/docs/r/kms_key.html.markdown:55,
#: kms_secret.html.markdown); DescribeKey/DescribeSecret return seconds ("604800s" in the API examples:
#: https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-describekey),
#: and Read sets `rotation_interval` from that answer with no DiffSuppressFunc (resource_alicloud_kms_key.go:295,
#: resource_alicloud_kms_secret.go:244). README Assumptions: the seconds form on read-back.
_DURATION_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_DURATIONS = {("alicloud_kms_key", "rotation_interval"), ("alicloud_kms_secret", "rotation_interval")}

#: AnalyticDB for PostgreSQL: every instance has the `default` whitelist group (127.0.0.1 until changed;
#: DescribeDBInstanceIPArrayList example, https://www.alibabacloud.com/help/en/analyticdb/analyticdb-for-postgresql/developer-reference/api-gpdb-2016-05-03-describedbinstanceiparraylist),
#: ModifySecurityIps writes `default` when no group is named; Read returns every group
#: (resource_alicloud_gpdb_instance.go:664-679). The provider's acceptance test confirms it: an instance
#: created without `ip_whitelist` reads back `ip_whitelist.# = 1` (resource_alicloud_gpdb_instance_test.go:164).
GPDB = "alicloud_gpdb_instance"
DEFAULT_WHITELIST = {"ip_group_name": "default", "ip_group_attribute": "", "security_ip_list": "127.0.0.1"}


def _seconds(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 1 and value[-1] in _DURATION_UNITS and value[:-1].isdigit():
        return f"{int(value[:-1]) * _DURATION_UNITS[value[-1]]}s"
    return value


def cloud_state(type_name: str, state: State) -> State:
    """The object as the cloud holds it after a create or update (what Read will return)."""
    for t, attr in _DURATIONS:
        if t == type_name and state.get(attr):
            state = {**state, attr: _seconds(state[attr])}
    if type_name == GPDB and isinstance(state.get("ip_whitelist"), list):
        # a group the config leaves unnamed is the one ModifySecurityIps writes to: `default`
        groups = [{**g, "ip_group_name": "default"} if isinstance(g, dict) and not g.get("ip_group_name") else g
                  for g in state["ip_whitelist"]]
        state = {**state, "ip_whitelist": groups}
        if not any(isinstance(g, dict) and g.get("ip_group_name") == "default" for g in groups):
            state = {**state, "ip_whitelist": [dict(DEFAULT_WHITELIST), *groups]}
    return state
