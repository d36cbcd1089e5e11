"""Colours and marks shared by the Graphviz and Mermaid outputs, so both pictures read the same.

Action colours follow the convention reviewers know from GitHub diffs and `terraform plan`:
green create, amber update, orange replace, red destroy; a stateful resource replaced or destroyed
(data lost, nodes drained) gets a thick red border and a warning sign on top of that.
"""

from __future__ import annotations

from alicloud_ml.review.model import SYMBOL, Action

FONT = "DejaVu Sans"

#: (fill, border) per tier box; the network boxes are blue, tiers each have their own border colour.
GROUP_COLOURS = {
    "region": ("#fafbfc", "#8c959f"),
    "vpc": ("#f1f6ff", "#0969da"),
    "zone": ("#e3eeff", "#54aeff"),
    "ack": ("#fff7ef", "#ff6a00"),
    "cpfs": ("#f8f1ff", "#8250df"),
    "eas": ("#effcf3", "#1a7f37"),
    "rag": ("#ecfbfb", "#0f7b7b"),
    "registry": ("#ffffff", "#6e7781"),
    "workspace": ("#ffffff", "#6e7781"),
    "observability": ("#fffbea", "#9a6700"),
    "state": ("#f6f8fa", "#57606a"),
    "iam": ("#fff5f5", "#cf222e"),
    "functions": ("#ffffff", "#6e7781"),
    "other": ("#ffffff", "#8c959f"),
    "stack": ("#ffffff", "#24292f"),
}

#: (fill, border, text) per action in a change diagram
ACTION_COLOURS = {
    Action.CREATE: ("#dafbe1", "#1a7f37"),
    Action.UPDATE: ("#fff8c5", "#9a6700"),
    Action.REPLACE: ("#ffe7d1", "#bc4c00"),
    Action.DELETE: ("#ffebe9", "#cf222e"),
}
CONTEXT_COLOURS = ("#f6f8fa", "#8c959f")
DESTRUCTIVE_BORDER = "#a40e26"
VERB = {Action.CREATE: "create", Action.UPDATE: "update", Action.REPLACE: "replace", Action.DELETE: "destroy"}

#: edge kind -> (colour, DOT style)
EDGE_STYLES = {
    "member": ("#0969da", "dashed"),
    "trust": ("#cf222e", "dotted"),
    "trigger": ("#0f7b7b", "bold"),
    "mount": ("#8250df", "solid"),
    "place": ("#54aeff", "dashed"),
    "ref": ("#57606a", "solid"),
    "logs": ("#9a6700", "solid"),
    "layout": ("#ffffff", "invis"),
}
#: edge kind -> (sample line, meaning) for the legend
EDGE_MEANINGS = {
    "member": ("╌╌▶", "member of a security group (the ports it opens)"),
    "trust": ("┈┈▶", "runs as / trusted by a RAM role"),
    "trigger": ("━━▶", "event trigger"),
    "mount": ("──▶", "mounts a file system"),
    "logs": ("──▶", "ships logs"),
    "ref": ("──▶", "uses"),
    "place": ("╌╌▶", "reaches into the VPC"),
}

#: edges that should not pull their ends into a row: everything ships logs, so the log project floats
LOOSE_EDGES = frozenset({"logs", "trust"})


def action_line(action: Action, destructive: bool) -> str:
    """`-/+ replace` (and the warning for a stateful one) as the first line of a changed box."""
    text = f"{SYMBOL[action]} {VERB[action]}"
    return f"⚠ {text}: data loss" if destructive else text


def group_colours(kind: str, tier: str) -> tuple[str, str]:
    return GROUP_COLOURS.get(kind if kind != "tier" else tier, GROUP_COLOURS["other"])
