"""The picture of a change: changed resources and their immediate neighbours, coloured by action.

Drawn from the review's change records (synth vs synth, or a plan), grouped like the stack
picture, so a reviewer sees *where* a change lands: a CPFS replacement inside its zone, next to
the workspace that mounts it. Satellites fold into their owner as in `build`, so a new security
group rule shows as an update of its group. Bounded: the most important changes first (stateful
replacements, then replacements, destroys, creates, updates), and a note says what was left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from alicloud_ml.diagram.build import build
from alicloud_ml.diagram.kinds import kind_of
from alicloud_ml.diagram.model import Diagram, Group
from alicloud_ml.diagram.source import Refs, Source, argument_refs, stack_title
from alicloud_ml.review import attrs as A
from alicloud_ml.review.model import ABSENT, ACTION_ORDER, Action, AttrChange, ResourceChange, StackChanges
from alicloud_ml.synthesized import Resource

#: GitHub draws a Mermaid block of this size legibly in a comment; a bigger change is cut, with a note.
MAX_CHANGED = 24
MAX_NODES = 36
_ATTR_FACTS = 2


def change_diagram(changes: StackChanges, refs: Refs | None = None) -> Diagram | None:
    """The diagram of one stack's changes, or None when nothing changes.

    `refs` comes from a plan's configuration (its planned values hold no references); without it
    references are read from the changed resources' arguments, as a synth diff has them.
    """
    changed = [c for c in changes.changes if c.action is not Action.NO_OP]
    if not changed:
        return None
    by_address = {c.address: c for c in changes.changes}
    resources = [Resource(c.type, c.name, (c.before if c.action is Action.DELETE else c.after) or {},
                          c.construct_path, c.stack, module=c.module) for c in changes.changes]
    known = {r.address: r for r in resources}
    found = refs if refs is not None else {r.address: argument_refs(r.attrs, known) for r in resources}
    source = Source(stack_title(changes.name, changes.region), resources,
                    {a: [p for p in pairs if p[1] in known] for a, pairs in found.items() if a in known},
                    changes.region)
    diagram = build(source)
    diagram.title = f"{diagram.title}: what this change does"
    _mark(diagram, by_address)
    _cut(diagram, source)
    return diagram


def _mark(diagram: Diagram, by_address: dict[str, ResourceChange]) -> None:
    for node in diagram.nodes.values():
        own = by_address.get(node.members[0]) if node.members else None
        moved = [by_address[m] for m in node.members[1:] if m in by_address
                 and by_address[m].action is not Action.NO_OP]
        node.facts = []  # a changed box says what changes; the stack picture says what it is
        if own is not None and own.action is not Action.NO_OP:
            node.action = own.action
            node.destructive = own.destructive
            node.facts = _attribute_facts(own)
        elif moved:
            node.action = Action.UPDATE
        node.destructive = node.destructive or any(c.destructive for c in moved)
        for action, n in sorted(Counter(c.action for c in moved).items(), key=lambda kv: ACTION_ORDER[kv[0]]):
            kinds = sorted({kind_of(c.type).label for c in moved if c.action is action})
            node.facts.append(f"{_VERB_PAST[action]}: {n} × {', '.join(kinds)}")
    for group in diagram.groups.values():
        rc = by_address.get(group.address) if group.address else None
        if rc is not None and rc.action is not Action.NO_OP:
            group.action = rc.action


#: the diff's cause text: "`alicloud_x.y` is replaced" or "`alicloud_x.y.attr` changes"
_CAUSE = re.compile(r"^`([^`]+?)(?:\.[a-z_]+)?` (?:(is replaced)|changes)$")

_VERB_PAST = {Action.CREATE: "created", Action.UPDATE: "updated", Action.REPLACE: "replaced",
              Action.DELETE: "destroyed"}


def _attribute_facts(rc: ResourceChange) -> list[str]:
    """`storage_type: advance_100 → advance_200 (forces replacement)` for the first arguments changed in the
    configuration, and one `follows the replaced CPFS file system` line for those a replaced neighbour changes."""
    if rc.action not in (Action.UPDATE, Action.REPLACE):
        return []
    direct = sorted((a for a in rc.attributes if not a.cause), key=lambda a: (not a.forces_replacement, a.path))
    out = []
    for change in direct[:_ATTR_FACTS]:
        forced = " (forces replacement)" if change.forces_replacement else ""
        out += [f"{path}: {before} → {after}{forced}" for path, before, after in _inner(change)]
    if len(direct) > _ATTR_FACTS:
        out.append(f"and {len(direct) - _ATTR_FACTS} more arguments")
    replaced: list[str] = []
    changed: list[str] = []
    for change in rc.attributes:
        m = _CAUSE.search(change.cause or "")
        if m:
            label = kind_of(m.group(1).split(".")[-2]).label
            (replaced if m.group(2) else changed).append(label)
    if replaced:
        out.append("follows the replaced " + ", ".join(sorted(set(replaced))))
    if changed:
        out.append("follows changes to " + ", ".join(sorted(set(changed))))
    return out


def _inner(change: AttrChange) -> list[tuple[str, str, str]]:
    """(path, before, after) of an argument; inside a JSON string (`service_config`) its first changed key."""
    before, after = A.json_object(change.before), A.json_object(change.after)
    if before is not None and after is not None and not change.after_unknown:
        fb, fa = A.flatten(before), A.flatten(after)
        for sub in [*fa, *(p for p in fb if p not in fa)]:
            b, a = fb.get(sub, ABSENT), fa.get(sub, ABSENT)
            if A.canonical(b) != A.canonical(a):
                return [(f"{change.path} → {A.display(sub)}", _short(b), _short(a))]
    shown = "(known after apply)" if change.after_unknown else _short(change.after)
    return [(change.path, _short(change.before), shown)]


def _short(value: object) -> str:
    if value is ABSENT or value is None:
        return "unset"
    decoded = A.json_object(value)
    text = "{…}" if decoded is not None else str(value)
    return text if len(text) <= 32 else text[:31] + "…"


def _cut(diagram: Diagram, source: Source) -> None:
    """Keep the changed boxes (most important first) and the boxes they reference or are referenced by."""
    changed = sorted((n for n in diagram.nodes.values() if n.action is not None),
                     key=lambda n: (not n.destructive, ACTION_ORDER[n.action], n.id))  # type: ignore[index]
    keep = [n.id for n in changed[:MAX_CHANGED]]
    links: Counter[str] = Counter()
    owner = {m: n.id for n in diagram.nodes.values() for m in n.members}
    kept = set(keep)
    placement = {n.id for n in diagram.nodes.values() if n.members and n.members[0].startswith("alicloud_vswitch.")}
    for address, pairs in source.refs.items():
        for _, target in pairs:
            a, b = owner.get(address), owner.get(target)
            if a and b and a != b:
                # where a changed box sits is said by nesting, so a vSwitch is never drawn as its neighbour
                # (but what sits on a changed vSwitch is)
                if a in kept and b not in kept and b not in placement:
                    links[b] += 1
                elif b in kept and a not in kept and a not in placement:
                    links[a] += 1
    neighbours = sorted(links, key=lambda nid: (-links[nid], nid))
    room = max(0, MAX_NODES - len(keep))
    keep += neighbours[:room]
    left_changed, left_context = len(changed) - min(len(changed), MAX_CHANGED), max(0, len(neighbours) - room)
    for nid in keep[len(changed[:MAX_CHANGED]):]:
        diagram.nodes[nid].context = True
        diagram.nodes[nid].facts = []
    diagram.nodes = {nid: diagram.nodes[nid] for nid in sorted(keep, key=list(diagram.nodes).index)}
    for edge in diagram.edges:
        if edge.kind == "layout":
            edge.kind = "ref"
    diagram.prune()
    if left_changed or left_context:
        parts = []
        if left_changed:
            parts.append(f"{left_changed} more changed resource box{'es' if left_changed != 1 else ''}")
        if left_context:
            parts.append(f"{left_context} unchanged neighbour{'s' if left_context != 1 else ''}")
        diagram.notes.append(f"Not drawn, to keep the picture readable: {' and '.join(parts)}; "
                             "every change is listed below.")


def combine(diagrams: list[Diagram], title: str) -> Diagram:
    """Several stacks' change diagrams as one picture, each stack in its own outer box (`review --format svg`)."""
    out = Diagram(title)
    for i, d in enumerate(diagrams):
        prefix = f"s{i}_"
        stack_box = f"{prefix}stack"
        out.groups[stack_box] = Group(stack_box, d.title, None, "stack")
        for g in d.groups.values():
            out.groups[prefix + g.id] = replace(g, id=prefix + g.id,
                                                parent=prefix + g.parent if g.parent else stack_box)
        for n in d.nodes.values():
            out.nodes[prefix + n.id] = replace(n, id=prefix + n.id, group=prefix + n.group if n.group else stack_box)
        out.edges += [replace(e, src=prefix + e.src, dst=prefix + e.dst) for e in d.edges]
        out.notes += [f"{d.title.split(' · ')[0]}: {note}" for note in d.notes]
    return out


#: What the colours mean, under the Mermaid block (GitHub draws no legend of its own).
LEGEND = ("<sub>Green: create · amber: update in place · orange: replace · red: destroy · "
          "⚠ thick red border: stateful resource replaced or destroyed (data lost, nodes drained) · "
          "grey dashed: unchanged neighbour. Satellites (rules, policies, settings) are counted in their "
          "owner's box.</sub>")


def markdown_section(changes: StackChanges) -> list[str]:
    """The review comment's picture of one stack's change: a Mermaid block GitHub draws, and its legend."""
    from alicloud_ml.diagram.mermaid import to_mermaid

    diagram = change_diagram(changes, changes.references)
    if diagram is None:
        return []
    out = ["```mermaid", to_mermaid(diagram).rstrip("\n"), "```", "", LEGEND]
    out += [f"<sub>{note}</sub>" for note in diagram.notes]
    return out + [""]


def change_svg(stacks: list[StackChanges]) -> str:
    """`review --format svg`: every changed stack's diagram in one SVG, for forges that do not draw Mermaid."""
    from alicloud_ml.diagram.dot import render

    diagrams = [d for sc in stacks if (d := change_diagram(sc, sc.references)) is not None]
    if len(diagrams) == 1:
        return render(diagrams[0], "svg").decode("utf-8")
    picture = combine(diagrams, "What this change does") if diagrams else Diagram("Nothing changes")
    if not diagrams:
        picture.notes.append("No resource is created, updated, replaced or destroyed.")
    return render(picture, "svg").decode("utf-8")
