"""ALIML_027: a function running a shipped handler has a role whose policy allows every call the handler makes.

Stack-level. A Function Compute function runs a shipped handler when its environment carries the handler's
marker variable (`alicloud_ml.handlers.permissions`: `RAG_DB_HOST` for RAG ingestion, `DSW_WORKSPACE_ID`
for the notebook reaper). Its role is the `alicloud_ram_role` its `role` references; the role's policies
are the `alicloud_ram_policy` documents attached to it. Each declared request (action and ARN shape, names
left open) must be grantable by an Allow statement (`ram_policy.could_allow`; `${…}` expressions in the
policy count as wildcards).
PASS: every request is grantable. FAIL: a request no statement grants, e.g. `kms:Decrypt` on the documents
key, without which OSS refuses to read SSE-KMS objects ("This request is forbidden by kms").
NOT APPLICABLE: no function with a handler's marker; a role or policy the stack does not hold, or a System
policy attached (its statements are not in the stack).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from alicloud_ml.handlers.permissions import HandlerPermissions, registered
from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.ram_policy import ANY_NAME, could_allow
from alicloud_ml.synthesized import Resource, Stack, json_attribute

FUNCTION_TYPES = ("alicloud_fcv3_function", "alicloud_fc_function")

CHECK = PolicyCheck(
    id="ALIML_027",
    severity=Severity.HIGH,
    title="Ensure a function's role allows every call its handler makes",
    why="A handler whose role lacks a permission deploys cleanly and fails on its first event (the RAG function "
        "cannot read SSE-KMS documents without kms:Decrypt on the bucket's key).",
    fix="Grant the missing action on the resource shown in the function's role policy (the construct that "
        "builds the role); each handler declares its calls in its package (REQUIRED_PERMISSIONS).",
    resource_types=FUNCTION_TYPES,
    stack_level=True,
)

_EXPRESSION = re.compile(r"\$\{[^}]*\}")


def _refers_to(value: Any, target: Resource, *names: str) -> bool:
    return isinstance(value, str) and (value.startswith(target.ref_prefix)
                                       or any(value == target.attrs.get(n) for n in names if target.attrs.get(n)))


def role_policies(stack: Stack, role: Resource) -> list[str] | None:
    """The policy documents attached to `role`, expressions made wildcards; None when one is not in the stack."""
    documents: list[str] = []
    for attachment in stack.of_type("alicloud_ram_role_policy_attachment"):
        if not _refers_to(attachment.attrs.get("role_name"), role, "role_name", "name"):
            continue
        policy = stack.resolve(attachment.attrs.get("policy_name"))
        if policy is None or policy.type != "alicloud_ram_policy":
            return None  # a System policy or one made elsewhere: its statements are unknown here
        text = policy.attrs.get("policy_document") or policy.attrs.get("document")
        data, problem = json_attribute(text if not isinstance(text, str) else _EXPRESSION.sub("*", text))
        if problem:
            return None
        documents.append(data)
    return documents


def handler_of(function: Resource) -> HandlerPermissions | None:
    environment = function.attrs.get("environment_variables") or {}
    return next((h for h in registered() if isinstance(environment, dict) and h.marker in environment), None)


def missing_calls(handler: HandlerPermissions, documents: list[Any], region: str | None) -> list[str]:
    names: defaultdict[str, str] = defaultdict(lambda: ANY_NAME, region=region or ANY_NAME)
    missing = []
    for permission in handler.permissions:
        shape = permission.resource.format_map(names)
        if not could_allow(documents, permission.action, shape):
            shown = shape.replace(ANY_NAME, "<name>")
            missing.append(f"{permission.action} on {shown} ({permission.why})")
    return missing


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    findings = []
    for function in stack.of_type(*FUNCTION_TYPES):
        handler = handler_of(function)
        role = stack.resolve(function.attrs.get("role"))
        if handler is None or role is None or role.type != "alicloud_ram_role":
            continue
        documents = role_policies(stack, role)
        if documents is None:
            continue
        missing = missing_calls(handler, documents, stack.region)
        findings.append(StackFinding(function.address, Result.failed(
            f"the role {role.address} does not allow {'; '.join(missing)}, which {handler.handler} calls",
            field="role") if missing else Result.passed(), function.path))
    return findings
