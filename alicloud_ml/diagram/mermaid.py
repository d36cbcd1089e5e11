"""A `Diagram` as a Mermaid flowchart, which GitHub draws inside a Markdown code block.

Only the syntax every Mermaid since 9 parses: `flowchart LR`, nested `subgraph id["label"]`,
quoted labels with `<b>`/`<br/>`, `classDef`/`class` for action colours, `style` for boxes,
`linkStyle` for edge colours. Text is escaped with Mermaid's entity codes (`#quot;`), so a name
can never break the syntax; tests parse every diagram with Mermaid's own parser.
"""

from __future__ import annotations

from dataclasses import replace

from alicloud_ml.diagram import style
from alicloud_ml.diagram.model import Diagram, Edge, Group, Node
from alicloud_ml.review.model import Action

_CLASS = {Action.CREATE: "create", Action.UPDATE: "update", Action.REPLACE: "replace", Action.DELETE: "destroy"}
_ARROWS = {"member": "-.->", "trust": "-.->", "place": "-.->", "trigger": "==>"}


def text(value: str) -> str:
    """Label text made safe inside `"…"`: quotes, angle brackets and `#` as Mermaid entity codes."""
    return (value.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
            .replace("|", "#124;"))


def _node(node: Node) -> str:
    lines = []
    if node.action is not None:
        lines.append(f"<b>{text(style.action_line(node.action, node.destructive))}</b>")
    lines.append(f"<small>{text(node.kind)}</small>")
    lines.append(f"<b>{text(node.name)}</b>")
    lines += [text(f) for f in node.facts]
    return f'{node.id}["{"<br/>".join(lines)}"]'


def _group_label(group: Group) -> str:
    label = group.label
    if group.action is not None:
        label = f"{style.action_line(group.action, False)}: {label}"
    return text(label)


def _edge(edge: Edge) -> str:
    if edge.kind == "layout":
        return f"{edge.src} ~~~ {edge.dst}"
    arrow = _ARROWS.get(edge.kind, "-->")
    label = f'|"{text(edge.label)}"|' if edge.label else ""
    return f"{edge.src} {arrow}{label} {edge.dst}"


def to_mermaid(diagram: Diagram, direction: str = "LR") -> str:
    """Short ids (`n1`, `g1`, in drawing order) keep a pull-request comment small."""
    diagram = _short_ids(diagram)
    out = [f"flowchart {direction}"]
    styles: list[str] = []

    def fill(parent: str | None, depth: int) -> None:
        pad = "  " * depth
        for group in diagram.children(parent):
            gid = group.id
            out.append(f'{pad}subgraph {gid}["{_group_label(group)}"]')
            fill(group.id, depth + 1)
            out.append(f"{pad}end")
            colours = style.ACTION_COLOURS.get(group.action) if group.action else None
            fill_colour, border = colours or style.group_colours(group.kind, group.tier)
            styles.append(f"style {gid} fill:{fill_colour},stroke:{border},color:#24292f")
        for node in diagram.nodes_in(parent):
            out.append(pad + _node(node))

    fill(None, 1)
    links: list[str] = []
    for i, edge in enumerate(diagram.edges):
        out.append("  " + _edge(edge))
        if edge.kind != "layout":
            colour = style.EDGE_STYLES.get(edge.kind, style.EDGE_STYLES["ref"])[0]
            links.append(f"linkStyle {i} stroke:{colour},color:{colour}")
    used = _classes(diagram)
    for action, name in _CLASS.items():
        fill_colour, border = style.ACTION_COLOURS[action]
        if name in used:
            out.append(f"  classDef {name} fill:{fill_colour},stroke:{border},color:#24292f")
    if "destructive" in used:
        out.append(f"  classDef destructive stroke:{style.DESTRUCTIVE_BORDER},stroke-width:4px")
    if "context" in used:
        out.append(f"  classDef context fill:{style.CONTEXT_COLOURS[0]},stroke:{style.CONTEXT_COLOURS[1]},"
                   "stroke-dasharray:4 3,color:#57606a")
    for name, members in used.items():
        out.append(f"  class {','.join(members)} {name}")
    out += ["  " + s for s in styles + links]
    return "\n".join(out) + "\n"


def _short_ids(diagram: Diagram) -> Diagram:
    groups = {gid: f"g{i}" for i, gid in enumerate(diagram.groups, start=1)}
    nodes = {nid: f"n{i}" for i, nid in enumerate(diagram.nodes, start=1)}
    return Diagram(
        diagram.title,
        {groups[k]: replace(g, id=groups[k], parent=groups.get(g.parent or "")) for k, g in diagram.groups.items()},
        {nodes[k]: replace(n, id=nodes[k], group=groups.get(n.group or "")) for k, n in diagram.nodes.items()},
        [replace(e, src=nodes[e.src], dst=nodes[e.dst]) for e in diagram.edges],
        list(diagram.notes))


def _classes(diagram: Diagram) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in diagram.nodes.values():
        if node.action is not None:
            found.setdefault(_CLASS[node.action], []).append(node.id)
        if node.destructive:
            found.setdefault("destructive", []).append(node.id)
        if node.context:
            found.setdefault("context", []).append(node.id)
    return found
