"""One class per failure, from Terraform's own diagnostics, so a fidelity run reads as a work list.

The classes say where the fix lies: the emulator does not answer a data source; the schema (or
its validators) refuses what the provider accepts; an emulated cloud-side check refuses what the
cloud accepts (`Code.Subcode: ...` summaries); the re-plan is not empty; the provider broke; the
example needs a provider that is not mirrored; or something else (usually the example itself).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from alicloud_ml.fidelity.terraform import Step

UNSERVED = "unserved data source"
SCHEMA = "schema rejection"
CLOUD = "cloud-check false positive"
DRIFT = "drift"
CRASH = "crash"
NEEDS_PROVIDER = "needs another provider"
OTHER = "other"
#: Most severe first: when a failing step has several errors, the example takes the first class here.
CLASSES = (CRASH, NEEDS_PROVIDER, UNSERVED, SCHEMA, CLOUD, DRIFT, OTHER)

_UNSERVED = re.compile(r"ReadDataSource|ValidateDataResourceConfig|unsupported data source"
                       r"|does not support data source|Invalid data source|(cannot|could not) answer (this )?data source",
                       re.I)
_CRASH = re.compile(r"Plugin did not respond|plugin (exited|crashed)|panic:|Traceback \(most recent|rpc error: code = "
                    r"|Provider produced (inconsistent|invalid)|Provider returned invalid|Unsupported plugin method"
                    r"|InternalError|emulator left|timed out after|Failed to load plugin schemas"
                    r"|Failed to (instantiate|read) provider|unknown values? (left|in state)")
_NEEDS_PROVIDER = re.compile(r"Failed to (query available provider packages|install provider)"
                             r"|was not found in any of the search locations|Incompatible provider version")
_SCHEMA_SUMMARIES = re.compile(
    r"^(Unsupported argument|Missing required argument|Incorrect attribute value type|Unsupported block type"
    r"|Insufficient .* blocks?|Too many .* blocks?|Missing required block|Unsupported attribute"
    r"|Invalid resource type|Value for unconfigurable attribute|Conflicting configuration arguments"
    r"|Invalid combination of arguments|Invalid Attribute Value.*|Invalid value for .*|Attribute .* required)$")
_VALIDATOR_SUMMARY = re.compile(r"^(data\.)?alicloud_\w+: ")  # the emulator's validate.py names type and field
_CLOUD_SUMMARY = re.compile(r"^[A-Z][A-Za-z0-9]+(\.[A-Za-z0-9_]+)*: ")
_DATA_REFERENCE = re.compile(r"\bdata\.alicloud_\w+")
_EMULATOR_DETAIL = "The emulated Alibaba Cloud API"


@dataclass
class Outcome:
    """The result of one example or one resource type: passed, or failed at `step` with a class and its diagnostic."""

    id: str
    passed: bool
    klass: str | None = None
    step: str | None = None
    message: str = ""
    details: list[str] = field(default_factory=list)
    seconds: float = 0.0
    subcategory: str | None = None
    seeded: bool = False  # judged in a cloud seeded with pre-existing objects (a failure without them came first)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["class"] = out.pop("klass")
        return out


def error_class(diagnostic: dict[str, Any], step: str) -> str:
    """The class of one error diagnostic of a step."""
    summary = diagnostic.get("summary") or ""
    text = f"{summary}\n{diagnostic.get('detail') or ''}"
    address = diagnostic.get("address") or ""
    snippet = (diagnostic.get("snippet") or {}).get("code") or ""
    if _UNSERVED.search(text):
        return UNSERVED
    if step == "init" and _NEEDS_PROVIDER.search(text) and "aliyun/alicloud" not in text:
        return NEEDS_PROVIDER
    if _CRASH.search(text):
        return CRASH
    if _SCHEMA_SUMMARIES.match(summary) or _VALIDATOR_SUMMARY.match(summary):
        return SCHEMA
    if _CLOUD_SUMMARY.match(summary):
        return CLOUD
    if address.startswith("data.") or _DATA_REFERENCE.search(snippet) or _DATA_REFERENCE.search(text):
        return UNSERVED  # e.g. "Invalid index" on data.alicloud_zones.x.zones[0]: an empty or missing answer
    return OTHER


def one_line(diagnostic: dict[str, Any]) -> str:
    """`summary (address): first line of detail`, the line a work list needs."""
    summary = " ".join((diagnostic.get("summary") or "").split())
    address = diagnostic.get("address")
    detail = next((line.strip() for line in (diagnostic.get("detail") or "").splitlines() if line.strip()), "")
    if detail.startswith(_EMULATOR_DETAIL):  # the same sentence under every cloud-side error: no information
        detail = ""
    head = f"{summary} ({address})" if address else summary
    line = f"{head}: {detail}" if detail and detail not in summary else head
    values = [f"{v.get('traversal')} {v.get('statement')}" for v in (diagnostic.get("snippet") or {}).get("values") or []]
    data = [v for v in values if v.startswith("data.")]
    if data:  # what a work list needs first: "data.alicloud_zones.x.zones is empty list of object"
        return f"{'; '.join(data)}: {line}"
    return f"{line} [{'; '.join(values)}]" if values else line


def outcome(item_id: str, steps: list[Step], subcategory: str | None = None) -> Outcome:
    """Judge a lifecycle: passed only when every step ran clean and the re-plan was empty."""
    seconds = sum(s.seconds for s in steps)
    last = steps[-1]
    if last.name == "destroy" and last.ok:
        return Outcome(item_id, True, seconds=seconds, subcategory=subcategory)
    if last.name == "plan" and last.changes:
        return Outcome(item_id, False, DRIFT, "plan", last.changes[0], last.changes, seconds, subcategory)
    if not last.errors:
        return Outcome(item_id, False, OTHER, last.name, f"terraform {last.name} exited {last.returncode}",
                       seconds=seconds, subcategory=subcategory)
    ranked = sorted(last.errors, key=lambda d: CLASSES.index(error_class(d, last.name)))
    klass = error_class(ranked[0], last.name)
    return Outcome(item_id, False, klass, last.name, one_line(ranked[0]), [one_line(d) for d in last.errors],
                   seconds, subcategory)
