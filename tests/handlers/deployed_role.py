"""The function a reference platform deploys for a handler, read from its synthesized stack: environment,
region, and its role's policy documents with references resolved, for the loopback servers to enforce.

References resolve to the values the tests give the objects they stand for: the account data source to
ACCOUNT, each `alicloud_kms_key.<name>.id` to `key-<name>`, and an attribute the stack sets literally
(a secret's `secret_name`) to that literal. Any other `${…}` stays as written and so matches no request:
a policy that depends on something the tests do not model grants nothing.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alicloud_ml.handlers.permissions import registered
from alicloud_ml.policies.checks.function_role_allows_handler_calls import FUNCTION_TYPES
from alicloud_ml.synthesized import Resource, Stack, stack_from_json

REPO = Path(__file__).resolve().parents[2]
ACCOUNT = "1234567890123456"
_ACCOUNT_REF = re.compile(r"\$\{data\.alicloud_account\.[A-Za-z0-9_-]+\.id\}")
_KEY_REF = re.compile(r"\$\{alicloud_kms_key\.([A-Za-z0-9_-]+)\.id\}")
_REF = re.compile(r"\$\{[a-z0-9_]+\.[A-Za-z0-9_-]+\.[a-z0-9_]+\}")


def resolve(text: str, stack: Stack) -> str:
    def literal(match: re.Match[str]) -> str:
        target = stack.resolve(match[0])
        value = target.attrs.get(match[0][2:-1].rsplit(".", 1)[1]) if target is not None else None
        return value if isinstance(value, str) and "${" not in value else match[0]

    return _REF.sub(literal, _KEY_REF.sub(lambda m: f"key-{m[1]}", _ACCOUNT_REF.sub(ACCOUNT, text)))


@dataclass(frozen=True)
class DeployedFunction:
    stack: Stack
    function: Resource
    region: str
    environment: dict[str, str]
    #: the role's policy documents, as JSON text with references resolved
    policies: tuple[str, ...]

    def key_of_bucket(self, bucket: str) -> str | None:
        """The KMS key id an SSE-KMS bucket encrypts new objects with (its encryption resource)."""
        for sse in self.stack.of_type("alicloud_oss_bucket_server_side_encryption"):
            target = self.stack.resolve(sse.attrs.get("bucket"))
            name = target.attrs.get("bucket") if target is not None else sse.attrs.get("bucket")
            if name == bucket and sse.attrs.get("sse_algorithm") == "KMS":
                return resolve(str(sse.attrs.get("kms_master_key_id")), self.stack)
        return None

    def bucket_of_trigger(self) -> str:
        """The bucket the function's OSS trigger listens on (the last part of its source ARN)."""
        for trigger in self.stack.of_type("alicloud_fcv3_trigger"):
            if self.stack.resolve(trigger.attrs.get("function_name")) == self.function:
                last = str(trigger.attrs["source_arn"]).rsplit(":", 1)[-1]
                bucket = self.stack.resolve(last)
                return str(bucket.attrs["bucket"]) if bucket is not None else last
        raise AssertionError(f"no OSS trigger for {self.function.address}")


@cache
def _synthesized(env: str) -> dict[str, Any]:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from alicloud_ml._cdk import App, Testing
    from alicloud_ml.config import load_config
    from stacks.ml_platform import ENVS_DIR, platform_stack

    with tempfile.TemporaryDirectory() as out:  # cdktf's App creates <outdir>/stacks at once (default ./cdktf.out)
        stack = platform_stack(App(outdir=out), load_config(ENVS_DIR / f"{env}.toml"), backend="local")
        return json.loads(Testing.synth(stack))


def deployed_function(env: str, handler: str) -> DeployedFunction:
    """The function running `handler` (a package under alicloud_ml.handlers) in env `env`'s stack."""
    marker = next(h.marker for h in registered() if h.handler == handler)
    stack = stack_from_json(_synthesized(env), f"{env}.tf.json", f"ml-{env}")
    function = next(f for f in stack.of_type(*FUNCTION_TYPES)
                    if marker in (f.attrs.get("environment_variables") or {}))
    role = stack.resolve(function.attrs["role"])
    policies = []
    for attachment in stack.of_type("alicloud_ram_role_policy_attachment"):
        if role is not None and str(attachment.attrs.get("role_name", "")).startswith(role.ref_prefix):
            policy = stack.resolve(attachment.attrs["policy_name"])
            assert policy is not None, f"{attachment.address} attaches a policy the stack does not hold"
            policies.append(resolve(str(policy.attrs["policy_document"]), stack))
    environment = {k: resolve(str(v), stack) for k, v in function.attrs["environment_variables"].items()}
    return DeployedFunction(stack, function, str(stack.region), environment, tuple(policies))
