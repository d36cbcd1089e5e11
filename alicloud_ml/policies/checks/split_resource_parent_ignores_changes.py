"""ALIML_026: a parent resource beside its standalone sub-resource ignores the setting the sub-resource manages.

Stack-level. The pairs are `alicloud_ml.schema.split_resources` (each row cites the provider docs note). A
child is paired with the parent its `bucket`/`vpc_id`/… argument references (or names literally).
PASS: the docs ask for `ignore_changes` and the parent's `lifecycle.ignore_changes` lists every attribute
the child manages (or `all`); or the docs say "do not use both" and the parent leaves that attribute unset.
An attribute the parent's schema marks Computed and the parent leaves unset needs no ignore, whatever the
docs say: the SDK keeps a computed attribute's read value when the config has none, so it cannot drift
(terraform-plugin-sdk v1.17.2 helper/schema/schema.go:1374-1380, diffString: `if removed && schema.Computed
{ return nil }`). The OSS bucket's `acl` is one (resource_alicloud_oss_bucket.go:36-41), and it is also
Deprecated, so naming it in `ignore_changes` makes Terraform warn "Deprecated attribute" on every plan.
FAIL: otherwise. The provider then plans to undo the child on every apply (for the OSS bucket, every other
apply deletes its encryption), and the emulator shows the same drift.
NOT APPLICABLE: no pair in the stack, or a child whose parent is not in the stack.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.schema.split_resources import SPLIT_PAIRS, SplitPair
from alicloud_ml.synthesized import Resource, Stack

CHECK = PolicyCheck(
    id="ALIML_026",
    severity=Severity.HIGH,
    title="Ensure a parent resource ignores the settings its standalone sub-resources manage",
    why="The parent's Read returns what the sub-resource wrote; without lifecycle.ignore_changes every plan "
        "reverts it (an OSS bucket beside alicloud_oss_bucket_server_side_encryption loses its KMS encryption "
        "on every other apply).",
    fix="Add lifecycle { ignore_changes = [<attribute>] } to the parent (in a construct: "
        "resource.add_override('lifecycle.ignore_changes', [...])), or manage the setting in one place only.",
    resource_types=tuple(sorted({p.parent for p in SPLIT_PAIRS})),
    stack_level=True,
)


def _strings(value: Any) -> set[str]:
    """Every string in a value (`ignore_changes` is a list in JSON, nested lists in checkov's HCL form)."""
    if isinstance(value, str):
        return {value.strip().removeprefix("${").removesuffix("}")}
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return set()


def ignored(parent: Resource) -> set[str]:
    lifecycle = parent.attrs.get("lifecycle")
    blocks = lifecycle if isinstance(lifecycle, list) else [lifecycle]
    return set().union(*(_strings(b.get("ignore_changes")) for b in blocks if isinstance(b, dict))) \
        if blocks else set()


def parent_of(stack: Stack, pair: SplitPair, child: Resource) -> Resource | None:
    value = child.attrs.get(pair.parent_ref)
    target = stack.resolve(value)
    if target is not None:
        return target if target.type == pair.parent else None
    return next((r for r in stack.of_type(pair.parent) if value and r.attrs.get(pair.parent_key) == value), None)


def _cannot_drift(parent: Resource, attribute: str) -> bool:
    """A Computed attribute the parent leaves unset keeps what Read returns (see the module docstring)."""
    from alicloud_ml.schema import resource_schema

    spec = resource_schema(parent.type)["block"].get("attributes", {}).get(attribute, {})
    return bool(spec.get("computed")) and parent.attrs.get(attribute) in (None, "", [], {})


def problem(pair: SplitPair, child: Resource, parent: Resource) -> str:
    """What is wrong with one child beside its parent, or ""."""
    if pair.ignore_required:
        names = ignored(parent)
        missing = [a for a in pair.parent_attrs
                   if a not in names and "all" not in names and not _cannot_drift(parent, a)]
        return (f"does not ignore {', '.join(missing)}, which {child.address} manages (the provider docs require "
                f"lifecycle.ignore_changes: {pair.source})") if missing else ""
    both = [a for a in pair.parent_attrs if parent.attrs.get(a) not in (None, "", [], {}) and a not in ignored(parent)]
    return (f"sets {', '.join(both)}, which {child.address} manages too (the provider docs say not to use both: "
            f"{pair.source})") if both else ""


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    problems: dict[str, list[str]] = {}
    parents: dict[str, Resource] = {}
    for pair in SPLIT_PAIRS:
        for child in stack.of_type(pair.child):
            parent = parent_of(stack, pair, child)
            if parent is not None:
                parents[parent.address] = parent
                problems.setdefault(parent.address, [])
                if text := problem(pair, child, parent):
                    problems[parent.address].append(text)
    return [StackFinding(address, Result.failed(f"{address} " + "; ".join(found), field="lifecycle.ignore_changes")
                         if found else Result.passed(), parents[address].path)
            for address, found in problems.items()]
