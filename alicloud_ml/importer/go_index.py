"""Parse one Go package with tree-sitter and index its top-level functions, consts, vars and types.

The provider builds schemas across files (helper functions, shared constants), so the evaluator
needs every top-level declaration of the package by name before it can follow a call.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Language, Node, Parser


def _parser() -> Parser:
    import tree_sitter_go

    return Parser(Language(tree_sitter_go.language()))


@dataclass
class Decl:
    """A top-level declaration: its node (function_declaration, const/var spec value) and location."""

    name: str
    kind: str  # "func" | "const" | "var"
    node: Node | None
    file: str
    params: list[str] = field(default_factory=list)
    result: str = ""
    result_names: list[str] = field(default_factory=list)
    type_text: str = ""


@dataclass
class GoPackage:
    """Every top-level declaration of one Go package, by name (the package is one namespace)."""

    root: Path
    funcs: dict[str, Decl] = field(default_factory=dict)
    consts: dict[str, Decl] = field(default_factory=dict)
    vars: dict[str, Decl] = field(default_factory=dict)
    types: set[str] = field(default_factory=set)
    files: int = 0
    # Keeps each file's tree alive: nodes point into it.
    _trees: list = field(default_factory=list, repr=False)

    def where(self, decl_file: str, node: Node) -> str:
        return f"{decl_file}:{node.start_point[0] + 1}"


def text(node: Node | None) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text is not None else ""


def named(node: Node | None) -> list[Node]:
    """Named children without comments (comments can sit anywhere in a literal)."""
    return [c for c in node.named_children if c.type != "comment"] if node is not None else []


def _params(func: Node) -> list[str]:
    names: list[str] = []
    plist = func.child_by_field_name("parameters")
    for decl in named(plist) if plist is not None else []:
        ids = [text(c) for c in decl.children_by_field_name("name")]
        names.extend(ids or ["_"])
    return names


def _index_specs(pkg: GoPackage, decl: Node, rel: str, kind: str) -> None:
    specs = [c for c in named(decl) if c.type in ("const_spec", "var_spec", "var_spec_list")]
    flat: list[Node] = []
    for spec in specs:
        flat.extend(named(spec) if spec.type == "var_spec_list" else [spec])
    for spec in flat:
        names = [text(n) for n in spec.children_by_field_name("name")]
        value = spec.child_by_field_name("value")
        values = named(value) if value is not None else []
        type_node = spec.child_by_field_name("type")
        for i, name in enumerate(names):
            node = values[i] if i < len(values) else None
            target = pkg.consts if kind == "const" else pkg.vars
            target[name] = Decl(name, kind, node, rel, type_text=text(type_node) if type_node else "")


def index_file(pkg: GoPackage, parser: Parser, path: Path) -> None:
    tree = parser.parse(path.read_bytes())
    pkg._trees.append(tree)
    rel = str(path.relative_to(pkg.root.parent)) if path.is_relative_to(pkg.root.parent) else path.name
    for node in named(tree.root_node):
        if node.type == "function_declaration":
            name = text(node.child_by_field_name("name"))
            result = node.child_by_field_name("result")
            result_text = text(result) if result else ""
            names: list[str] = []
            # A single named result, `(specs []string)`, returned by a bare `return`.
            if m := re.match(r"^\((\w+)\s+([^,]+)\)$", result_text):
                names, result_text = [m.group(1)], m.group(2).strip()
            pkg.funcs[name] = Decl(name, "func", node, rel, _params(node), result_text, names)
        elif node.type == "const_declaration":
            _index_specs(pkg, node, rel, "const")
        elif node.type == "var_declaration":
            _index_specs(pkg, node, rel, "var")
        elif node.type == "type_declaration":
            for spec in named(node):
                name_node = spec.child_by_field_name("name")
                if name_node is not None:
                    pkg.types.add(text(name_node))


def load_package(directory: Path, progress: Callable[[int, int], None] | None = None) -> GoPackage:
    """Parse every non-test .go file directly in `directory` (one package; subfolders are others)."""
    parser = _parser()
    pkg = GoPackage(root=directory)
    paths = sorted(p for p in directory.glob("*.go") if not p.name.endswith("_test.go"))
    for i, path in enumerate(paths, 1):
        index_file(pkg, parser, path)
        if progress is not None and (i % 250 == 0 or i == len(paths)):
            progress(i, len(paths))
    pkg.files = len(paths)
    return pkg
