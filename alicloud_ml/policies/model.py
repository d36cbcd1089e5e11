"""Value objects of the policy pack: severities, check metadata and results (resources and stacks:
`alicloud_ml.synthesized`).

Nothing here imports checkov or cdktf, so reports, docs and the CLI's help can use it cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How bad a failed check is. Checkov reports none offline, so the pack owns every value."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: "Severity") -> bool:
        return self.rank >= other.rank

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        """`Severity.parse("HIGH")`; raises ValueError naming the accepted values."""
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise ValueError(f"invalid severity {value!r}; accepted: {', '.join(s.value for s in cls)}") from None

    @classmethod
    def parse_option(cls, value: "str | Severity", option: str = "--fail-on") -> "Severity":
        """`parse`, reporting a bad value as bad input (exit 2) against the option that carried it."""
        from alicloud_ml.errors import InputError

        try:
            return cls.parse(value)
        except ValueError as exc:
            raise InputError(option, "", str(exc)) from None


_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}


@dataclass(frozen=True)
class PolicyCheck:
    """Metadata of one project check (`ALIML_NNN`), kept beside its pure `evaluate` function.

    `title` states the compliant condition ("Ensure …"); `why` is the practice it encodes;
    `fix` names the props field to change. `stack_level` checks read the whole synthesized JSON
    (backend, region, cross-resource references) and run only in the gate, not in plain checkov.
    """

    id: str
    severity: Severity
    title: str
    why: str
    fix: str
    resource_types: tuple[str, ...] = ()
    stack_level: bool = False
    #: The fix in Terraform's words, for `check` on HCL (default: change the field so that the title holds).
    fix_hcl: str = ""


PASSED, FAILED, NOT_APPLICABLE = "passed", "failed", "not_applicable"


@dataclass(frozen=True)
class Result:
    """Outcome of a check on one resource: passed, failed (with what is wrong) or not applicable."""

    status: str
    message: str = ""
    field: str = ""

    @classmethod
    def passed(cls, message: str = "") -> "Result":
        return cls(PASSED, message)

    @classmethod
    def failed(cls, message: str, field: str = "") -> "Result":
        return cls(FAILED, message, field)

    @classmethod
    def not_applicable(cls) -> "Result":
        return cls(NOT_APPLICABLE)


@dataclass(frozen=True)
class StackFinding:
    """A stack-level check's result on one address (`type.name`, `terraform.backend`, `provider.alicloud`)."""

    address: str
    result: Result
    construct_path: str = ""


def builtin_fix(check_id: str, field: str, title: str) -> str:
    """A fix for a checkov check the project has no text for. Checkov's names either state the compliant
    condition ("Ensure OSS bucket is encrypted ...") or the violation ("Alibaba Cloud OSS bucket accessible
    to public"): only the first may follow "so that"."""
    what = f"`{field}`" if field else "the resource"
    if title.startswith("Ensure "):
        return f"Change {what} so that: {title.removeprefix('Ensure ')}"
    return f"Change {what}: checkov's {check_id} fails on it ({title})"
