"""ALIML_022: no password or API key is written into the synthesized JSON as a literal.

PASS: `alicloud_gpdb_account.account_password`, `alicloud_kms_secret.secret_data` and every function
environment variable whose name says PASSWORD, API_KEY, SECRET or TOKEN (except `*_SECRET` names that
hold a secret's *name*) are references (`${var.…}`, `${…}`), never a value.  FAIL: a literal.
Access keys are ALIML_013's job.
"""

from __future__ import annotations

import re

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.values import mapping

#: Environment variable names that carry a secret value (`..._SECRET` holds a secret's name: allowed).
SECRET_ENV = re.compile(r"(PASSWORD|PASSWD|API_KEY|APIKEY|TOKEN)$", re.I)
SECRET_FIELDS = {"alicloud_gpdb_account": ("account_password",), "alicloud_kms_secret": ("secret_data",)}

CHECK = PolicyCheck(
    id="ALIML_022",
    severity=Severity.CRITICAL,
    title="Ensure no password or API key is a literal in the synthesized configuration",
    why="cdk.tf.json is committed, reviewed and attached to pull requests; a literal password or API key there is "
        "published to everyone who can read the repository or its CI logs.",
    fix="Pass secrets as sensitive variables, as VectorStoreProps and GenerationEndpointProps do (TF_VAR_... from "
        "CI's secret store), and give functions the secret's name in KMS Secrets Manager, not its value.",
    resource_types=("alicloud_gpdb_account", "alicloud_kms_secret", "alicloud_fcv3_function"),
)


def _literal(value: object) -> bool:
    return isinstance(value, str) and value != "" and "${" not in value


def evaluate(resource: Resource) -> Result:
    for field in SECRET_FIELDS.get(resource.type, ()):
        if _literal(resource.attrs.get(field)):
            return Result.failed(f"{field} is a literal value", field=field)
    for name, value in sorted(mapping(resource.attrs, "environment_variables").items()):
        if SECRET_ENV.search(name) and _literal(value):
            return Result.failed(f"environment variable {name} holds a literal secret",
                                 field=f"environment_variables.{name}")
    return Result.passed()


check = checkov_check(CHECK, evaluate)
