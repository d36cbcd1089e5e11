"""Turns a project check (`CHECK` + pure `evaluate`) into a checkov `BaseResourceCheck`.

The same object serves the in-process gate and plain `checkov --external-checks-dir`: checkov
hands HCL-style values, `unhcl` restores the `cdk.tf.json` shape, `evaluate` decides. On HCL, a
failure whose attribute checkov could not evaluate (a module input it cannot follow) is UNKNOWN,
not FAILED: no verdict rather than a false finding. A failing
resource that carries an unexpired suppression for the check in its `"//".alicloud_ml` metadata
is reported SKIPPED with the reason (so plain checkov honours construct-scoped suppressions);
the gate re-applies suppressions itself and reports them in every format.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

from alicloud_ml.policies.model import FAILED, PASSED, PolicyCheck, Result
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.suppressions import read_suppressions
from alicloud_ml.policies.values import strip_lines, unhcl, unresolved
from alicloud_ml.synthesized import COMMENT_KEY

Evaluate = Callable[[Resource], Result]


def resource_from_conf(conf: dict[str, Any], entity_type: str, entity_name: str) -> Resource:
    meta = strip_lines(conf.get(COMMENT_KEY) or {})
    meta = meta if isinstance(meta, dict) else {}
    path = str((meta.get("metadata") or {}).get("path", ""))
    attrs = unhcl({k: v for k, v in conf.items() if k != COMMENT_KEY})
    return Resource(entity_type, entity_name, attrs, path, path.split("/", 1)[0] if path else "", meta)


def is_hcl(conf: dict[str, Any]) -> bool:
    """A configuration checkov read from HCL (its line keys are spelled `__start_line__`)."""
    return "__start_line__" in conf or "__address__" in conf


def not_evaluated(resource: Resource, result: Result) -> str:
    """Why a failure on an HCL resource is no verdict: the failing attribute is an expression checkov could
    not evaluate (a module input, an object member's default, a function of them); "" when it is one."""
    head = result.field.split(".", 1)[0] if result.field else ""
    found = unresolved(resource.attrs.get(head)) if head else None
    if not found:
        return ""
    text = " ".join(found.split())
    text = text if len(text) <= 90 else text[:89] + "…"
    return f"not evaluated: `{head}` is `{text}`, an expression checkov could not evaluate"


class ProjectResourceCheck(BaseResourceCheck):
    """A checkov resource check whose verdict comes from a project check's `evaluate`."""

    def __init__(self, meta: PolicyCheck, evaluate: Evaluate) -> None:
        self.meta, self._evaluate = meta, evaluate
        super().__init__(name=meta.title, id=meta.id, categories=[CheckCategories.GENERAL_SECURITY],
                         supported_resources=list(meta.resource_types), guideline=f"Fix: {meta.fix}")

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        entity_name = str(getattr(self, "entity_path", "")).rsplit(":", 1)[-1]
        resource = resource_from_conf(conf, self.entity_type, entity_name)
        try:
            result = self._evaluate(resource)
        except Exception as exc:  # a check bug must never read as a pass
            result = Result.failed(f"check {self.id} could not evaluate this resource: {type(exc).__name__}: {exc}")
        self.evaluated_keys = [result.field] if result.field else []
        if result.status == PASSED:
            return CheckResult.PASSED
        if result.status != FAILED:
            return CheckResult.UNKNOWN
        if is_hcl(conf) and (why := not_evaluated(resource, result)):
            self.details.append(why)  # no verdict, not a pass: the gate on HCL reports it as not evaluated
            return CheckResult.UNKNOWN
        self.details.append(result.message)
        today = _dt.date.today()
        active = [s for s in read_suppressions(resource.meta, resource.path or resource.address)[0]
                  if s.id == self.id and not s.expired(today)]
        if active:
            self.details.append(f"suppressed at {active[0].scope}: {active[0].reason}")
            return CheckResult.SKIPPED
        return CheckResult.FAILED


def checkov_check(meta: PolicyCheck, evaluate: Evaluate) -> ProjectResourceCheck:
    return ProjectResourceCheck(meta, evaluate)
