"""`docs/rules.md`: the project's checks, each from its own declaration (id, severity, title, why, fix)."""

from __future__ import annotations

from collections.abc import Sequence

from alicloud_ml.docgen.markdown import table
from alicloud_ml.policies.registry import LoadedCheck, project_checks

INTRO = """# Policy rules

Severity decides what blocks: by default (`--fail-on high`) `high` and `critical` findings block,
`medium` and `low` are printed. Every rule can be suppressed per construct with a reason
(see [the policy guide](policy.md#suppressions)). Each check documents its PASS / FAIL / NOT
APPLICABLE conditions in its module docstring (`alicloud_ml/policies/checks/<name>.py`).

"""


def scope(check: LoadedCheck) -> str:
    if check.evaluate is not None and check.evaluate_stack is not None:
        return "resource + stack"
    return "stack (gate only)" if check.meta.stack_level else "resource"


def render(checks: Sequence[LoadedCheck] | None = None) -> str:
    rows = [(f"`{c.meta.id}`", c.meta.severity.value, c.meta.title, c.meta.why, c.meta.fix, scope(c))
            for c in (checks if checks is not None else project_checks())]
    return INTRO + table(("id", "severity", "rule", "what it prevents", "how to fix", "scope"), rows)
