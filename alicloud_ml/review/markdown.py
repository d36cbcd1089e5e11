"""The pull-request comment: one headline, a table per stack, a `<details>` per resource, a footer.

Modelled on Infracost's comment (which does not cover Alibaba Cloud) plus what an ML platform
reviewer must not miss: stateful resources replaced or destroyed are listed first, loudly.
Output is deterministic (sorted, no timestamps, no absolute paths) so it can be golden-tested
and a re-run updates the same comment only when something changed.
"""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.catalog.pricing import HOURS_PER_MONTH
from alicloud_ml.diagram.change import markdown_section
from alicloud_ml.review import attrs as A
from alicloud_ml.review import fmt
from alicloud_ml.review.compose import ChangeCost, Review, StackReview
from alicloud_ml.review.cost import Range
from alicloud_ml.review.model import ABSENT, STATEFUL_IMPACT, SYMBOL, Action, AttrChange, ResourceChange
from alicloud_ml.review.policy import PolicyItem

MARKER = "<!-- alicloud-ml-review -->"
COMMENT_LIMIT = 60_000  # GitHub rejects comments over 65,536 characters
_MAX_LISTED = 50        # destructive changes listed in the warning
_META = ("depends_on", "lifecycle", "provider", "provisioner", "connection")
_VERB = {Action.CREATE: "create", Action.UPDATE: "update in place", Action.REPLACE: "replace",
         Action.DELETE: "destroy"}


def render(review: Review) -> str:
    text = _render(review, compact=False)
    return text if len(text) <= COMMENT_LIMIT else _render(review, compact=True)


def _render(review: Review, compact: bool) -> str:
    """Full, or compact: no attribute tables and only as many resource blocks as fit the comment limit."""
    cur = review.provenance["currency"]
    head = [MARKER, _headline(review, cur), "", _counts_line(review), ""]
    head += _destructive(review)
    head += _summary_table(review, cur)
    tail = _policy(review) + _footer(review, cur, compact)
    budget = [COMMENT_LIMIT - len("\n".join(head + tail)) - 1_000] if compact else None
    body: list[str] = []
    for stack in review.stacks:
        body += _stack_details(stack, cur, review, compact, budget)
    return "\n".join(head + body + tail).rstrip() + "\n"


def _headline(review: Review, cur: str) -> str:
    change = review.after.desired - review.before.desired
    at_max = review.after.max - review.before.max
    tail = "" if abs(at_max - change) < 0.005 else f" ({fmt.delta(at_max, cur)} at maximum scale)"
    if abs(change) < 0.005:
        return f"## 💰 alicloud-ml review: monthly estimate unchanged at configured sizes{tail}"
    direction, arrow = ("increases", "📈") if change > 0 else ("decreases", "📉")
    return f"## 💰 alicloud-ml review: monthly estimate {direction} by {fmt.money(abs(change), cur)}{tail} {arrow}"


def _counts_line(review: Review) -> str:
    c = review.counts()
    parts = [f"{c['create']} to create", f"{c['update']} to update", f"{c['replace']} to replace",
             f"{c['delete']} to destroy"]
    return f"**{' · '.join(parts)}** across {fmt.plural(len(review.stacks), 'stack')}."


def _destructive(review: Review) -> list[str]:
    found = review.destructive()
    if not found:
        return []
    out = ["> [!CAUTION]", f"> **{fmt.plural(len(found), 'stateful resource')} will be replaced or destroyed.** "
           "Check that this is intended before merging:"]
    for rc in found[:_MAX_LISTED]:
        why = f" ({'; '.join(rc.reasons)})" if rc.reasons else ""
        out.append(f"> - **{_VERB[rc.action]}** `{fmt.where(rc.construct_path, rc.address)}` in {rc.stack}: "
                   f"{STATEFUL_IMPACT[rc.type]}{why}")
    if len(found) > _MAX_LISTED:
        out.append(f"> - … and {len(found) - _MAX_LISTED} more (see the JSON report)")
    return out + [""]


def _summary_table(review: Review, cur: str) -> list[str]:
    out = ["| Stack | Create | Update | Replace | Destroy | Monthly before | Monthly after | Change |",
           "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for s in review.stacks:
        c = s.changes.counts()
        before, after = s.before.desired, s.after.desired
        out.append(f"| {s.name} | {c['create']} | {c['update']} | {c['replace']} | {c['delete']} | "
                   f"{fmt.money(before, cur)} | {fmt.money(after, cur)} | "
                   f"{fmt.delta(after - before, cur)}{fmt.percent(before, after)} |")
    b, a = review.before, review.after
    out += ["", f"Monthly **estimates** at configured sizes ({_basis(review)}). Between minimum and maximum "
            f"scale the bill moves from {fmt.money(b.min, cur)} – {fmt.money(b.max, cur)} to "
            f"{fmt.money(a.min, cur)} – {fmt.money(a.max, cur)}.", ""]
    regions = review.provenance["regions"]
    elsewhere = [f"{s.name} is in {s.changes.region}" for s in review.stacks
                 if s.changes.region and s.changes.region not in regions]
    if elsewhere:
        out += [f"> [!NOTE]\n> Prices are for {', '.join(regions)}; {', '.join(elsewhere)}: "
                "its figures are rougher still (pass `--prices` for that region).", ""]
    return out


def _basis(review: Review) -> str:
    p = review.provenance
    return f"{p['currency']}, {', '.join(p['regions'])} list prices dated {', '.join(p['dates'])}"


def _stack_details(stack: StackReview, cur: str, review: Review, compact: bool, budget: list[int] | None) -> list[str]:
    changed = stack.changes.changed()
    if not changed:
        return []
    out = [f"### {stack.name}", "", *markdown_section(stack.changes)]
    left_out = 0
    for rc in changed:
        block = _resource(rc, stack.cost_of(rc), cur, review, compact)
        if budget is not None:
            size = sum(len(line) + 1 for line in block)
            if size > budget[0]:
                left_out += 1
                continue
            budget[0] -= size
        out += block
    if left_out:
        out += [f"_{fmt.plural(left_out, 'more change')} in {stack.name} not shown here: run "
                "`alicloud-ml review --format json` for every change._", ""]
    return out


def _resource(rc: ResourceChange, cost: ChangeCost, cur: str, review: Review, compact: bool) -> list[str]:
    money = ""
    if cost.priced:
        d = cost.delta
        money = f" · {fmt.delta(d.desired, cur)}/month"
        if abs(d.max - d.desired) >= 0.005:
            money += f", {fmt.delta(d.max, cur)} at max scale"
    loud = " ⚠️" if rc.destructive else ""
    summary = (f"<summary><code>{SYMBOL[rc.action]}</code> <b>{_html(fmt.where(rc.construct_path, rc.address))}</b>"
               f" · {_VERB[rc.action]}{loud}{money}</summary>")
    out = ["<details>", summary, "", f"`{rc.address}`" + (f" (moved from `{rc.moved_from}`)" if rc.moved_from else ""), ""]
    out += [f"- **Replaced because** {r}" if rc.action is Action.REPLACE else f"- **Destroyed because** {r}"
            for r in rc.reasons]
    out += [f"- **Hint:** {h}" for h in rc.hints]
    if rc.reasons or rc.hints:
        out.append("")
    if not compact:
        out += _attribute_table(rc)
    out += _cost_table(rc, cost, cur, review)
    return out + ["</details>", ""]


def _attribute_table(rc: ResourceChange) -> list[str]:
    if rc.action is Action.DELETE:
        return []
    if rc.action is Action.CREATE:
        rows = [(path, _value(value)) for path, value in _created_rows(rc.after or {})]
        if not rows:
            return []
        return ["| Attribute | Value |", "|---|---|", *(f"| {p} | {v} |" for p, v in rows), ""]
    out = ["| Attribute | Before | After | |", "|---|---|---|---|"]
    for change in rc.attributes:
        for path, before, after, unknown in _expanded(change):
            note = []
            if change.forces_replacement:
                note.append("**forces replacement**")
            if change.cause:
                note.append(change.cause)
            shown_after = "_(known after apply)_" if unknown else _value(after)
            out.append(f"| {path} | {_value(before)} | {shown_after} | {'; '.join(note)} |")
    return out + [""]


def _created_rows(after: dict[str, Any]) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for path, value in A.flatten({k: v for k, v in after.items() if k not in _META}).items():
        decoded = A.json_object(value)
        if decoded is None:
            rows.append((f"`{A.display(path)}`", value))
        else:
            rows += [(f"`{A.display(path)}` → `{A.display(sub)}`", v) for sub, v in A.flatten(decoded).items()]
    return rows


def _expanded(change: AttrChange) -> list[tuple[str, Any, Any, bool]]:
    """An attribute change, or one row per changed key inside a JSON-encoded string (EAS service_config)."""
    before, after = A.json_object(change.before), A.json_object(change.after)
    if before is None or after is None or change.after_unknown:
        return [(f"`{change.path}`", change.before, change.after, change.after_unknown)]
    fb, fa = A.flatten(before), A.flatten(after)
    rows = []
    for sub in [*fa, *(p for p in fb if p not in fa)]:
        b, a = fb.get(sub, ABSENT), fa.get(sub, ABSENT)
        if A.canonical(b) != A.canonical(a):
            rows.append((f"`{change.path}` → `{A.display(sub)}`", b, a, False))
    return rows or [(f"`{change.path}`", change.before, change.after, False)]


def _cost_table(rc: ResourceChange, cost: ChangeCost, cur: str, review: Review) -> list[str]:
    sides = [(label, c) for label, c in (("before", cost.before), ("after", cost.after)) if c is not None]
    if all(c.status == "free" for _, c in sides):
        return ["Free: no charge for this resource type.", ""]
    out = [f"| Monthly estimate ({cur}, {', '.join(review.provenance['dates'])}) | min | configured | max |",
           "|---|--:|--:|--:|"]
    for label, c in sides:
        if c.sizes is not None:
            out.append(f"| {c.size_unit} {label} | {_row(c.sizes, fmt.count)} |")
    for label, c in sides:
        if c.status == "estimated":
            out.append(f"| cost {label} | {_row(c.monthly, lambda v: fmt.money(v, cur))} |")
    if len(sides) == 2 and all(c.status == "estimated" for _, c in sides):
        out.append(f"| **change** | {_row(cost.delta, lambda v: fmt.delta(v, cur))} |")
    lines = out + [""] if len(out) > 2 else []
    for label, c in sides:
        if c.status == "unpriced":
            lines.append(f"Not priced ({label}): {c.reason}.")
        for comp in c.components if label == "after" or len(sides) == 1 else []:
            lines.append(f"Priced from `{comp.sku}`: {fmt.money(comp.unit_price, cur)}/{comp.unit} {comp.label} "
                         f"(list price, {review.provenance['dates'][0] if len(review.provenance['dates']) == 1 else 'dated'}).")
        lines += [f"Note: {n}." for n in (c.notes if label == "after" or len(sides) == 1 else [])]
    return lines + [""]


def _row(r: Range, show: Any) -> str:
    return " | ".join(show(v) for v in (r.min, r.desired, r.max))


def _policy(review: Review) -> list[str]:
    p = review.policy
    out = ["### Policy", ""]
    if not p.ran:
        return out + [f"_Policy delta not computed: {p.note}._", ""]
    out += [f"> [!WARNING]\n> The gate could not parse {e}" for e in p.errors]
    rows = [("🆕 new", i, i.message) for i in p.new]
    rows += [("✅ resolved", i, i.message) for i in p.resolved]
    rows += [("🔕 suppressed", i, f"reason: {i.suppression_reason}") for i in p.suppressions_added]
    if not rows:
        return out + ["No policy findings appeared or went away.", ""]
    out += ["| | Check | Severity | Resource | Detail |", "|---|---|---|---|---|"]
    out += [_policy_row(label, i, detail) for label, i, detail in rows]
    return out + [""]


def _policy_row(label: str, item: PolicyItem, detail: str) -> str:
    where = fmt.where(item.construct_path, item.address)
    return (f"| {label} | `{item.check_id}` {_cell(item.title)} | {item.severity} | `{_cell(where)}` in {item.stack} | "
            f"{_cell(detail)} |")


def _footer(review: Review, cur: str, compact: bool) -> list[str]:
    c = review.resource_counts()
    total = sum(c.values())
    out = ["---", "", f"**{fmt.plural(total, 'cloud resource')}** after this change: {c['estimated']} estimated · "
           f"{c['free']} free · {c['unpriced']} not priced.", ""]
    unpriced = review.unpriced()
    if unpriced:
        out += [f"<details><summary>{len(unpriced)} not priced (counted, never as zero)</summary>", "",
                "| Resource | Type | Why |", "|---|---|---|"]
        out += [f"| `{_cell(fmt.where(c.construct_path, c.address))}` | `{c.type}` | {_cell(c.reason)} |"
                for _, c in unpriced[:_MAX_LISTED]]
        if len(unpriced) > _MAX_LISTED:
            out.append(f"| … | | and {len(unpriced) - _MAX_LISTED} more: run `alicloud-ml cost` for all |")
        out += ["", "</details>", ""]
    if compact:
        out += ["_Attribute tables were left out to fit GitHub's comment limit: run "
                "`alicloud-ml review --format json` for every attribute._", ""]

    p = review.provenance
    out.append(f"<sub>All money is an <b>estimate</b>, not a quote: {p['currency']} list prices for "
               f"{', '.join(p['regions'])} dated {', '.join(p['dates'])} ({', '.join(p['files'])} price table), "
               f"{HOURS_PER_MONTH} h/month, spot nodes at list × (1 − {review.spot_discount:.2f}). "
               "This comment is updated on every push by <code>alicloud-ml review</code>.</sub>")
    return out


def _value(value: Any) -> str:
    if value is ABSENT or value is None:
        return "–"
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    if len(text) > 80:
        text = text[:77] + "…"
    return f"`{_cell(text)}`" if "`" not in text else f"`` {_cell(text)} ``"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
