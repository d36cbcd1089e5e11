"""Render `alicloud-ml cost`: a terminal table and a stable JSON document."""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.catalog.pricing import HOURS_PER_MONTH
from alicloud_ml.review import fmt
from alicloud_ml.review.cost import Range, StackCost

COST_SCHEMA_VERSION = 1


def caveat(prov: dict[str, Any], spot_discount: float) -> str:
    """The sentence every money figure travels with."""
    return (f"Estimate, not a quote: {prov['currency']} list prices for {', '.join(prov['regions'])} "
            f"dated {', '.join(prov['dates'])} ({', '.join(prov['files'])} price table), {HOURS_PER_MONTH} h/month, "
            f"spot at list × (1 − {spot_discount:.2f}).")


def region_warnings(stacks: list[StackCost], prov: dict[str, Any]) -> list[str]:
    return [f"stack {s.name} is in {s.region}; prices are for {', '.join(prov['regions'])}"
            for s in stacks if s.region and s.region not in prov["regions"]]


def render_text(stacks: list[StackCost], prov: dict[str, Any], spot_discount: float) -> str:
    cur = prov["currency"]
    lines = [f"Monthly cost estimate ({cur})", caveat(prov, spot_discount), ""]
    lines += [f"warning: {w}" for w in region_warnings(stacks, prov)]
    total, counts = Range(), {"estimated": 0, "free": 0, "unpriced": 0}
    for stack in stacks:
        lines.append(f"{stack.name}" + (f" ({stack.region})" if stack.region else ""))
        rows: list[tuple[str, ...]] = [("resource", "sizes (min/desired/max)", "min", "configured", "max")]
        for r in stack.resources:
            if r.status != "estimated":
                continue
            sizes = "" if r.sizes is None else f"{fmt.count(r.sizes.min)}/{fmt.count(r.sizes.desired)}/{fmt.count(r.sizes.max)} {r.size_unit}"
            rows.append((fmt.where(r.construct_path, r.address), sizes, *(fmt.money(v, cur) for v in
                                                                  (r.monthly.min, r.monthly.desired, r.monthly.max))))
        t = stack.total
        rows.append(("total", "", fmt.money(t.min, cur), fmt.money(t.desired, cur), fmt.money(t.max, cur)))
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        for row in rows:
            lines.append("  " + row[0].ljust(widths[0]) + "  " + row[1].ljust(widths[1]) + "  "
                         + "  ".join(cell.rjust(w) for cell, w in zip(row[2:], widths[2:])))
        unpriced = [r for r in stack.resources if r.status == "unpriced"]
        if unpriced:
            lines.append("  not priced:")
            lines += [f"    {fmt.where(r.construct_path, r.address)} ({r.type}): {r.reason}" for r in unpriced]
        lines += usage_lines(stack, cur)
        notes = [(r, n) for r in stack.resources if r.status == "estimated" for n in r.notes]
        if notes:
            lines.append("  notes:")
            lines += [f"    {fmt.where(r.construct_path, r.address)}: {n}" for r, n in notes]
        saving = [r for r in stack.resources if r.savings is not None]
        if saving:
            lines.append("  expected savings (estimate; not subtracted from the totals):")
            lines += [f"    {fmt.where(r.construct_path, r.address)}: {fmt.money(r.savings.monthly, cur)} per month, "
                      f"{r.savings.assumption}" for r in saving if r.savings is not None]
        lines.append("")
        total = total + t
        for k, v in stack.counts().items():
            counts[k] += v
    n = sum(counts.values())
    lines.append(f"All stacks: {fmt.money(total.desired, cur)} per month as configured "
                 f"(range {fmt.money(total.min, cur)} – {fmt.money(total.max, cur)}), estimate.")
    lines.append(f"{fmt.plural(n, 'resource')}: {counts['estimated']} estimated, {counts['free']} free, "
                 f"{counts['unpriced']} not priced.")
    return "\n".join(lines) + "\n"


def usage_lines(stack: StackCost, cur: str) -> list[str]:
    """Usage-priced charges, apart from the totals: unit price always, monthly only for a declared quantity."""
    items = [(r, u) for r in stack.resources if r.status == "estimated" for u in r.usage]
    if not items:
        return []
    out = ["  usage-priced (not in the totals; declare usage with --usage to price it):"]
    for r, u in items:
        rate = f"{cur} {u.unit_price:g}/{u.unit}"
        figure = (f"{fmt.money(u.monthly, cur)} per month for {u.usage_key} = {u.quantity:g}" if u.monthly is not None
                  else f"declare `{u.usage_key}`")
        out.append(f"    {fmt.where(r.construct_path, r.address)}: {u.label} at {rate}, {figure}")
    return out


def render_json(stacks: list[StackCost], prov: dict[str, Any], spot_discount: float) -> str:
    total = Range()
    counts = {"estimated": 0, "free": 0, "unpriced": 0}
    for s in stacks:
        total = total + s.total
        for k, v in s.counts().items():
            counts[k] += v
    doc = {
        "schema_version": COST_SCHEMA_VERSION,
        "kind": "alicloud-ml cost",
        "estimate": True,
        **price_basis(prov, spot_discount),
        "total": total.to_json(),
        "counts": counts,
        "warnings": region_warnings(stacks, prov),
        "stacks": [{"name": s.name, "region": s.region, "total": s.total.to_json(), "counts": s.counts(),
                    "usage_declared_monthly": round(sum(u.monthly or 0 for r in s.resources for u in r.usage), 2),
                    **_savings(s), "resources": [r.to_json() for r in s.resources]} for s in stacks],
    }
    return json.dumps(doc, indent=2) + "\n"


def price_basis(prov: dict[str, Any], spot_discount: float) -> dict[str, Any]:
    return {"currency": prov["currency"], "hours_per_month": HOURS_PER_MONTH, "price_dates": prov["dates"],
            "price_regions": prov["regions"], "price_tables": prov["files"], "price_sources": prov["sources"],
            "spot_discount": spot_discount}


def _savings(stack: StackCost) -> dict[str, Any]:
    """`{"expected_savings": monthly}` when a resource of the stack is expected to save money (an estimate)."""
    found = [r.savings.monthly for r in stack.resources if r.savings is not None]
    return {"expected_savings": round(sum(found), 2)} if found else {}
