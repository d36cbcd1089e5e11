"""What a diagram is drawn from: resources and who references whom, whatever the input was.

A synthesized stack and an HCL root say references in the arguments (`${alicloud_vpc.x.id}`); a
`terraform show -json` plan says them in `configuration` (`expressions.*.references`), because its
planned values hold only literals. Both become one `Source`: resources by address, and per resource
the (argument, referenced address) pairs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError
from alicloud_ml.synthesized import Resource, Stack, parse_ref, references

#: Arguments that change how Terraform manages a resource, not what it is connected to.
_META = frozenset({"depends_on", "lifecycle", "provider", "provisioner", "connection", "count", "for_each"})

Refs = dict[str, list[tuple[str, str]]]


@dataclass
class Source:
    title: str
    resources: list[Resource]
    refs: Refs                                  # address -> [(top-level argument, referenced address)]
    region: str | None = None
    backend: Mapping[str, Any] = field(default_factory=dict)   # the stack's `terraform.backend` block

    def __post_init__(self) -> None:
        self.resources = sorted(self.resources, key=lambda r: r.address)
        self.by_address = {r.address: r for r in self.resources}
        _oss_trigger_sources(self)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def argument_refs(attrs: Mapping[str, Any], known: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(argument, address) for every `${…}` reference to a resource in `known`, in argument order."""
    out: list[tuple[str, str]] = []
    for key, value in attrs.items():
        if key in _META:
            continue
        for text in _strings(value):
            if "${" not in text:
                continue
            whole = parse_ref(text)
            targets = [f"{whole[0]}.{whole[1]}"] if whole else [t for t, _ in references(text)]
            out += [(key, t) for t in targets if t in known and (key, t) not in out]
    return out


def from_stack(stack: Stack, title: str | None = None) -> Source:
    """A synthesized stack (or a linked HCL root, whose references are rewritten the same way)."""
    known = stack.by_address
    refs = {r.address: argument_refs(r.attrs, known) for r in stack.resources}
    terraform = stack.data.get("terraform") if isinstance(stack.data, Mapping) else None
    backend = terraform.get("backend") if isinstance(terraform, Mapping) else None
    return Source(title or stack.name, list(stack.resources), refs, stack.region,
                  backend if isinstance(backend, Mapping) else {})


def _oss_trigger_sources(source: Source) -> None:
    """An OSS trigger names its bucket inside `source_arn` (`acs:oss:<region>:<account>:<bucket>`), not by
    reference; link it to the bucket of that name when the bucket is in the stack."""
    buckets = {str(r.attrs.get("bucket")): r.address for r in source.resources
               if r.type == "alicloud_oss_bucket" and isinstance(r.attrs.get("bucket"), str)}
    for r in source.resources:
        if r.type != "alicloud_fcv3_trigger" or r.attrs.get("trigger_type") != "oss":
            continue
        name = str(r.attrs.get("source_arn", "")).rsplit(":", 1)[-1]
        if name in buckets:
            source.refs.setdefault(r.address, []).append(("source_arn", buckets[name]))


# ---------------------------------------------------------------- a `terraform show -json` plan


def from_plan(path: Path, doc: Mapping[str, Any], title: str | None = None) -> Source:
    """Planned resources (every module) with references from the plan's `configuration`."""
    from alicloud_ml.review.plan import plan_stack

    stack = plan_stack(path)
    config = doc.get("configuration")
    module = config.get("root_module") if isinstance(config, Mapping) else None
    declared: dict[str, list[tuple[str, str]]] = {}
    _walk_config(module if isinstance(module, Mapping) else {}, "", declared)
    # every instance the plan names: planned ones, and destroyed ones (only in resource_changes)
    changes = doc.get("resource_changes")
    addresses = sorted({r.address for r in stack.resources} | {
        str(c["address"]) for c in changes or [] if isinstance(c, Mapping) and c.get("mode", "managed") == "managed"
        and isinstance(c.get("address"), str)} if isinstance(changes, list) or changes is None else set())
    by_declared: dict[str, list[str]] = {}
    for address in addresses:
        by_declared.setdefault(_unindexed(address), []).append(address)
    refs: Refs = {}
    for address in addresses:
        out = []
        for key, target in declared.get(_unindexed(address), []):
            out += [(key, t) for t in by_declared.get(target, []) if (key, t) not in out]
        refs[address] = out
    return Source(title or stack.name, list(stack.resources), refs, stack.region)


def plan_references(path: Path) -> Refs:
    """References of a plan's resources, by address (for the review's change diagram of a plan)."""
    return from_plan(path, read_plan_document(path)).refs


def _unindexed(address: str) -> str:
    """`module.a["x"].alicloud_vpc.this[0]` → `module.a.alicloud_vpc.this`."""
    out, depth = [], 0
    for ch in address:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _walk_config(module: Mapping[str, Any], prefix: str, out: dict[str, list[tuple[str, str]]]) -> None:
    for res in module.get("resources") or []:
        if not isinstance(res, Mapping) or res.get("mode", "managed") != "managed":
            continue
        address = f"{prefix}{res.get('type')}.{res.get('name')}"
        pairs: list[tuple[str, str]] = []
        for key, expr in (res.get("expressions") or {}).items():
            for ref in _expression_refs(expr):
                target = _resource_of(ref, prefix)
                if target and (key, target) not in pairs:
                    pairs.append((key, target))
        out[address] = pairs
    for call, spec in (module.get("module_calls") or {}).items():
        child = spec.get("module") if isinstance(spec, Mapping) else None
        if isinstance(child, Mapping):
            _walk_config(child, f"{prefix}module.{call}.", out)


def _expression_refs(expr: Any) -> Iterator[str]:
    if isinstance(expr, Mapping):
        refs = expr.get("references")
        if isinstance(refs, list):
            yield from (r for r in refs if isinstance(r, str))
        for key, value in expr.items():
            if key != "references":
                yield from _expression_refs(value)
    elif isinstance(expr, list):
        for item in expr:
            yield from _expression_refs(item)


def _resource_of(ref: str, prefix: str) -> str | None:
    """`alicloud_vpc.main.id` → `<prefix>alicloud_vpc.main`; variables, locals, data and modules → None."""
    parts = _unindexed(ref).split(".")
    if len(parts) < 2 or parts[0] in ("var", "local", "data", "module", "each", "count", "path", "self") \
            or "_" not in parts[0]:
        return None
    return f"{prefix}{parts[0]}.{parts[1]}"


def read_plan_document(path: Path) -> dict[str, Any]:
    from alicloud_ml.review.plan import read_plan

    doc = read_plan(path)
    if not isinstance(doc.get("planned_values", {}), dict):
        raise InputError(str(path), "planned_values", "not an object", accepted="the output of `terraform show -json`")
    return doc


def stack_title(stack: str, region: str | None) -> str:
    return f"{stack} · {region}" if region else stack
