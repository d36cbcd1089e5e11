"""Value objects of the policy pack: severities, check metadata, results and synthesized resources.

Nothing here imports checkov or cdktf, so reports, docs and the CLI's help can use it cheaply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


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
class Resource:
    """One synthesized resource in plain Terraform-JSON shape (blocks are lists of objects).

    `attrs` never holds the `"//"` metadata; `path` is the construct path taken from it. Resources
    read from HCL carry the module path they sit in (`module.platform.module.network`), which is
    part of their address, as in Terraform.
    """

    type: str
    name: str
    attrs: Mapping[str, Any]
    path: str = ""
    stack: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    module: str = ""

    @property
    def address(self) -> str:
        return f"{self.module}.{self.type}.{self.name}" if self.module else f"{self.type}.{self.name}"

    @property
    def ref_prefix(self) -> str:
        """`${type.name.` — how other resources reference this one."""
        return "${" + self.address + "."


@dataclass(frozen=True)
class StackFinding:
    """A stack-level check's result on one address (`type.name`, `terraform.backend`, `provider.alicloud`)."""

    address: str
    result: Result
    construct_path: str = ""


@dataclass(frozen=True)
class StackDoc:
    """One synthesized stack (`cdk.tf.json`) as stack-level checks see it."""

    name: str
    file: str
    data: Mapping[str, Any]
    resources: tuple[Resource, ...]
    #: bucket names that OSS backends of the stacks gated together keep state in
    state_buckets: frozenset[str] = frozenset()
    #: the subset that production stacks (`ml-prod`) keep their state in
    prod_state_buckets: frozenset[str] = frozenset()

    def of_type(self, *types: str) -> list[Resource]:
        return [r for r in self.resources if r.type in types]

    def get(self, address: str) -> Resource | None:
        return next((r for r in self.resources if r.address == address), None)

    def resolve(self, value: Any) -> Resource | None:
        """The resource a `${type.name.attr}` reference points at, if it is in this stack."""
        from alicloud_ml.policies.values import parse_ref

        ref = parse_ref(value)
        return self.get(f"{ref[0]}.{ref[1]}") if ref else None
