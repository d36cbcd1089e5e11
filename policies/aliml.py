"""Registers the ALIML checks with checkov by importing them from `alicloud_ml.policies.checks`.

Every per-resource check module there builds its checkov check at import (`checkov_check(...)`),
which adds it to checkov's resource registry for HCL (`terraform`) and JSON (`terraform_json`) alike;
so this file is a registration, not a copy. Stack-level checks (backend, region, cross-resource
references) need the whole configuration and run in `alicloud-ml check` only.
"""

from alicloud_ml.policies.registry import project_checks

CHECKS = project_checks()
