"""HCL text from Python values: literals, raw expressions, templates, `jsonencode`, blocks.

The generator builds each module as plain Python data with a few markers (`Expr` for an
expression, `Template` for an interpolated string, `Json` for a JSON-string attribute, `Dynamic`
for a dynamic block) and this module prints it; `terraform fmt` then aligns it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
INDENT = "  "


class Expr(str):
    """A raw HCL expression (`var.name`, `alicloud_vpc.this.id`), printed as is."""


@dataclass(frozen=True)
class Template:
    """An interpolated string: literal parts and `Expr` parts (`"${var.name}-vpc"`)."""

    parts: tuple[str | Expr, ...]

    @classmethod
    def of(cls, parts: Iterable[str | Expr]) -> str | Expr | Template:
        merged: list[str | Expr] = []
        for part in parts:
            if part == "" and not isinstance(part, Expr):
                continue
            if merged and type(part) is str and type(merged[-1]) is str:
                merged[-1] = merged[-1] + part
            else:
                merged.append(part)
        if not merged:
            return ""
        if len(merged) == 1:
            return merged[0]
        return cls(tuple(merged))


@dataclass(frozen=True)
class Json:
    """A JSON-string attribute, printed as `jsonencode(<value>)`."""

    value: Any


@dataclass(frozen=True)
class Cond:
    """`cond ? value : null`: an attribute (or, inside an object, a member) that exists only when `cond` holds."""

    cond: str
    value: Any


@dataclass
class Dynamic:
    """A dynamic block: `dynamic "<name>" { for_each = …  content { … } }` (iterator = the block name)."""

    for_each: Expr
    content: dict[str, Any]


@dataclass
class Block:
    """A top-level or nested block: `type "label" … { body }`."""

    type: str
    labels: tuple[str, ...] = ()
    body: dict[str, Any] = field(default_factory=dict)
    comment: str = ""
    block_keys: frozenset[str] = frozenset()


def quote(text: str) -> str:
    """A quoted HCL string literal (escapes, and `${`/`%{` kept literal)."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    return '"' + body.replace("${", "$${").replace("%{", "%%{") + '"'


def key(name: str) -> str:
    return name if _IDENT.match(name) else quote(name)


def value(v: Any, level: int = 0) -> str:
    """One HCL expression for `v`."""
    if isinstance(v, Expr):
        return str(v)
    if isinstance(v, Template):
        out = []
        for part in v.parts:
            out.append("${" + part + "}" if isinstance(part, Expr) else quote(part)[1:-1])
        return '"' + "".join(out) + '"'
    if isinstance(v, Json):
        return f"jsonencode({value(v.value, level)})"
    if isinstance(v, Cond):
        return f"{v.cond} ? {value(v.value, level)} : null"
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(int(v)) if isinstance(v, float) and v.is_integer() else repr(v)
    if isinstance(v, str):
        return quote(v)
    pad, inner = INDENT * level, INDENT * (level + 1)
    if isinstance(v, Mapping):
        if not v:
            return "{}"
        if any(isinstance(x, Cond) for x in v.values()):
            fixed = {k: x for k, x in v.items() if not isinstance(x, Cond)}
            parts = [value(fixed, level)] if fixed else []
            parts += [f"{x.cond} ? {value({k: x.value}, level)} : {{}}" for k, x in v.items() if isinstance(x, Cond)]
            return "merge(" + ", ".join(parts) + ")"
        if all(not isinstance(x, (Mapping, list, tuple, Cond, Json)) for x in v.values()):
            flat = "{ " + ", ".join(f"{key(str(k))} = {value(x)}" for k, x in v.items()) + " }"
            if len(flat) <= 70 and "\n" not in flat:
                return flat
        lines = [f"{inner}{key(str(k))} = {value(x, level + 1)}" for k, x in v.items()]
        return "{\n" + "\n".join(lines) + f"\n{pad}}}"
    if isinstance(v, Sequence):
        items = [value(x, level + 1) for x in v]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 80 and "\n" not in one_line:
            return one_line
        return "[\n" + "".join(f"{inner}{item},\n" for item in items) + f"{pad}]"
    raise TypeError(f"cannot render {type(v).__name__} as HCL: {v!r}")


def body(items: Mapping[str, Any], level: int, block_keys: frozenset[str] = frozenset()) -> list[str]:
    """Lines of a block body: attributes first, then nested blocks (`block_keys`, `Dynamic`, `Block`)."""
    pad = INDENT * level
    attrs, nested = [], []
    for name, v in items.items():
        if isinstance(v, Dynamic):
            nested.append(f'{pad}dynamic "{name}" {{')
            nested.append(f"{pad}{INDENT}for_each = {value(v.for_each, level + 1)}")
            nested.append(f"{pad}{INDENT}content {{")
            nested.extend(body(v.content, level + 2))
            nested.append(f"{pad}{INDENT}}}")
            nested.append(f"{pad}}}")
        elif isinstance(v, Block):
            nested.extend(render_block(v, level))
        elif name in block_keys and isinstance(v, list) and all(isinstance(b, Mapping) for b in v):
            for item in v:
                nested.append(f"{pad}{name} {{")
                nested.extend(body(item, level + 1))
                nested.append(f"{pad}}}")
        elif name in block_keys and isinstance(v, Mapping):
            nested.append(f"{pad}{name} {{")
            nested.extend(body(v, level + 1))
            nested.append(f"{pad}}}")
        else:
            attrs.append(f"{pad}{name} = {value(v, level)}")
    if attrs and nested:
        attrs.append("")
    return attrs + nested


def render_block(block: Block, level: int = 0) -> list[str]:
    pad = INDENT * level
    head = " ".join([block.type, *(quote(label) for label in block.labels)])
    lines = [f"{pad}# {line}".rstrip() for line in block.comment.splitlines()] if block.comment else []
    inner = body(block.body, level + 1, block.block_keys)
    if not inner:
        return [*lines, f"{pad}{head} {{}}"]
    return [*lines, f"{pad}{head} {{", *inner, f"{pad}}}"]


def render_file(blocks: Sequence[Block | str], header: str = "") -> str:
    """Blocks (or raw text) separated by blank lines, after an optional `#` header comment."""
    parts = [("\n".join(f"# {line}".rstrip() for line in header.splitlines()) + "\n") if header else ""]
    chunks = []
    for b in blocks:
        if isinstance(b, str):
            chunks.append(b.rstrip("\n"))
        else:
            chunks.append("\n".join(render_block(b)))
    text = "\n\n".join(chunks)
    return (parts[0] + ("\n" if parts[0] else "") + text).rstrip("\n") + "\n"


def terraform_fmt(directory: Path) -> None:
    """`terraform fmt -recursive` on the generated tree (required: the output must be fmt-clean)."""
    exe = shutil.which("terraform") or shutil.which("tofu")
    if exe is None:
        raise RuntimeError("terraform (or tofu) is needed on PATH to format the generated modules")
    subprocess.run([exe, "fmt", "-recursive", "-list=false", str(directory)], check=True, capture_output=True,
                   text=True)
