"""Fixes for what cdktf convert (0.21) writes in Python that does not run.

`cdktf convert` writes TypeScript and has jsii-rosetta translate it; these are the places where the
translation is not valid Python or uses names cdktf's Python API lacks (found by converting the
provider's documentation examples, `tests/convert`). Each fix is a rewrite of the text at the place
the parser points to, so comments and layout stay as convert wrote them:

- a long assignment wrapped after its `=` (`x =` then the value on the next line): joined;
- a TypeScript template literal turned into `"${" + name.value + "}-b"`: in Python the token is not a
  `str`, so each operand that is not a literal is wrapped in `Token.as_string(...)` (cdktf resolves
  `${${var.name}}` to `${var.name}`, as TypeScript's string conversion of the token does);
- `conditional(...)`, a TypeScript function of cdktf: `Fn.conditional(...)` in Python;
- `Token.as_boolean(...)`, which cdktf's Python API does not have: `Token.as_any(...)`;
- an operator with a falsy literal operand (`Op.gt(Fn.length_of(ids), 0)`): cdktf renders a falsy right
  operand as `undefined` (`tfExpression.js`, `this.right ? ... : undefined`), so the literal is passed
  as `Token.as_any(0)`, which renders as `0`.
"""

from __future__ import annotations

import ast
import re

_WRAPPED_ASSIGNMENT = re.compile(r" =\n\s+")


def repair(code: str) -> str:
    code = _WRAPPED_ASSIGNMENT.sub(" = ", code)
    code = re.sub(r"(?<![.\w])conditional\(", "Fn.conditional(", code)
    code = re.sub(r"^(from cdktf import .*?)\bconditional, ", r"\1", code, flags=re.M)
    code = code.replace("Token.as_boolean(", "Token.as_any(")
    code = _wrap_operands(code)
    return _import_from_cdktf(code, [n for n in ("Fn", "Token") if re.search(rf"(?<![.\w]){n}\.", code)])


def _wrap_operands(code: str) -> str:
    """Wrap every non-literal operand of a `"..." + x + "..."` chain in `Token.as_string(...)`, and every falsy
    literal operand of an `Op` call in `Token.as_any(...)`."""
    edits: list[tuple[int, int, str]] = []  # (line, column, text to insert), 1-based lines
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == "Op":
            edits += [edit for arg in node.args if isinstance(arg, ast.Constant) and not arg.value
                      for edit in _wrap(arg, "Token.as_any(")]
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)) or not _has_string(node):
            continue
        for operand in (node.left, node.right):
            if isinstance(operand, (ast.Name, ast.Attribute, ast.Subscript, ast.Call)) and not _is_as_string(operand):
                edits += _wrap(operand, "Token.as_string(")
    lines = code.split("\n")
    for line, column, text in sorted(edits, reverse=True):
        row = lines[line - 1].encode()
        lines[line - 1] = (row[:column] + text.encode() + row[column:]).decode()
    return "\n".join(lines)


def _wrap(node: ast.expr, call: str) -> list[tuple[int, int, str]]:
    return [(node.lineno, node.col_offset, call), (node.end_lineno or node.lineno, node.end_col_offset or 0, ")")]


def _has_string(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and (
        _has_string(node.left) or _has_string(node.right))


def _is_as_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "as_string"


def _import_from_cdktf(code: str, names: list[str]) -> str:
    """Make sure `from cdktf import ...` names each of `names`."""
    match = re.search(r"^from cdktf import (.*)$", code, flags=re.M)
    if match is None:
        return code if not names else f"from cdktf import {', '.join(names)}\n{code}"
    imported = [n.strip() for n in match[1].split(",")]
    missing = [n for n in names if n not in imported]
    if not missing:
        return code
    return code[: match.start(1)] + ", ".join(imported + missing) + code[match.end(1):]
