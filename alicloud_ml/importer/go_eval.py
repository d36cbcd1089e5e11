"""A small symbolic evaluator for the Go expressions that build Terraform schemas.

It turns composite literals into Python values (dicts, lists, `Struct`), follows calls into the
package's own functions (schema helpers such as `tagsSchema()`), resolves package constants and
keeps everything else (validators, timeouts) as `Call` for the lowering step to interpret. What it
cannot know statically (loops, conditionals, runtime values) becomes `Opaque` or a note, so the
importer can report it instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tree_sitter import Node

from alicloud_ml.importer.go_index import Decl, GoPackage, named, text


@dataclass
class Struct:
    """A struct literal such as `&schema.Schema{...}`; `type` is the Go type without `&`/`*`."""

    type: str
    fields: dict[str, Any]
    where: str


@dataclass
class Call:
    """A call the evaluator does not inline (validators, timeouts, regexp): name and evaluated args."""

    func: str
    args: list[Any]
    where: str


@dataclass(frozen=True)
class Sym:
    """A name with no value here: `schema.TypeString`, a CRUD function, an external constant."""

    name: str


@dataclass
class Opaque:
    """A value only known at run time (or built in a way the evaluator does not follow)."""

    text: str
    where: str
    reason: str


@dataclass
class Frame:
    file: str
    env: dict[str, Any] = field(default_factory=dict)


CONVERSIONS = {"string", "int", "int32", "int64", "float32", "float64", "bool", "uint", "uint64"}
# Package functions whose result is a schema value (or a plain value used in one) are inlined.
INLINE_RESULT = re.compile(r"^\*?schema\.(Schema|Resource)$|^map\[string\]\*?schema\.Schema$|^\[\]?(string|int)$"
                           r"|^(string|int|int64|map\[string\]string)$")
_ESCAPES = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"', "'": "'"}


def go_string(literal: str) -> str:
    """The value of a Go string literal (interpreted "..." with escapes, or raw `...`)."""
    if literal.startswith("`"):
        return literal[1:-1].replace("\r", "")

    def unescape(m: re.Match[str]) -> str:
        s = m.group(1)
        if s[0] in "xuU":
            return chr(int(s[1:], 16))
        if s[0] in "01234567" and len(s) == 3:
            return chr(int(s, 8))
        return _SIMPLE.get(s, "\\" + s)

    return _ESCAPES.sub(unescape, literal[1:-1])


def go_int(literal: str) -> int:
    s = literal.replace("_", "")
    if len(s) > 1 and s[0] == "0" and s[1].isdigit():
        return int(s, 8)
    return int(s, 0)


def sprintf(fmt: str, args: list[Any]) -> str | None:
    """Go's fmt.Sprintf for the verbs schemas use in messages (%s %d %v %q %%); None otherwise."""
    out, rest = [], list(args)
    for m in re.finditer(r"%([-+# 0]*\d*(?:\.\d+)?)([a-zA-Z%])|[^%]+", fmt):
        if m.group(2) is None:
            out.append(m.group(0))
        elif m.group(2) == "%":
            out.append("%")
        elif m.group(2) in "sdvq" and rest and isinstance(rest[0], (str, int, float)):
            value = rest.pop(0)
            out.append(f'"{value}"' if m.group(2) == "q" else str(value))
        else:
            return None
    return "".join(out)


class Evaluator:
    """Evaluates expressions and function bodies of one package; collects notes on dynamic code."""

    def __init__(self, pkg: GoPackage, externals: dict[str, Any] | None = None, max_depth: int = 40):
        self.pkg = pkg
        self.externals = externals or {}
        self.max_depth = max_depth
        self.stack: list[str] = []
        self.notes: list[str] = []
        self._consts: dict[str, Any] = {}

    def where(self, frame: Frame, node: Node | None) -> str:
        return f"{frame.file}:{node.start_point[0] + 1}" if node is not None else frame.file

    # -- functions ---------------------------------------------------------------------------
    def call_function(self, decl: Decl, args: list[Any]) -> Any:
        """Run a package function's body symbolically and return what it returns."""
        assert decl.node is not None
        if decl.name in self.stack or len(self.stack) >= self.max_depth:
            return Opaque(decl.name, decl.file, f"recursive call to {decl.name}")
        frame = Frame(decl.file, dict(zip(decl.params, args, strict=False)))
        frame.env.update(dict.fromkeys(decl.result_names))
        self.stack.append(decl.name)
        try:
            body = decl.node.child_by_field_name("body")
            result = self._run_block(body, frame) if body is not None else None
        finally:
            self.stack.pop()
        if result is None:
            return Opaque(decl.name, self.where(frame, decl.node), f"{decl.name} returns no literal value")
        return result[0]

    def _statements(self, block: Node) -> list[Node]:
        out: list[Node] = []
        for child in named(block):
            out.extend(named(child) if child.type == "statement_list" else [child])
        return out

    def _run_block(self, block: Node, frame: Frame) -> tuple[Any] | None:
        for stmt in self._statements(block):
            kind = stmt.type
            if kind == "return_statement":
                values = [c for c in named(stmt)]
                exprs = named(values[0]) if values and values[0].type == "expression_list" else values
                if not exprs and (named_result := self._named_result()) is not None:
                    return (frame.env.get(named_result),)
                return (self.eval(exprs[0], frame) if exprs else None,)
            if kind in ("short_var_declaration", "assignment_statement"):
                self._assign(stmt, frame)
            elif kind == "var_declaration":
                for spec in named(stmt):
                    value = spec.child_by_field_name("value")
                    vals = named(value) if value is not None else []
                    for i, name in enumerate(spec.children_by_field_name("name")):
                        frame.env[text(name)] = self.eval(vals[i], frame) if i < len(vals) else None
            elif kind == "expression_statement":
                self._expression_statement(stmt, frame)
            elif kind in ("for_statement", "if_statement", "switch_statement", "expression_switch_statement"):
                self._note_dynamic(stmt, frame)
        return None

    def _named_result(self) -> str | None:
        decl = self.pkg.funcs.get(self.stack[-1]) if self.stack else None
        return decl.result_names[0] if decl is not None and decl.result_names else None

    def _note_dynamic(self, stmt: Node, frame: Frame) -> None:
        """A loop or branch that writes into a schema variable makes that schema run-time built."""
        body = text(stmt)
        for name in frame.env:
            if re.search(rf"\b{re.escape(name)}(\.Schema)?\s*\[[^\]]+\]\s*=", body):
                what = "a loop" if stmt.type == "for_statement" else "a conditional"
                self.notes.append(f"schema built dynamically in {what} at {self.where(frame, stmt)}")
                return

    def _expression_statement(self, stmt: Node, frame: Frame) -> None:
        expr = named(stmt)[0] if named(stmt) else None
        if expr is None or expr.type != "call_expression":
            return
        fn = text(expr.child_by_field_name("function"))
        args = named(expr.child_by_field_name("arguments"))
        if fn == "delete" and len(args) == 2:
            target, key = self.eval(args[0], frame), self.eval(args[1], frame)
            if isinstance(target, dict):
                target.pop(key, None)

    def _assign(self, stmt: Node, frame: Frame) -> None:
        left, right = stmt.child_by_field_name("left"), stmt.child_by_field_name("right")
        op = stmt.child_by_field_name("operator")
        if left is None or right is None or (op is not None and text(op) not in ("=", ":=")):
            return
        targets, exprs = named(left), named(right)
        values = [self.eval(e, frame) for e in exprs] if len(exprs) == len(targets) else [None] * len(targets)
        for target, value in zip(targets, values, strict=False):
            self._store(target, value, frame)

    def _store(self, target: Node, value: Any, frame: Frame) -> None:
        if target.type == "identifier":
            frame.env[text(target)] = value
        elif target.type == "index_expression":
            container = self.eval(target.child_by_field_name("operand"), frame)
            key = self.eval(target.child_by_field_name("index"), frame)
            if isinstance(container, dict) and isinstance(key, str):
                container[key] = value
        elif target.type == "selector_expression":
            owner = self.eval(target.child_by_field_name("operand"), frame)
            if isinstance(owner, Struct):
                owner.fields[text(target.child_by_field_name("field"))] = value

    # -- expressions -------------------------------------------------------------------------
    def eval(self, node: Node | None, frame: Frame) -> Any:
        if node is None:
            return None
        handler = getattr(self, f"_e_{node.type}", None)
        if handler is None:
            return Opaque(text(node), self.where(frame, node), f"unsupported Go expression ({node.type})")
        return handler(node, frame)

    def _e_interpreted_string_literal(self, node: Node, frame: Frame) -> Any:
        return go_string(text(node))

    _e_raw_string_literal = _e_interpreted_string_literal

    def _e_int_literal(self, node: Node, frame: Frame) -> Any:
        return go_int(text(node))

    def _e_float_literal(self, node: Node, frame: Frame) -> Any:
        return float(text(node).replace("_", ""))

    def _e_true(self, node: Node, frame: Frame) -> Any:
        return True

    def _e_false(self, node: Node, frame: Frame) -> Any:
        return False

    def _e_nil(self, node: Node, frame: Frame) -> Any:
        return None

    def _e_parenthesized_expression(self, node: Node, frame: Frame) -> Any:
        return self.eval(named(node)[0], frame)

    def _e_literal_element(self, node: Node, frame: Frame) -> Any:
        return self.eval(named(node)[0], frame)

    def _e_func_literal(self, node: Node, frame: Frame) -> Any:
        return Opaque(text(node), self.where(frame, node), "function literal")  # its text: diff_funcs reads it

    def _e_identifier(self, node: Node, frame: Frame) -> Any:
        name = text(node)
        if name in frame.env:
            return frame.env[name]
        if name in self.pkg.consts:
            return self.const(name)
        if name in self.pkg.vars:
            decl = self.pkg.vars[name]
            return self.eval(decl.node, Frame(decl.file)) if decl.node is not None else None
        return Sym(name)

    def const(self, name: str) -> Any:
        if name not in self._consts:
            decl = self.pkg.consts[name]
            self._consts[name] = Opaque(name, decl.file, "const cycle")
            value = self.eval(decl.node, Frame(decl.file)) if decl.node is not None else None
            self._consts[name] = value if decl.node is not None else Opaque(name, decl.file, "iota const")
        return self._consts[name]

    def _e_iota(self, node: Node, frame: Frame) -> Any:
        return Opaque("iota", self.where(frame, node), "iota const")

    def _e_selector_expression(self, node: Node, frame: Frame) -> Any:
        operand = node.child_by_field_name("operand")
        fld = text(node.child_by_field_name("field"))
        if operand is not None and operand.type == "identifier" and text(operand) in frame.env:
            owner = frame.env[text(operand)]
            if isinstance(owner, Struct):
                return owner.fields.get(fld)
            return Opaque(text(node), self.where(frame, node), "field of a run-time value")
        name = text(node)
        return self.externals[name] if name in self.externals else Sym(name)

    def _e_unary_expression(self, node: Node, frame: Frame) -> Any:
        op = text(node.child_by_field_name("operator"))
        value = self.eval(node.child_by_field_name("operand"), frame)
        if op == "&":
            return value
        if op == "-" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value
        if op == "!" and isinstance(value, bool):
            return not value
        return Opaque(text(node), self.where(frame, node), f"unary {op} on a run-time value")

    def _e_binary_expression(self, node: Node, frame: Frame) -> Any:
        left = self.eval(node.child_by_field_name("left"), frame)
        right = self.eval(node.child_by_field_name("right"), frame)
        op = text(node.child_by_field_name("operator"))
        num = (int, float)
        try:
            if op == "+" and isinstance(left, str) and isinstance(right, str):
                return left + right
            if isinstance(left, num) and isinstance(right, num) and op in ("+", "-", "*", "/"):
                if op == "/" and isinstance(left, int) and isinstance(right, int):
                    return left // right
                return {"+": left + right, "-": left - right, "*": left * right, "/": left / right}[op]
        except ZeroDivisionError:
            pass
        return Opaque(text(node), self.where(frame, node), f"binary {op} on run-time values")

    def _e_index_expression(self, node: Node, frame: Frame) -> Any:
        container = self.eval(node.child_by_field_name("operand"), frame)
        key = self.eval(node.child_by_field_name("index"), frame)
        if isinstance(container, dict) and key in container:
            return container[key]
        if isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container):
            return container[key]
        return Opaque(text(node), self.where(frame, node), "index into a run-time value")

    def _e_composite_literal(self, node: Node, frame: Frame) -> Any:
        type_node = node.child_by_field_name("type")
        return self._literal(text(type_node) if type_node is not None else "", node.child_by_field_name("body"),
                             type_node, frame)

    def _literal(self, type_text: str, body: Node | None, type_node: Node | None, frame: Frame) -> Any:
        elements = named(body) if body is not None else []
        if type_text.startswith("map["):
            value_type = text(type_node.child_by_field_name("value")) if type_node is not None else ""
            out: dict[Any, Any] = {}
            for el in elements:
                if el.type == "keyed_element":
                    key = self.eval(el.child_by_field_name("key") or named(el)[0], frame)
                    out[key if not isinstance(key, Sym) else key.name] = self._element(
                        el.child_by_field_name("value") or named(el)[-1], value_type, frame)
            return out
        if type_text.startswith("[") or type_text == "":
            elem_type = re.sub(r"^\[[^\]]*\]", "", type_text)
            return [self._element(el, elem_type, frame) for el in elements]
        fields: dict[str, Any] = {}
        for el in elements:
            if el.type == "keyed_element":
                key_node = el.child_by_field_name("key") or named(el)[0]
                fields[text(key_node).strip()] = self._element(el.child_by_field_name("value") or named(el)[-1],
                                                               "", frame)
        return Struct(type_text.lstrip("*&"), fields, self.where(frame, body if body is not None else type_node))

    def _element(self, node: Node, implied_type: str, frame: Frame) -> Any:
        inner = named(node)[0] if node.type == "literal_element" and named(node) else node
        if inner.type == "literal_value":
            return self._literal(implied_type.lstrip("*&"), inner, None, frame)
        return self.eval(inner, frame)

    def _e_call_expression(self, node: Node, frame: Frame) -> Any:
        fn_node = node.child_by_field_name("function")
        fname = text(fn_node)
        arg_nodes = named(node.child_by_field_name("arguments"))
        args = [self.eval(a, frame) for a in arg_nodes]
        where = self.where(frame, node)
        if (fname in CONVERSIONS or fname in self.pkg.types) and len(args) == 1:
            return args[0]
        if fname == "fmt.Sprintf" and args and isinstance(args[0], str):
            formatted = sprintf(args[0], args[1:])
            return formatted if formatted is not None else Opaque(text(node), where, "fmt.Sprintf of run-time values")
        if fname == "strings.Join" and len(args) == 2 and isinstance(args[0], list) and isinstance(args[1], str):
            if all(isinstance(a, str) for a in args[0]):
                return args[1].join(args[0])
        if fname == "strings.Fields" and len(args) == 1 and isinstance(args[0], str):
            return args[0].split()
        if fname == "strings.Split" and len(args) == 2 and all(isinstance(a, str) for a in args):
            return args[0].split(args[1])
        if fname == "append" and args and (args[0] is None or isinstance(args[0], list)):
            return [*(args[0] or []), *args[1:]]
        decl = self.pkg.funcs.get(fname)
        if decl is not None and INLINE_RESULT.match(decl.result.replace(" ", "")):
            return self.call_function(decl, args)
        return Call(fname, args, where)
