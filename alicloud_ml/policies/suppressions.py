"""Construct-scoped suppressions: `suppress(construct, "ALIML_004", reason="…", expires="2027-03-31")`.

A suppression names one check id, the construct it covers (a resource, or any parent: it then
covers every resource under it, including ones added later) and a reason of at least 10
characters; an optional expiry date turns it back into a blocking finding once passed.

How it survives synthesis: an Aspect added to the construct visits every `TerraformResource`
below it at synth time and writes the accumulated list into that resource's
`"//".alicloud_ml.suppressions` (checkov keeps a resource's `"//"` in the config it hands to checks,
so plain checkov runs of the project's checks honour them too). On a `TerraformStack` the list is
also written to the stack's top-level `"//".alicloud_ml.suppressions`, which covers stack-level
findings (state backend, provider). `alicloud-ml check cdktf.out` reads them back from the JSON.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from alicloud_ml.errors import InputError

MIN_REASON = 10
ID_PATTERN = re.compile(r"^(ALIML_\d{3}|CKV2?_ALI_\d+)$")
META_KEY = "alicloud_ml"
OVERRIDE_PATH = "//.alicloud_ml.suppressions"


@dataclass(frozen=True)
class Suppression:
    id: str
    reason: str
    expires: _dt.date | None = None
    scope: str = ""

    def expired(self, today: _dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "reason": self.reason, "scope": self.scope}
        if self.expires is not None:
            out["expires"] = self.expires.isoformat()
        return out


def _known_ids() -> frozenset[str]:
    from alicloud_ml.policies.severities import severities

    return frozenset(severities())


def make_suppression(where: str, rule_id: str, reason: str, expires: Any = None, scope: str = "") -> Suppression:
    """Validate one suppression; raises `InputError` naming `where` (construct path or file) and the rule."""
    rule_id = str(rule_id).strip()
    if not ID_PATTERN.match(rule_id) or rule_id not in _known_ids():
        raise InputError(where, "suppress", f"unknown check id {rule_id!r}",
                         accepted="an id from the policy table (ALIML_NNN or CKV_ALI_N), see the README's rule table")
    text = (reason or "").strip() if isinstance(reason, str) else ""
    if len(text) < MIN_REASON:
        raise InputError(where, f"suppress({rule_id}).reason",
                         f"reason must be at least {MIN_REASON} characters, got {len(text)} ({text!r})",
                         hint="say why this construct may break the rule and who accepted it")
    when: _dt.date | None
    if expires is None or expires == "":
        when = None
    elif isinstance(expires, _dt.datetime):
        when = expires.date()
    elif isinstance(expires, _dt.date):
        when = expires
    else:
        try:
            when = _dt.date.fromisoformat(str(expires))
        except ValueError:
            raise InputError(where, f"suppress({rule_id}).expires", f"invalid value {expires!r}",
                             accepted="an ISO date YYYY-MM-DD") from None
    return Suppression(rule_id, text, when, scope or where)


def suppress(construct: Any, rule_id: str, *, reason: str, expires: Any = None) -> Suppression:
    """Suppress check `rule_id` on `construct` and every resource under it, with a reason (≥ 10 chars).

    `expires` (ISO date or `datetime.date`) makes the suppression a blocking finding after that day.
    Raises `InputError` naming the construct path and the rule when the reason is too short, the id
    unknown or the date invalid.
    """
    from alicloud_ml._cdk import Aspects, TerraformStack

    path = construct.node.path
    entry = make_suppression(path, rule_id, reason, expires, scope=path)
    Aspects.of(construct).add(_aspect(entry))
    if TerraformStack.is_stack(construct):
        _append_override(construct, entry)
    return entry


def _append_override(element: Any, entry: Suppression) -> None:
    current: list[Suppression] = list(getattr(element, "_alicloud_ml_suppressions", []))
    if entry not in current:
        current.append(entry)
    element._alicloud_ml_suppressions = current
    element.add_override(OVERRIDE_PATH, [s.to_json() for s in current])


def _aspect(entry: Suppression) -> Any:
    import jsii

    from alicloud_ml._cdk import IAspect, TerraformResource

    @jsii.implements(IAspect)
    class _SuppressionAspect:
        def visit(self, node: Any) -> None:
            if TerraformResource.is_terraform_resource(node):
                _append_override(node, entry)

    return _SuppressionAspect()


def read_suppressions(meta: Any, where: str) -> tuple[list[Suppression], list[str]]:
    """Suppressions recorded in a `"//"` metadata object; returns (valid ones, problems)."""
    if not isinstance(meta, Mapping):
        return [], []
    raw = meta.get(META_KEY, {})
    items: Iterable[Any] = raw.get("suppressions", []) if isinstance(raw, Mapping) else []
    if not isinstance(items, list):
        return [], [f"{where}: //.{META_KEY}.suppressions must be a list"]
    out: list[Suppression] = []
    problems: list[str] = []
    for item in items:
        if not isinstance(item, Mapping):
            problems.append(f"{where}: suppression {item!r} is not an object")
            continue
        try:
            out.append(make_suppression(where, item.get("id", ""), item.get("reason", ""),
                                        item.get("expires"), scope=str(item.get("scope") or where)))
        except InputError as exc:
            problems.append(str(exc))
    return out, problems
