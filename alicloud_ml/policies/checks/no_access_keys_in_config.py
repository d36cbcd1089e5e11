"""ALIML_013 (critical): no access keys anywhere in the synthesized JSON.

PASS: no literal credential. FAIL: a literal value under a credential-named key (`access_key`,
`secret_key`, `access_key_id`, `security_token`, …) in a resource, the provider block, the state
backend, variables, locals or outputs; an EAS container env var with a credential-like name and a
literal value; or any string that looks like an AccessKey ID (`LTAI` + 12-30 alphanumerics),
including inside JSON-string attributes (`service_config`, `policy_document`).
Messages name where the key is, never the key. References (`${var.x}`) are not literal.
Per-resource in checkov and the gate; the gate also scans the non-resource sections.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.values import is_reference
from alicloud_ml.synthesized import COMMENT_KEY

ACCESS_KEY_ID = re.compile(r"(?<![A-Za-z0-9])LTAI[0-9A-Za-z]{12,30}(?![A-Za-z0-9])")
SECRET_NAME = re.compile(
    r"(?i)^(access_?key(_?id|_?secret)?|secret(_?access)?_?key|access_?key_?secret|security_?token"
    r"|ak_?(id|secret)|sk|alibaba_cloud_access_key_(id|secret)|alicloud_(access|secret)_key|password)$")
SECRET_ENV = re.compile(r"(?i)(access_?key|secret|ak_?id|ak_?secret|security_?token)")

CHECK = PolicyCheck(
    id="ALIML_013",
    severity=Severity.CRITICAL,
    title="Ensure no access keys appear in the synthesized configuration",
    why="cdk.tf.json is committed, uploaded as a CI artifact and copied into plan files; a key in it is a "
        "leaked key. Credentials come from the environment, an ECS RAM role or an STS-assumed role.",
    fix="Remove the literal: use ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY or a RAM role for the provider and "
        "backend, and EasServiceProps.role_arn (or KMS secrets) for services.",
    resource_types=("*",),
)


def _walk(value: Any, path: str) -> Iterator[tuple[str, str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == COMMENT_KEY:
                continue
            yield path, str(key), item
            yield from _walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")


def leaks(value: Any, path: str = "") -> list[str]:
    """Where literal credentials sit under `value` (paths only, never the secret)."""
    found: list[str] = []
    for parent, key, item in _walk(value, path):
        where = f"{parent}.{key}" if parent else key
        if isinstance(item, str) and item.strip() and not is_reference(item) and SECRET_NAME.match(key):
            found.append(f"{where} holds a literal credential")
        elif isinstance(item, str) and ACCESS_KEY_ID.search(item):
            found.append(f"{where} contains an AccessKey ID")
        elif isinstance(item, str) and item.lstrip().startswith(("{", "[")):
            try:
                found.extend(leaks(json.loads(item), where))
            except ValueError:
                pass
        if key == "env" and isinstance(item, list):
            for i, env in enumerate(item):
                if (isinstance(env, dict) and SECRET_ENV.search(str(env.get("name", "")))
                        and isinstance(env.get("value"), str) and env["value"].strip()
                        and not is_reference(env["value"])):
                    found.append(f"{where}[{i}] env var {env.get('name')} holds a literal credential")
    return sorted(set(found))


def evaluate(resource: Resource) -> Result:
    found = leaks(dict(resource.attrs))
    if found:
        return Result.failed("; ".join(found), field=found[0].split(" ", 1)[0])
    return Result.passed()


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    out: list[StackFinding] = []
    for section, body in stack.data.items():
        if section in ("resource", COMMENT_KEY):
            continue
        found = leaks(body, section)
        if found:
            out.append(StackFinding(section if section != "terraform" else "terraform",
                                    Result.failed("; ".join(found), field=found[0].split(" ", 1)[0])))
    return out


check = checkov_check(CHECK, evaluate)
