"""AnalyticDB for PostgreSQL (the RAG tier's vector store): its private endpoint, and the platform's rule that
a vector store is reachable only from its VPC.

The endpoint the instance reports is `<instance id>-master.gpdb.rds.aliyuncs.com` on port 5432 (the VPC
endpoint form shown in "Manage endpoints",
https://www.alibabacloud.com/help/en/analyticdb/analyticdb-for-postgresql/user-guide/manage-public-endpoints;
README "Assumptions" 18 for the exact host form). Refused as the cloud would: a vSwitch of another VPC.
Refused as the platform's own rule (ALIML_020/021, README "RAG tier"): a `0.0.0.0/0` whitelist entry, an
instance outside any VPC, and a public connection (`alicloud_gpdb_connection`).
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.plugins import CloudError, Context, Lookup, check, computed, known

INSTANCE = "alicloud_gpdb_instance"
WORLD = ("0.0.0.0/0", "0.0.0.0")


@computed(INSTANCE, "connection_string")
def _connection_string(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"{s.get('id')}-master.gpdb.rds.aliyuncs.com"


@computed(INSTANCE, "port")
def _port(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "5432"


def _whitelist(state: dict[str, Any]) -> list[str]:
    value = state.get("ip_whitelist")
    groups = value if isinstance(value, list) else []
    entries = [e for g in groups if isinstance(g, dict) and known(g.get("security_ip_list"))
               for e in str(g.get("security_ip_list") or "").split(",")]
    legacy = state.get("security_ip_list")
    entries += [str(e) for e in legacy if known(e)] if isinstance(legacy, list) else []
    return [e.strip() for e in entries if e.strip()]


@check(INSTANCE)
def private_vector_store(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    errors = []
    if any(e in WORLD for e in _whitelist(state)):
        errors.append(CloudError("Platform.PublicVectorStore", f"{ctx.address} ip_whitelist admits 0.0.0.0/0; accepted: "
                                 "the VPC's vSwitch CIDRs (the platform keeps the vector store private)",
                                 ("ip_whitelist",)))
    vpc_id, vswitch_id = state.get("vpc_id"), state.get("vswitch_id")
    if ctx.applying and vpc_id in (None, ""):
        errors.append(CloudError("Platform.VectorStoreOutsideVpc", f"{ctx.address} sets no vpc_id; accepted: the "
                                 "platform VPC's id", ("vpc_id",)))
    if ctx.applying and known(vpc_id) and known(vswitch_id) and vpc_id and vswitch_id:
        vswitch = ctx.store.get("alicloud_vswitch", str(vswitch_id))
        if vswitch is not None and vswitch.get("vpc_id") != vpc_id:
            errors.append(CloudError("InvalidVSwitchId.NotInVpc", f"{ctx.address} vswitch {vswitch_id} belongs to "
                                     f"{vswitch.get('vpc_id')}, not {vpc_id}; accepted: a vSwitch of vpc_id",
                                     ("vswitch_id",)))
    return errors


@check("alicloud_gpdb_connection")
def no_public_connection(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    return [CloudError("Platform.PublicVectorStore", f"{ctx.address} opens a public endpoint on "
                       f"{state.get('instance_id')}; accepted: none (reach the vector store from its VPC)")]
