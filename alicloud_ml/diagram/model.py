"""What a diagram is, before it is drawn: nested groups, labelled nodes, labelled edges.

One model feeds every output (Graphviz DOT/SVG/PNG and Mermaid), so the pictures of a stack and of
a change group, name and colour things the same way. Everything is plain data, built in a fixed
order from sorted input, so the same stack always gives the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from alicloud_ml.review.model import Action


@dataclass
class Group:
    """A box around nodes: region, VPC, zone/vSwitch, or a tier (ACK cluster, CPFS, EAS, RAG, ...)."""

    id: str
    label: str
    parent: str | None = None
    kind: str = "tier"          # region | vpc | zone | tier | stack: how it is drawn
    tier: str = ""              # for kind "tier": a key of `kinds.TIERS`, which picks its colour
    action: Action | None = None  # a VPC changed in a change diagram
    address: str = ""           # the resource a VPC box stands for


@dataclass
class Node:
    """One box: a resource, or a resource with its low-value satellites folded in (`members`)."""

    id: str
    kind: str                   # what it is, for a reader: "GPU node pool", "CPFS file system"
    name: str
    facts: list[str] = field(default_factory=list)
    group: str | None = None
    members: list[str] = field(default_factory=list)   # resource addresses drawn as this node
    action: Action | None = None                       # set in a change diagram
    destructive: bool = False                          # stateful and replaced or destroyed
    context: bool = False                              # an unchanged neighbour in a change diagram


@dataclass
class Edge:
    src: str
    dst: str
    label: str = ""
    kind: str = "ref"           # ref | member | trust | trigger | mount | place


@dataclass
class Diagram:
    title: str
    groups: dict[str, Group] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def children(self, group: str | None) -> list[Group]:
        return [g for g in self.groups.values() if g.parent == group]

    def nodes_in(self, group: str | None) -> list[Node]:
        return [n for n in self.nodes.values() if n.group == group]

    def prune(self) -> None:
        """Drop groups that hold no node at any depth, and edges whose ends were dropped."""
        full: set[str] = set()
        for node in self.nodes.values():
            gid = node.group
            while gid is not None and gid not in full:
                full.add(gid)
                gid = self.groups[gid].parent
        self.groups = {k: g for k, g in self.groups.items() if k in full}
        self.edges = [e for e in self.edges if e.src in self.nodes and e.dst in self.nodes]
