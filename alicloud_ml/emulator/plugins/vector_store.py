"""AnalyticDB for PostgreSQL (the RAG tier's vector store): its private endpoint and the VPC check the cloud makes.

The endpoint the instance reports is `<instance id>-master.gpdb.rds.aliyuncs.com` on port 5432 (the VPC
endpoint form shown in "Manage endpoints",
https://www.alibabacloud.com/help/en/analyticdb/analyticdb-for-postgresql/user-guide/manage-public-endpoints;
README "Assumptions" 18 for the exact host form). Refused as the cloud would: a vSwitch of another VPC. A world-open whitelist, an instance outside a VPC and
a public connection are accepted, as the cloud accepts them: keeping the store private is the platform's
practice, which the policy gate enforces (ALIML_020/021), not a cloud rule.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.plugins.registry import CloudError, Context, Lookup, check, computed, known

INSTANCE = "alicloud_gpdb_instance"


@computed(INSTANCE, "connection_string")
def _connection_string(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"{s.get('id')}-master.gpdb.rds.aliyuncs.com"


@computed(INSTANCE, "port")
def _port(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "5432"


@check(INSTANCE)
def vswitch_in_vpc(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    vpc_id, vswitch_id = state.get("vpc_id"), state.get("vswitch_id")
    if ctx.applying and known(vpc_id) and known(vswitch_id) and vpc_id and vswitch_id:
        vswitch = ctx.store.get("alicloud_vswitch", str(vswitch_id))
        if vswitch is not None and vswitch.get("vpc_id") != vpc_id:
            return [CloudError("InvalidVSwitchId.NotInVpc", f"{ctx.address} vswitch {vswitch_id} belongs to "
                               f"{vswitch.get('vpc_id')}, not {vpc_id}; accepted: a vSwitch of vpc_id",
                               ("vswitch_id",))]
    return []
