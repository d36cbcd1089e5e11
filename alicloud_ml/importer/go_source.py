"""Read every resource and data source schema of the provider from its Go source.

provider.go's `ResourcesMap` / `DataSourcesMap` name each Terraform type and the Go function that
builds it (several names may share one function: deprecated aliases). Each function is evaluated
symbolically (`go_eval`) and lowered to Terraform's JSON schema (`lowering`). A type the importer
cannot read completely is listed with the reason instead of being guessed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tree_sitter import Node

from alicloud_ml.importer.external_consts import EXTERNAL_CONSTS
from alicloud_ml.importer.go_eval import Evaluator, Frame, Opaque
from alicloud_ml.importer.go_index import GoPackage, load_package, named, text
from alicloud_ml.importer.lowering import Context, Unreadable, lower_resource

MAPS = {"ResourcesMap": "resource_schemas", "DataSourcesMap": "data_source_schemas"}


@dataclass
class GoImport:
    """What the importer read: schemas by kind, the types it could not read, and side notes."""

    resource_schemas: dict[str, Any] = field(default_factory=dict)
    data_source_schemas: dict[str, Any] = field(default_factory=dict)
    unreadable: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    go_functions: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> name -> function
    files_parsed: int = 0
    seconds: float = 0.0


def _registrations(pkg: GoPackage) -> dict[str, list[tuple[str, Node, str]]]:
    """provider.go's maps as {map name: [(terraform name, value node, file)]}, in source order."""
    provider = pkg.funcs.get("Provider")
    if provider is None or provider.node is None:
        return {}
    found: dict[str, list[tuple[str, Node, str]]] = {}
    stack = [provider.node]
    while stack:
        node = stack.pop()
        if node.type == "keyed_element":
            key = node.child_by_field_name("key") or named(node)[0]
            if text(key).strip() in MAPS:
                value = node.child_by_field_name("value") or named(node)[-1]
                literal = named(value)[0] if value.type == "literal_element" else value
                body = literal.child_by_field_name("body")
                entries = []
                for el in named(body) if body is not None else []:
                    if el.type == "keyed_element":
                        k = el.child_by_field_name("key") or named(el)[0]
                        v = el.child_by_field_name("value") or named(el)[-1]
                        entries.append((text(k).strip().strip('"'), v, provider.file))
                found[text(key).strip()] = entries
                continue
        stack.extend(node.named_children)
    return found


def _func_name(node: Node) -> str:
    inner = named(node)[0] if node.type == "literal_element" and named(node) else node
    if inner.type == "call_expression":
        return text(inner.child_by_field_name("function"))
    return text(inner)


def read_package(pkg: GoPackage, progress: Callable[[str], None] | None = None) -> GoImport:
    """Evaluate and lower every registered type of an indexed package."""
    out = GoImport(files_parsed=pkg.files)
    regs = _registrations(pkg)
    ev = Evaluator(pkg, EXTERNAL_CONSTS)
    for map_name, entries in regs.items():
        kind = MAPS[map_name]
        target = getattr(out, kind)
        for i, (name, node, file) in enumerate(entries, 1):
            ev.notes = []
            ctx = Context(ev)
            func = _func_name(node)
            out.go_functions.setdefault(kind, {})[name] = func
            value = None
            try:
                value = ev.eval(node, Frame(file))
                entry = lower_resource(value, ctx)
                if ev.notes:
                    raise Unreadable("; ".join(dict.fromkeys(ev.notes)))
            except Unreadable as exc:
                reason = str(exc)
                if isinstance(value, Opaque):
                    reason = f"{value.reason} at {value.where}"
                out.unreadable.append({"type": name, "kind": kind, "go_function": func, "reason": reason})
                continue
            target[name] = {**entry, "go_function": func}  # types sharing one are aliases of one cloud object
            out.notes.extend({"type": name, "note": n} for n in dict.fromkeys(ctx.notes))
            if progress is not None and i % 200 == 0:
                progress(f"{kind}: {i}/{len(entries)} types evaluated")
        if progress is not None:
            progress(f"{kind}: {len(target)} read, {sum(u['kind'] == kind for u in out.unreadable)} unreadable")
    return out


def read_go_source(directory: Path, progress: Callable[[str], None] | None = None) -> GoImport:
    """Parse the provider package at `directory` (the repository's `alicloud/` folder) and read it."""
    start = time.monotonic()

    def parsed(done: int, total: int) -> None:
        if progress is not None:
            progress(f"parsed {done}/{total} Go files")

    pkg = load_package(directory, parsed)
    result = read_package(pkg, progress)
    result.seconds = time.monotonic() - start
    return result
