"""A `Diagram` as Graphviz: DOT source (deterministic text), and SVG/PNG rendered by Graphviz's `dot`.

The `graphviz` Python package writes the DOT and runs the `dot` executable from Debian's
`graphviz` package (`scripts/ensure-graphviz.sh`, run by `make install`). Without `dot`, SVG and
PNG fail with one line (`DotMissing`); DOT and Mermaid need nothing.
"""

from __future__ import annotations

import graphviz

from alicloud_ml.diagram import style
from alicloud_ml.diagram.model import Diagram, Edge, Group, Node
from alicloud_ml.errors import AlicloudMlError

class DotMissing(AlicloudMlError):
    """Graphviz's `dot` is not on PATH (exit 2: the input is fine, the machine lacks a tool)."""

def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

def _node_label(node: Node) -> str:
    lines = []
    if node.action is not None:
        lines.append(f'<B>{html(style.action_line(node.action, node.destructive))}</B>')
    lines.append(f'<FONT POINT-SIZE="9" COLOR="#57606a">{html(node.kind)}</FONT>')
    lines.append(f"<B>{html(node.name)}</B>")
    lines += [f'<FONT POINT-SIZE="9">{html(f)}</FONT>' for f in node.facts]
    return "<" + "<BR/>".join(lines) + ">"

def _node_attrs(node: Node) -> dict[str, str]:
    attrs = {"label": _node_label(node)}
    if node.action is not None:
        fill, border = style.ACTION_COLOURS[node.action]
        attrs.update(fillcolor=fill, color=border, penwidth="1.5")
        if node.destructive:
            attrs.update(color=style.DESTRUCTIVE_BORDER, penwidth="4")
    elif node.context:
        fill, border = style.CONTEXT_COLOURS
        attrs.update(fillcolor=fill, color=border, style="rounded,filled,dashed", fontcolor="#57606a")
    return attrs

def _group_attrs(group: Group) -> dict[str, str]:
    fill, border = style.group_colours(group.kind, group.tier)
    label = html(group.label)
    if group.action is not None:
        fill, border = style.ACTION_COLOURS[group.action]
        label = f"{html(style.action_line(group.action, False))}: {label}"
    attrs = {"label": f"<<B>{label}</B>>", "fillcolor": fill, "color": border, "style": "rounded,filled",
             "fontname": style.FONT, "fontsize": "12" if group.kind in ("region", "vpc", "stack") else "11",
             "penwidth": "2" if group.kind in ("vpc", "tier") else "1", "labeljust": "l", "margin": "12"}
    if group.kind == "zone":
        attrs["style"] = "rounded,filled,dashed"
    return attrs

def _edge_attrs(edge: Edge) -> dict[str, str]:
    colour, line = style.EDGE_STYLES.get(edge.kind, style.EDGE_STYLES["ref"])
    attrs = {"color": colour, "style": line, "fontcolor": colour}
    if edge.kind in style.LOOSE_EDGES:
        attrs["constraint"] = "false"
    if edge.label:
        attrs["label"] = edge.label  # plain text: graphviz quotes and escapes it
    return attrs

def _legend(diagram: Diagram) -> str:
    """Which line and colour means what, for the kinds of edges and actions this picture has."""
    rows = []
    actions = {n.action for n in diagram.nodes.values() if n.action is not None}
    for action, (fill, border) in style.ACTION_COLOURS.items():
        if action in actions:
            rows.append(f'<TR><TD BGCOLOR="{fill}" COLOR="{border}">{html(style.action_line(action, False))}</TD></TR>')
    if any(n.destructive for n in diagram.nodes.values()):
        rows.append(f'<TR><TD COLOR="{style.DESTRUCTIVE_BORDER}" BORDER="3">{html("⚠ stateful: data lost or nodes drained")}'
                    "</TD></TR>")
    if any(n.context for n in diagram.nodes.values()):
        rows.append(f'<TR><TD BGCOLOR="{style.CONTEXT_COLOURS[0]}">unchanged neighbour</TD></TR>')
    kinds = {e.kind for e in diagram.edges}
    for kind, (line, meaning) in style.EDGE_MEANINGS.items():
        if kind in kinds:
            colour = style.EDGE_STYLES[kind][0]
            rows.append(f'<TR><TD ALIGN="LEFT"><FONT COLOR="{colour}">{html(line)}</FONT> {html(meaning)}</TD></TR>')
    if not rows:
        return ""
    return ('<<TABLE BORDER="1" COLOR="#d0d7de" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">'
            '<TR><TD ALIGN="LEFT"><B>Legend</B></TD></TR>' + "".join(rows) + "</TABLE>>")


def to_graph(diagram: Diagram) -> graphviz.Digraph:
    graph = graphviz.Digraph(
        "platform",
        graph_attr={"rankdir": "LR", "compound": "true", "fontname": style.FONT, "nodesep": "0.25",
                    "ranksep": "0.5", "newrank": "true", "label": html(diagram.title), "labelloc": "t",
                    "fontsize": "16", "bgcolor": "white", "pad": "0.3"},
        node_attr={"shape": "box", "style": "rounded,filled", "fillcolor": "white", "fontname": style.FONT,
                   "fontsize": "11", "margin": "0.15,0.07", "color": "#57606a"},
        edge_attr={"fontname": style.FONT, "fontsize": "9", "arrowsize": "0.7"},
    )

    def fill(target: graphviz.Digraph, parent: str | None) -> None:
        for group in diagram.children(parent):
            with target.subgraph(name=f"cluster_{group.id}") as sub:
                sub.attr(**_group_attrs(group))
                fill(sub, group.id)
        for node in diagram.nodes_in(parent):
            target.node(node.id, **_node_attrs(node))

    fill(graph, None)
    for edge in diagram.edges:
        graph.edge(edge.src, edge.dst, **_edge_attrs(edge))
    legend = _legend(diagram)
    if legend:
        graph.node("legend", label=legend, shape="plaintext", fillcolor="white", style="")
    if diagram.notes:
        graph.node("notes", label="\\l".join(diagram.notes) + "\\l", shape="note", fillcolor="#fff8c5",
                   fontsize="10")
    return graph

def to_dot(diagram: Diagram) -> str:
    return to_graph(diagram).source

def render(diagram: Diagram, fmt: str) -> bytes:
    """SVG or PNG bytes from Graphviz's `dot`; `DotMissing` when it is not installed."""
    return render_source(to_dot(diagram), fmt)

def render_source(dot_source: str, fmt: str) -> bytes:
    try:
        return graphviz.Source(dot_source).pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise DotMissing(f"--format {fmt} needs Graphviz's `dot` on PATH, which is missing; install it with "
                         "`make install` (Debian: apt-get install graphviz), or use --format mermaid or dot") from None
