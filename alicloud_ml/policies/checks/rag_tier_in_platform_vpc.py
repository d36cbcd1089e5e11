"""ALIML_021: the RAG tier lives in the platform's network: the vector store in a VPC of this stack, and
every function that talks to it inside a VPC.

Stack-level (region is ALIML_012's job). PASS: `alicloud_gpdb_instance.vpc_id` references an
`alicloud_vpc` of the stack and its `vswitch_id` a vSwitch of that VPC; an `alicloud_fcv3_function`
whose environment references a vector store has a `vpc_config` in that VPC.
FAIL: a literal or foreign VPC, a vSwitch of another VPC, or a function outside the VPC.
"""

from __future__ import annotations

import json

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.values import first_block, mapping

CHECK = PolicyCheck(
    id="ALIML_021",
    severity=Severity.HIGH,
    title="Ensure the vector store and its functions are inside the platform's VPC",
    why="A store in another VPC, or an ingestion function outside any VPC, only reaches the store over a public "
        "endpoint, which ALIML_020 forbids: ingestion then fails at run time, after a clean deploy.",
    fix="Build VectorStore and DocumentIngestion on the platform's MlNetwork (they take `network=`), or suppress with a reason.",
    resource_types=("alicloud_gpdb_instance", "alicloud_fcv3_function"),
    stack_level=True,
)


def _store_vpc(stack: Stack, db: Resource) -> tuple[str | None, Result]:
    vpc = stack.resolve(db.attrs.get("vpc_id"))
    if vpc is None or vpc.type != "alicloud_vpc":
        return None, Result.failed("vector store vpc_id is not a VPC of this stack", field="vpc_id")
    vswitch = stack.resolve(db.attrs.get("vswitch_id"))
    if vswitch is None or stack.resolve(vswitch.attrs.get("vpc_id")) is not vpc:
        return None, Result.failed("vector store vswitch_id is not a vSwitch of its VPC", field="vswitch_id")
    return vpc.address, Result.passed()


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    findings, vpcs = [], {}
    for db in stack.of_type("alicloud_gpdb_instance"):
        vpc, result = _store_vpc(stack, db)
        vpcs[db.address] = vpc
        findings.append(StackFinding(db.address, result, db.path))
    for fn in stack.of_type("alicloud_fcv3_function"):
        env = json.dumps(mapping(fn.attrs, "environment_variables"))
        stores = [address for address in vpcs if f"${{{address}." in env]
        if not stores:
            continue
        function_vpc = stack.resolve(first_block(fn.attrs, "vpc_config").get("vpc_id"))
        wanted = {vpcs[s] for s in stores}
        if function_vpc is None or function_vpc.address not in wanted:
            result = Result.failed("function reaches a vector store but runs outside its VPC", field="vpc_config")
        else:
            result = Result.passed()
        findings.append(StackFinding(fn.address, result, fn.path))
    return findings
