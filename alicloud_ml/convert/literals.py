"""Literal strings carried around cdktf convert, which mangles some of them (found on the docs examples).

cdktf convert (0.21) keeps an HCL escape as typed (`"{\\"a\\":1}"` becomes the value `{\\"a\\":1}`),
adds a newline to a heredoc (`<<EOF ... EOF`) and to a string ending in `\\r`. A literal is therefore
replaced by a placeholder before converting and put back, as a Python string literal of its exact
value, in the output. Only literals convert gets wrong are replaced: quoted strings with an escape
and heredocs, without `${`/`%{` templates (those stay expressions for convert to translate); plain
strings such as "true" or "10" stay, so convert can still coerce them to the attribute's type.

Keys of object values (`configuration = { enableMonitor = "1" }`) with capitals are replaced too: the
Python translation turns them into snake case (`enable_monitor`), as it does for a struct's fields,
which changes a map's keys.
"""

from __future__ import annotations

import json
import re
import textwrap

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_HEREDOC = re.compile(r"<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\n(.*?)^[ \t]*\2[ \t]*$", re.S | re.M)
PREFIX = "__alicloud_ml_literal_"


def _quoted_end(hcl: str, start: int) -> tuple[int, str | None]:
    """(index after the closing quote, the value) of the quoted string opening at `start`; value None when it
    is a template or has no escape (left for convert)."""
    i, out, escaped = start + 1, [], False
    while i < len(hcl):
        ch = hcl[i]
        if ch == "\\" and i + 1 < len(hcl):
            nxt = hcl[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i, escaped = i + 2, True
                continue
            if nxt in "uU":
                width = 4 if nxt == "u" else 8
                out.append(chr(int(hcl[i + 2: i + 2 + width], 16)))
                i, escaped = i + 2 + width, True
                continue
        if ch in "$%" and hcl.startswith("{", i + 1):
            return _skip_template(hcl, start), None
        if ch == '"':
            return i + 1, "".join(out) if escaped else None
        if ch == "\n":
            return i, None
        out.append(ch)
        i += 1
    return i, None


def _skip_template(hcl: str, start: int) -> int:
    """Index after the closing quote of a template string (interpolations may nest strings and braces)."""
    i, depth = start + 1, 0
    while i < len(hcl):
        ch = hcl[i]
        if ch == "\\":
            i += 2
            continue
        if depth == 0 and ch == '"':
            return i + 1
        if ch in "$%" and hcl.startswith("{", i + 1):
            depth, i = depth + 1, i + 2
            continue
        if depth and ch == '"':
            i = _skip_template(hcl, i)
            continue
        if depth and ch == "{":
            depth += 1
        elif depth and ch == "}":
            depth -= 1
        i += 1
    return i


def protect(hcl: str) -> tuple[str, dict[str, str]]:
    """HCL with the literals convert mangles replaced by placeholders, and {placeholder: exact value}."""
    values: dict[str, str] = {}

    def placeholder(value: str) -> str:
        name = f"{PREFIX}{len(values)}__"
        values[name] = value
        return f'"{name}"'

    def is_key(end: int) -> bool:  # at a key position of an object, followed by `=` (not `==`) or `:`
        rest = hcl[end:].lstrip(" \t")
        return at_key and stack[-1:] == ["object"] and (rest[:1] == ":" or rest[:1] == "=" and rest[:2] != "==")

    out: list[str] = []
    stack: list[str] = []  # "object" or "block" for each open brace
    i, last, at_key = 0, "", False
    while i < len(hcl):
        ch = hcl[i]
        if ch == "#" or hcl.startswith(("//", "/*"), i):
            closing = "*/" if hcl.startswith("/*", i) else "\n"
            end = hcl.find(closing, i)
            end = len(hcl) if end < 0 else end + (len(closing) if closing == "*/" else 0)
            out.append(hcl[i:end])
            i = end
            continue
        if ch == '"':
            end, value = _quoted_end(hcl, i)
            text = hcl[i:end]
            if is_key(end) and text != text.lower():
                out.append(placeholder(text[1:-1] if value is None else value))
            else:
                out.append(text if value is None else placeholder(value))
            i, last, at_key = end, '"', False
            continue
        if hcl.startswith("<<", i) and (match := _HEREDOC.match(hcl, i)):
            body = match[3]
            templated = "${" in body or "%{" in body
            out.append(match[0] if templated else placeholder(textwrap.dedent(body) if match[1] else body))
            i, last, at_key = match.end(), '"', False
            continue
        if ch.isalpha() or ch == "_":
            end = i + 1
            while end < len(hcl) and (hcl[end].isalnum() or hcl[end] in "_-"):
                end += 1
            word = hcl[i:end]
            out.append(placeholder(word) if is_key(end) and word != word.lower() else word)
            i, last, at_key = end, "a", False
            continue
        if ch == "{":
            stack.append("object" if last in ("=", "(", "[", ",", ":", "?", "") else "block")
            at_key = True
        elif ch == "}":
            stack = stack[:-1]
        elif ch in ",\n":
            at_key = at_key or ch == "\n" or stack[-1:] == ["object"]
        elif not ch.isspace():
            at_key = False
        if not ch.isspace():
            last = ch
        out.append(ch)
        i += 1
    return "".join(out), values


def restore(python: str, values: dict[str, str]) -> str:
    """Put the exact values back into convert's Python, as string literals."""
    for name, value in values.items():
        literal = json.dumps(value, ensure_ascii=False)
        python = python.replace(f'"{name}"', literal).replace(name, literal[1:-1])
    return python
