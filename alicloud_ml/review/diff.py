"""Synth-vs-synth diff: what `terraform plan` would do, computed from two cdktf outputs offline.

Per resource: create / update (attribute before → after) / replace (which force-new attribute or
block, from the schema) / delete. A replaced resource's computed attributes (`id`, …) become
unknown, so anything whose force-new argument references it is replaced too, transitively, and
anything else that references it is updated; this is how a VPC change reaches every vswitch.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from alicloud_ml.review import attrs as A
from alicloud_ml.review.model import ABSENT, Action, AttrChange, ResourceChange, StackChanges
from alicloud_ml.synthesized import Stack, references

# Meta-arguments that change how Terraform manages a resource, not the resource itself.
_META = frozenset({"depends_on", "lifecycle", "provider", "provisioner", "connection"})
_RANK = {Action.NO_OP: 0, Action.UPDATE: 1, Action.REPLACE: 2}


def diff_synth(base: dict[str, Stack], head: dict[str, Stack]) -> list[StackChanges]:
    """One `StackChanges` per stack in either synth, sorted by stack name."""
    return [diff_stack(name, base.get(name), head.get(name)) for name in sorted(set(base) | set(head))]


def diff_stack(name: str, base: Stack | None, head: Stack | None) -> StackChanges:
    base_res = base.by_address if base else {}
    head_res = head.by_address if head else {}
    moved = head.moved if head else {}
    paired: dict[str, ResourceChange] = {}
    created: list[ResourceChange] = []
    matched: set[str] = set()
    for addr, res in head_res.items():
        old_addr = moved[addr] if moved.get(addr) in base_res else addr
        old = base_res.get(old_addr)
        if old is None:
            created.append(ResourceChange(name, res.type, res.name, Action.CREATE, res.path, after=dict(res.attrs)))
            continue
        matched.add(old_addr)
        rc = ResourceChange(name, res.type, res.name, Action.NO_OP, res.path, before=dict(old.attrs),
                            after=dict(res.attrs), moved_from=old_addr if old_addr != addr else None)
        if old.attrs != res.attrs:
            _compare(rc)
        paired[addr] = rc
    deleted = [ResourceChange(name, old.type, old.name, Action.DELETE, old.path, before=dict(old.attrs),
                              reasons=["removed from the configuration"])
               for addr, old in base_res.items() if addr not in matched]
    _propagate(paired)
    _rename_hints(created, deleted)
    either = head or base
    region = either.region if either else None
    return StackChanges(name, [*paired.values(), *created, *deleted], region)


def _ignored(after: dict[str, Any]) -> set[str]:
    lifecycle = after.get("lifecycle")
    ignore = lifecycle.get("ignore_changes") if isinstance(lifecycle, dict) else None
    if ignore == "all" or (isinstance(ignore, list) and "all" in ignore):
        return {"*"}
    return {i for i in ignore if isinstance(i, str)} if isinstance(ignore, list) else set()


def _compare(rc: ResourceChange) -> None:
    """Attribute-level changes; a force-new hit makes it a replacement."""
    before = {k: v for k, v in (rc.before or {}).items() if k not in _META}
    after = {k: v for k, v in (rc.after or {}).items() if k not in _META}
    ignored = _ignored(rc.after or {})
    if "*" in ignored:
        return
    flat_b, flat_a = A.flatten(before), A.flatten(after)
    for path in [*flat_a, *(p for p in flat_b if p not in flat_a)]:
        if path[0] in ignored:
            continue
        b, a = flat_b.get(path, ABSENT), flat_a.get(path, ABSENT)
        norm = A.normalized(path)
        attr = A.attribute(rc.type, norm)
        if b is not ABSENT and a is not ABSENT and A.canonical(b, attr) == A.canonical(a, attr):
            continue
        if a is ABSENT and attr and attr.get("computed"):
            continue  # optional + computed: removing it from the config keeps the current value
        forced = A.forced_by(rc.type, norm)
        rc.attributes.append(AttrChange(A.display(path), b, a, forces_replacement=forced is not None, forced_by=forced))
    _settle(rc)


def _settle(rc: ResourceChange) -> None:
    forced = sorted({c.forced_by for c in rc.attributes if c.forces_replacement and not c.cause and c.forced_by})
    rc.reasons = [f"`{f}` forces replacement" for f in forced] + [r for r in rc.reasons if "forces" not in r]
    target = Action.REPLACE if any(c.forces_replacement for c in rc.attributes) else (
        Action.UPDATE if rc.attributes else Action.NO_OP)
    if _RANK[target] > _RANK[rc.action]:
        rc.action = target


def _propagate(paired: dict[str, ResourceChange]) -> None:
    """Spread unknown / changed values along references until nothing more changes."""
    changed_top = {addr: {_top(c.path) for c in rc.attributes} for addr, rc in paired.items()}
    work = [addr for addr, rc in paired.items() if rc.action is Action.REPLACE or changed_top[addr]]
    if not work:
        return
    index: dict[str, list[tuple[str, A.Path_, Any, str]]] = defaultdict(list)
    for dep, rc in paired.items():
        for path, leaf in A.flatten({k: v for k, v in (rc.after or {}).items() if k not in _META}).items():
            for target, attr in references(leaf):
                if target in paired and target != dep:
                    index[target].append((dep, path, leaf, attr))
    seen: set[tuple[str, A.Path_, str, str]] = set()
    while work:
        target = work.pop()
        trc = paired[target]
        for dep, path, leaf, attr in index.get(target, ()):
            key = (dep, path, target, attr)
            if key in seen or not _affected(trc, attr, changed_top[target]):
                continue
            seen.add(key)
            if _apply_induced(paired[dep], path, leaf, trc, attr):
                changed_top[dep].add(path[0] if isinstance(path[0], str) else str(path[0]))
                work.append(dep)


def _top(display_path: str) -> str:
    return display_path.split(".", 1)[0].split("[", 1)[0]


def _affected(trc: ResourceChange, attr: str, changed: set[str]) -> bool:
    if attr in changed:
        return True
    if trc.action is Action.REPLACE:
        value = (trc.after or {}).get(attr)
        return value is None  # not configured: computed, so unknown on the new object
    return False


def _apply_induced(rc: ResourceChange, path: A.Path_, leaf: Any, trc: ResourceChange, attr: str) -> bool:
    """Record a change caused by a referenced value; True when it is new for this resource."""
    shown = A.display(path)
    replaced = trc.action is Action.REPLACE
    cause = f"`{trc.address}` is replaced" if replaced else f"`{trc.address}.{attr}` changes"
    norm = A.normalized(path)
    forced = A.forced_by(rc.type, norm)
    existing = next((c for c in rc.attributes if c.path == shown), None)
    if existing is not None:
        existing.cause = existing.cause or cause
        return False
    known = not replaced or attr in (trc.after or {})
    before = A.flatten(rc.before or {}).get(path, ABSENT)
    rc.attributes.append(AttrChange(shown, before, leaf, after_unknown=not known, forces_replacement=forced is not None,
                                    forced_by=forced, cause=cause))
    if forced:
        what = "is replaced" if replaced else f"changes `{attr}`"
        rc.reasons.append(f"`{forced}` references `{trc.address}`, which {what}")
    _settle(rc)
    return True


def _rename_hints(created: list[ResourceChange], deleted: list[ResourceChange]) -> None:
    """Same type and arguments deleted under one name and created under another: likely a renamed construct."""
    if not created or not deleted:
        return
    by_body: dict[tuple[str, str], ResourceChange] = {}
    for rc in deleted:
        by_body.setdefault((rc.type, json.dumps(rc.before, sort_keys=True, default=str)), rc)
    for rc in created:
        old = by_body.get((rc.type, json.dumps(rc.after, sort_keys=True, default=str)))
        if old is not None:
            hint = (f"`{old.address}` is deleted and `{rc.address}` created with the same arguments: probably a "
                    f"renamed construct; add a `moved` block (cdktf `moveTo`) to keep the existing resource")
            old.hints.append(hint)
            rc.hints.append(hint)
