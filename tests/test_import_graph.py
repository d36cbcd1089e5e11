"""The package's import graph, read with `ast`: layers run one way and nothing imports in a circle.

Why it matters: a circle makes import order matter and hides which module owns a fact; an arrow from
the constructs up to the config file loader would tie every construct user to the TOML format; and
config validation (`alicloud-ml validate`) must not start the CDK runtime (jsii + node, ~1 s).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "alicloud_ml"
#: Generated bindings and the team-app template are not hand-written modules of the package.
SKIPPED = ("provider", "app_template")


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {_name(p): p for p in PACKAGE.rglob("*.py")
            if p.relative_to(PACKAGE).parts[0] not in SKIPPED}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """First-party modules `path` imports anywhere in its body (deferred imports count too),
    except under `if TYPE_CHECKING:` (never run)."""
    me = _name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {id(n) for block in ast.walk(tree)
                 if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                 for n in ast.walk(block)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != me:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(path, known) for name, path in mods.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_graph_has_no_circles() -> None:
    edges = graph()
    assert len(edges) > 100, "the walk found too few modules to mean anything"
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_constructs_and_props_never_import_the_config_loader_or_the_review() -> None:
    arrows = [(a, b) for a, targets in graph().items() for b in targets
              if a.startswith(("alicloud_ml.constructs", "alicloud_ml.props"))
              and (b == "alicloud_ml.config" or b.startswith("alicloud_ml.review"))]
    assert arrows == []


def test_props_never_import_constructs_or_bindings() -> None:
    arrows = [(a, b) for a, targets in graph().items() for b in targets
              if a.startswith("alicloud_ml.props") and b.startswith(("alicloud_ml.constructs", "alicloud_ml._cdk"))]
    assert arrows == []


def test_validating_a_platform_file_does_not_start_the_cdk_runtime() -> None:
    probe = ("import sys, alicloud_ml.config as c; c.load_config('stacks/envs/dev.toml', name_suffix='abcde'); "
             "print(sorted(m for m in ('jsii', 'cdktf', 'constructs', 'alicloud_ml.provider') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=PACKAGE.parent, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
