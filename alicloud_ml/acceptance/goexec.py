"""A small Go interpreter for the provider's test functions, on the importer's tree-sitter evaluator.

The importer's `Evaluator` turns schema literals into values and inlines pure helper functions. A test
function needs more: statements in order (`if`, `for ... range`, `switch`, `+=`), closures, package
variables the test writes (`defaultRegionToTest`), the process environment (`os.Getenv`, `os.Setenv`),
`t.Skip`/`t.Fatal`, and the standard-library calls names are built with (`fmt`, `strings`, `strconv`,
`acctest`, `time`). Everything stays symbolic where the source is: a value only the cloud or the clock
would know becomes `Opaque`, and whoever needs it reports the test as not evaluable.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import Any

from tree_sitter import Node

from alicloud_ml.acceptance import gofmt
from alicloud_ml.importer.go_eval import Call, Evaluator, Frame, Opaque, Struct, Sym, go_string
from alicloud_ml.importer.go_index import Decl, GoPackage, named, text

#: Statements one test may execute (helpers included) before it is called a run-away.
STATEMENT_BUDGET = 200_000
#: Package functions never run: they reach the cloud or the test binary's globals.
_NEVER_RUN = re.compile(r"^(sharedClientForRegion|testSweep\w*|\w*Sweep\w*|NewTestClient|setStsCredential)$")
_CHAR_SETS = {"acctest.CharSetAlpha": gofmt.CHARSET_ALPHA, "acctest.CharSetAlphaNum": gofmt.CHARSET_ALPHA_NUM}


class TestAbort(Exception):
    """t.Skip / t.Fatal: the test stops here (`kind` is "skip" or "fatal")."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


class Unevaluable(Exception):
    """The test cannot be replayed: something it needs is only known at run time."""


@dataclass
class Closure:
    """A func literal with the variables it closes over."""

    node: Node
    env: dict[str, Any]
    file: str

    @property
    def params(self) -> list[str]:
        plist = self.node.child_by_field_name("parameters")
        out: list[str] = []
        for decl in named(plist) if plist is not None else []:
            out.extend([text(c) for c in decl.children_by_field_name("name")] or ["_"])
        return out


@dataclass
class Regex:
    """regexp.MustCompile(pattern): kept as its pattern (ExpectError, TestMatchResourceAttr)."""

    pattern: str


@dataclass
class Buffer:
    """bytes.Buffer / strings.Builder: what WriteString appended."""

    text: str = ""


@dataclass
class Replacer:
    """strings.NewReplacer(old, new, ...): at each position the first pair (in argument order) that matches."""

    pairs: list[tuple[str, str]]

    def replace(self, value: str) -> str:
        if not self.pairs:
            return value
        table = dict(reversed(self.pairs))  # the first pair wins for a repeated old string
        pattern = re.compile("|".join(re.escape(old) for old, _ in self.pairs if old))
        return pattern.sub(lambda m: table[m.group(0)], value)


@dataclass
class _Return:
    value: Any


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


@dataclass
class Process:
    """What one test run sees of the process: environment, package variables it wrote, random draws."""

    environ: dict[str, str]
    draws: gofmt.Draws
    globals: dict[str, Any] = field(default_factory=dict)
    env_read: set[str] = field(default_factory=set)  # environment variables read that the replay leaves empty
    statements: int = 0


class GoExec(Evaluator):
    """Runs test functions statement by statement. Subclasses add the test DSL's own calls (`builtin`)."""

    def __init__(self, pkg: GoPackage, externals: dict[str, Any], process: Process):
        super().__init__(pkg, externals, max_depth=30)
        self.process = process

    # -- calling ------------------------------------------------------------------------------
    def call_function(self, decl: Decl, args: list[Any]) -> Any:
        assert decl.node is not None
        if _NEVER_RUN.match(decl.name):
            return Opaque(decl.name, decl.file, f"{decl.name} reaches the cloud")
        if decl.name in self.stack and self.stack.count(decl.name) > 3 or len(self.stack) >= self.max_depth:
            return Opaque(decl.name, decl.file, f"recursion into {decl.name}")
        frame = Frame(decl.file, _bind(decl.node, decl.params, args))
        frame.env.update(dict.fromkeys(decl.result_names))
        self.stack.append(decl.name)
        try:
            body = decl.node.child_by_field_name("body")
            outcome = self.run_block(body, frame) if body is not None else None
        finally:
            self.stack.pop()
        if isinstance(outcome, _Return):
            return outcome.value
        if decl.result_names:
            return frame.env.get(decl.result_names[0])
        return None

    def call_closure(self, closure: Closure, args: list[Any]) -> Any:
        frame = Frame(closure.file, {**closure.env, **_bind(closure.node, closure.params, args)})
        body = closure.node.child_by_field_name("body")
        outcome = self.run_block(body, frame) if body is not None else None
        return outcome.value if isinstance(outcome, _Return) else None

    def call_value(self, fn: Any, args: list[Any], where: str) -> Any:
        """Call something a variable holds: a closure, a package function (by `Sym`), or a DSL object."""
        if isinstance(fn, Closure):
            return self.call_closure(fn, args)
        if isinstance(fn, Sym) and fn.name in self.pkg.funcs:
            return self.call_function(self.pkg.funcs[fn.name], args)
        if callable(fn):
            return fn(*args)
        return Opaque(str(fn), where, "call of a run-time function value")

    # -- statements ---------------------------------------------------------------------------
    def run_block(self, block: Node, frame: Frame) -> _Return | None:
        for stmt in self._statements(block):
            outcome = self.run_statement(stmt, frame)
            if outcome is not None:
                return outcome
        return None

    def _run_block(self, block: Node, frame: Frame) -> tuple[Any] | None:  # the importer's entry point
        outcome = self.run_block(block, frame)
        return (outcome.value,) if isinstance(outcome, _Return) else None

    def run_statement(self, stmt: Node, frame: Frame) -> _Return | None:
        self.process.statements += 1
        if self.process.statements > STATEMENT_BUDGET:
            raise Unevaluable(f"more than {STATEMENT_BUDGET} statements at {self.where(frame, stmt)}")
        kind = stmt.type
        if kind == "return_statement":
            values = named(stmt)
            exprs = named(values[0]) if values and values[0].type == "expression_list" else values
            if not exprs and (result := self._named_result()) is not None:
                return _Return(frame.env.get(result))
            return _Return(self.eval(exprs[0], frame) if exprs else None)
        if kind in ("short_var_declaration", "assignment_statement"):
            self._assign(stmt, frame)
        elif kind == "var_declaration":
            for spec in [s for c in named(stmt) for s in (named(c) if c.type == "var_spec_list" else [c])]:
                value = spec.child_by_field_name("value")
                vals = named(value) if value is not None else []
                type_node = spec.child_by_field_name("type")
                zero = Buffer() if text(type_node) in ("bytes.Buffer", "strings.Builder") else None
                for i, name in enumerate(spec.children_by_field_name("name")):
                    frame.env[text(name)] = self.eval(vals[i], frame) if i < len(vals) else zero
        elif kind == "const_declaration":
            for spec in named(stmt):
                value = spec.child_by_field_name("value")
                vals = named(value) if value is not None else []
                for i, name in enumerate(spec.children_by_field_name("name")):
                    frame.env[text(name)] = self.eval(vals[i], frame) if i < len(vals) else None
        elif kind == "expression_statement":
            expr = named(stmt)[0] if named(stmt) else None
            self.eval(expr, frame)
        elif kind in ("inc_statement", "dec_statement"):
            target = named(stmt)[0]
            value = self.eval(target, frame)
            if isinstance(value, int):
                self._store(target, value + (1 if kind == "inc_statement" else -1), frame)
        elif kind == "block":
            return self.run_block(stmt, Frame(frame.file, frame.env))
        elif kind == "if_statement":
            return self._if(stmt, frame)
        elif kind == "for_statement":
            return self._for(stmt, frame)
        elif kind == "expression_switch_statement":
            return self._switch(stmt, frame)
        elif kind == "break_statement":
            raise _Break
        elif kind == "continue_statement":
            raise _Continue
        # defer, go, select, labels, type switches: nothing the configs depend on
        return None

    def _if(self, stmt: Node, frame: Frame) -> _Return | None:
        init = stmt.child_by_field_name("initializer")
        if init is not None:
            self.run_statement(init, frame)
        condition = self.eval(stmt.child_by_field_name("condition"), frame)
        if not isinstance(condition, bool):
            return None  # undecidable here: neither branch runs
        branch = stmt.child_by_field_name("consequence" if condition else "alternative")
        if branch is None:
            return None
        return self.run_statement(branch, frame) if branch.type == "if_statement" else self.run_block(branch, frame)

    def _for(self, stmt: Node, frame: Frame) -> _Return | None:
        body = stmt.child_by_field_name("body")
        clause = next((c for c in named(stmt) if c.type in ("range_clause", "for_clause")), None)
        if body is None:
            return None
        if clause is not None and clause.type == "range_clause":
            collection = self.eval(clause.child_by_field_name("right"), frame)
            left = clause.child_by_field_name("left")
            targets = named(left) if left is not None else []
            if isinstance(collection, dict):
                items = list(sorted(collection.items(), key=lambda kv: str(kv[0])))
            elif isinstance(collection, (list, str)):
                items = list(enumerate(collection))
            elif isinstance(collection, int):
                items = [(i, i) for i in range(collection)]
            else:
                return None
            for key, value in items:
                for target, v in zip(targets, (key, value), strict=False):
                    if text(target) != "_":
                        frame.env[text(target)] = v
                outcome = self._iteration(body, frame)
                if outcome == "break":
                    break
                if isinstance(outcome, _Return):
                    return outcome
            return None
        init = cond = update = None
        if clause is not None:
            init, cond, update = (clause.child_by_field_name(f) for f in ("initializer", "condition", "update"))
        elif len(named(stmt)) == 2:
            cond = named(stmt)[0]
        if init is not None:
            self.run_statement(init, frame)
        for _ in range(10_000):
            if cond is not None:
                verdict = self.eval(cond, frame)
                if verdict is not True:
                    return None
            outcome = self._iteration(body, frame)
            if outcome == "break":
                return None
            if isinstance(outcome, _Return):
                return outcome
            if update is not None:
                self.run_statement(update, frame)
            if cond is None and clause is None:
                return None  # `for { ... }` polls the cloud: leave it
        raise Unevaluable(f"loop without end at {self.where(frame, stmt)}")

    def _iteration(self, body: Node, frame: Frame) -> _Return | str | None:
        try:
            return self.run_block(body, frame)
        except _Break:
            return "break"
        except _Continue:
            return None

    def _switch(self, stmt: Node, frame: Frame) -> _Return | None:
        init = stmt.child_by_field_name("initializer")
        if init is not None:
            self.run_statement(init, frame)
        value_node = stmt.child_by_field_name("value")
        value = self.eval(value_node, frame) if value_node is not None else True
        default = None
        for case in named(stmt):
            if case.type == "default_case":
                default = case
            elif case.type == "expression_case":
                values = case.child_by_field_name("value")
                if any(self.eval(v, frame) == value for v in named(values)):
                    return self._case_body(case, frame)
        return self._case_body(default, frame) if default is not None else None

    def _case_body(self, case: Node, frame: Frame) -> _Return | None:
        try:
            for child in named(case):
                if child.type == "statement_list":
                    return self.run_block(child, frame)
        except _Break:
            return None
        return None

    def _assign(self, stmt: Node, frame: Frame) -> None:
        left, right = stmt.child_by_field_name("left"), stmt.child_by_field_name("right")
        op_node = stmt.child_by_field_name("operator")
        op = text(op_node) if op_node is not None else "="
        if left is None or right is None:
            return
        targets, exprs = named(left), named(right)
        if op not in ("=", ":="):
            if len(targets) == 1 and len(exprs) == 1:
                current = self.eval(targets[0], frame)
                value = self._binary(current, op[:-1], self.eval(exprs[0], frame), text(stmt), frame, stmt)
                self._store(targets[0], value, frame)
            return
        if len(targets) == 2 and len(exprs) == 1 and exprs[0].type in ("index_expression",
                                                                      "type_assertion_expression"):
            values = list(self._comma_ok(exprs[0], frame))
        elif len(exprs) == len(targets):
            values = [self.eval(e, frame) for e in exprs]
        else:  # a, err := f(): a call's results beyond the first are errors or ok flags
            first = self.eval(exprs[0], frame) if exprs else None
            values = [first] + [None] * (len(targets) - 1)
        for target, value in zip(targets, values, strict=False):
            self._store(target, value, frame)

    def _comma_ok(self, expr: Node, frame: Frame) -> tuple[Any, Any]:
        """`v, ok := m[k]` and `v, ok := x.(T)`."""
        if expr.type == "type_assertion_expression":
            value = self.eval(expr.child_by_field_name("operand"), frame)
            wanted = text(expr.child_by_field_name("type"))
            kinds = {"string": str, "int": int, "bool": bool, "float64": float, "map[string]interface{}": dict,
                     "[]interface{}": list, "[]string": list}
            if wanted in kinds and not isinstance(value, (Opaque, Call, Sym)):
                ok = isinstance(value, kinds[wanted]) and not (kinds[wanted] is int and isinstance(value, bool))
                return (value if ok else None), ok
            return value, Opaque(text(expr), self.where(frame, expr), "type assertion of a run-time value")
        container = self.eval(expr.child_by_field_name("operand"), frame)
        key = self.eval(expr.child_by_field_name("index"), frame)
        if isinstance(container, dict) and isinstance(key, (str, int, bool)):
            return container.get(key), key in container
        return Opaque(text(expr), self.where(frame, expr), "index into a run-time value"), None

    def _store(self, target: Node, value: Any, frame: Frame) -> None:
        if target.type == "identifier":
            name = text(target)
            if name == "_":
                return
            if name not in frame.env and name in self.pkg.vars:
                self.process.globals[name] = value
            else:
                frame.env[name] = value
            return
        if target.type == "index_expression":
            container = self.eval(target.child_by_field_name("operand"), frame)
            key = self.eval(target.child_by_field_name("index"), frame)
            if isinstance(container, dict):
                container[key] = value
            elif isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container):
                container[key] = value
            return
        super()._store(target, value, frame)

    # -- expressions --------------------------------------------------------------------------
    def _e_identifier(self, node: Node, frame: Frame) -> Any:
        name = text(node)
        if name in frame.env:
            return frame.env[name]
        if name in self.process.globals:
            return self.process.globals[name]
        if name in self.pkg.vars and name not in self.process.globals:
            decl = self.pkg.vars[name]
            value = self.eval(decl.node, Frame(decl.file)) if decl.node is not None else None
            self.process.globals[name] = value
            return value
        return super()._e_identifier(node, frame)

    def _literal(self, type_text: str, body: Node | None, type_node: Node | None, frame: Frame) -> Any:
        try:
            return super()._literal(type_text, body, type_node, frame)
        except TypeError:  # a map key only known at run time
            return Opaque(type_text, self.where(frame, body), "map literal with a run-time key")

    def _e_func_literal(self, node: Node, frame: Frame) -> Any:
        return Closure(node, frame.env, frame.file)

    def _e_rune_literal(self, node: Node, frame: Frame) -> Any:
        return ord(go_string('"' + text(node)[1:-1] + '"'))

    def _e_type_assertion_expression(self, node: Node, frame: Frame) -> Any:
        return self.eval(node.child_by_field_name("operand"), frame)

    def _e_type_conversion_expression(self, node: Node, frame: Frame) -> Any:
        return self.eval(node.child_by_field_name("operand"), frame)

    def _e_slice_expression(self, node: Node, frame: Frame) -> Any:
        operand = self.eval(node.child_by_field_name("operand"), frame)
        start_node, end_node = node.child_by_field_name("start"), node.child_by_field_name("end")
        start = self.eval(start_node, frame) if start_node is not None else 0
        end = self.eval(end_node, frame) if end_node is not None else None
        if isinstance(operand, (str, list)) and isinstance(start, int) and (end is None or isinstance(end, int)):
            return operand[start:end]
        return Opaque(text(node), self.where(frame, node), "slice of a run-time value")

    def _e_selector_expression(self, node: Node, frame: Frame) -> Any:
        name = text(node)
        if name in _CHAR_SETS:
            return _CHAR_SETS[name]
        if name in gofmt.DURATIONS:
            return gofmt.GoDuration(gofmt.DURATIONS[name])
        operand = node.child_by_field_name("operand")
        if operand is not None and operand.type != "identifier":
            owner = self.eval(operand, frame)
            if isinstance(owner, Struct):
                return owner.fields.get(text(node.child_by_field_name("field")))
            if isinstance(owner, dict):  # a map value's field: not Go, but how DSL objects are kept
                return owner.get(text(node.child_by_field_name("field")))
        return super()._e_selector_expression(node, frame)

    def _e_binary_expression(self, node: Node, frame: Frame) -> Any:
        op = text(node.child_by_field_name("operator"))
        left = self.eval(node.child_by_field_name("left"), frame)
        if op == "&&" and left is False or op == "||" and left is True:
            return left
        right = self.eval(node.child_by_field_name("right"), frame)
        return self._binary(left, op, right, text(node), frame, node)

    def _binary(self, left: Any, op: str, right: Any, source: str, frame: Frame, node: Node) -> Any:
        if isinstance(left, gofmt.GoDuration) and isinstance(right, int):
            left, right = left.ns, right
            result = self._binary(left, op, right, source, frame, node)
            return gofmt.GoDuration(result) if isinstance(result, int) else result
        if isinstance(right, gofmt.GoDuration) and isinstance(left, int):
            return gofmt.GoDuration(left * right.ns) if op == "*" else Opaque(source, self.where(frame, node), op)
        plain = (str, int, float, bool, type(None))
        if op in ("==", "!=") and isinstance(left, plain) and isinstance(right, plain):
            return (left == right) == (op == "==")
        if op in ("&&", "||") and isinstance(left, bool) and isinstance(right, bool):
            return left and right if op == "&&" else left or right
        if isinstance(left, (int, float)) and isinstance(right, (int, float)) and not isinstance(left, bool):
            if op in ("<", "<=", ">", ">="):
                return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]
            if op == "%" and isinstance(left, int) and isinstance(right, int) and right:
                return int(abs(left) % abs(right) * (1 if left >= 0 else -1))
            if op == "/" and isinstance(left, int) and isinstance(right, int) and right:
                return int(left / right)  # Go truncates toward zero
            if op in ("+", "-", "*", "/") and (op != "/" or right):
                return {"+": left + right, "-": left - right, "*": left * right, "/": left / right}[op]
        if isinstance(left, str) and isinstance(right, str):
            if op == "+":
                return left + right
            if op in ("<", "<=", ">", ">="):
                return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]
        return Opaque(source, self.where(frame, node), f"binary {op} on run-time values")

    def _e_unary_expression(self, node: Node, frame: Frame) -> Any:
        op = text(node.child_by_field_name("operator"))
        if op in ("&", "*"):
            return self.eval(node.child_by_field_name("operand"), frame)
        return super()._e_unary_expression(node, frame)

    def _e_call_expression(self, node: Node, frame: Frame) -> Any:
        fn_node = node.child_by_field_name("function")
        assert fn_node is not None
        fname = text(fn_node)
        arg_nodes = named(node.child_by_field_name("arguments"))
        where = self.where(frame, node)
        if fname.startswith("t.") or fname in ("testing.Short",):
            return self._testing_t(fname, [self.eval(a, frame) for a in arg_nodes])
        # a method call on a value (`time.Now().Format(...)`, `ra.resourceAttrMapUpdateSet()`)
        if fn_node.type == "selector_expression":
            operand = fn_node.child_by_field_name("operand")
            method = text(fn_node.child_by_field_name("field"))
            if operand is not None and (operand.type != "identifier" or text(operand) in frame.env
                                        or text(operand) in self.pkg.vars):
                owner = self.eval(operand, frame)
                args = [self.eval(a, frame) for a in arg_nodes]
                return self.method(owner, method, args, where)
        args = []
        for a in arg_nodes:
            value = self.eval(named(a)[0] if a.type == "variadic_argument" else a, frame)
            if a.type == "variadic_argument" and isinstance(value, list):
                args.extend(value)
            else:
                args.append(value)
        found = self.builtin(fname, args, where)
        if found is not NotImplemented:
            return found
        if fname in frame.env:
            return self.call_value(frame.env[fname], args, where)
        if fname in ("string", "int", "int64", "int32", "float64", "bool") or fname in self.pkg.types:
            if fname == "string" and isinstance(args[0], int) and not isinstance(args[0], bool):
                return chr(args[0])
            return args[0] if args else None
        decl = self.pkg.funcs.get(fname)
        if decl is not None:
            return self.call_function(decl, args)
        if fname in self.pkg.vars:  # `var configFunc = func(...) string {...}`
            return self.call_value(self.eval(fn_node, frame), args, where)
        return Call(fname, args, where)

    def _testing_t(self, fname: str, args: list[Any]) -> Any:
        method = fname.split(".", 1)[1]
        if method in ("Skip", "Skipf", "SkipNow"):
            raise TestAbort("skip", self._message(args))
        if method in ("Fatal", "Fatalf", "FailNow", "Error", "Errorf", "Fail"):
            raise TestAbort("fatal", self._message(args))
        if method == "Setenv" and len(args) == 2 and all(isinstance(a, str) for a in args):
            self.process.environ[args[0]] = args[1]
        if method == "Name":
            return self.stack[0] if self.stack else ""
        if method == "Skipped":
            return False
        return None

    @staticmethod
    def _message(args: list[Any]) -> str:
        if args and isinstance(args[0], str):
            try:
                return gofmt.sprintf(args[0], args[1:]) if len(args) > 1 else args[0]
            except gofmt.Unformattable:
                return args[0]
        return ""

    def method(self, owner: Any, method: str, args: list[Any], where: str) -> Any:
        """Methods of values the interpreter knows: time values, strings.Builder-free helpers, DSL objects."""
        if isinstance(owner, gofmt.GoTime):
            handlers = {"Format": lambda: owner.format(args[0]), "AddDate": lambda: owner.add_date(*args),
                        "Add": lambda: owner.add(args[0]), "UTC": owner.utc, "Local": owner.utc, "In": owner.utc,
                        "Unix": owner.unix, "UnixMilli": owner.unix_milli, "Year": lambda: owner.at.year,
                        "Truncate": lambda: owner}
            if method in handlers:
                try:
                    return handlers[method]()
                except (TypeError, ValueError, KeyError):
                    pass
        if isinstance(owner, gofmt.GoDuration) and method in ("Seconds", "Minutes", "Hours", "Milliseconds"):
            scale = {"Seconds": 1e9, "Minutes": 6e10, "Hours": 3.6e12, "Milliseconds": 1e6}[method]
            return owner.ns / scale if method != "Milliseconds" else owner.ns // 1_000_000
        if isinstance(owner, Buffer) and method in ("WriteString", "String", "Len"):
            if method == "WriteString" and args and isinstance(args[0], str):
                owner.text += args[0]
                return len(args[0])
            return owner.text if method == "String" else len(owner.text)
        if isinstance(owner, Replacer) and method == "Replace" and args and isinstance(args[0], str):
            return owner.replace(args[0])
        if isinstance(owner, Closure) and method == "":
            return self.call_closure(owner, args)
        return Opaque(f"{method}()", where, f"method {method} of a run-time value")

    def builtin(self, fname: str, args: list[Any], where: str) -> Any:
        """The standard library calls tests use; NotImplemented for everything else."""
        strs = all(isinstance(a, str) for a in args)
        try:
            if fname in ("fmt.Sprintf", "fmt.Errorf") and args and isinstance(args[0], str):
                return gofmt.sprintf(args[0], args[1:])
            if fname in ("fmt.Sprint",):
                return "".join(gofmt.go_repr(a) for a in args)
            if fname in ("fmt.Println", "fmt.Printf", "log.Printf", "log.Println", "log.Print"):
                return None
            if fname == "os.Getenv" and strs:
                if args[0] not in self.process.environ:
                    self.process.env_read.add(args[0])
                return self.process.environ.get(args[0], "")
            if fname == "os.Setenv" and strs and len(args) == 2:
                self.process.environ[args[0]] = args[1]
                return None
            if fname == "os.Unsetenv" and strs:
                self.process.environ.pop(args[0], None)
                return None
            if fname == "len" and len(args) == 1 and isinstance(args[0], (str, list, dict)):
                return len(args[0])
            if fname == "append" and args and (args[0] is None or isinstance(args[0], list)):
                return [*(args[0] or []), *args[1:]]
            if fname == "make":
                return {} if args and isinstance(args[0], Sym) and args[0].name.startswith("map") else []
            if fname == "strings.NewReplacer" and strs and len(args) % 2 == 0:
                return Replacer(list(zip(args[::2], args[1::2], strict=True)))
            if fname in ("helper.Hashcode", "hashcode.String", "schema.HashString") and strs and len(args) == 1:
                return zlib.crc32(args[0].encode())  # helper/hashcode.go: crc32 IEEE, never negative on 64 bits
            if fname.startswith("strings.") and args and isinstance(args[0], (str, list)):
                return _strings(fname[8:], args)
            if fname.startswith("strconv."):
                return _strconv(fname[8:], args)
            if fname in ("rand.Intn", "rand.Int63n") and len(args) == 1 and isinstance(args[0], int):
                return self.process.draws.int_range(0, args[0])
            if fname.startswith("acctest.") or fname in ("randIntRange",):
                return self._acctest(fname.split(".")[-1], args)
            if fname == "time.Now":
                return gofmt.GoTime(gofmt.FIXED_NOW)
            if fname == "time.Duration" and len(args) == 1 and isinstance(args[0], int):
                return gofmt.GoDuration(args[0])
            if fname == "time.ParseDuration" and strs:
                return gofmt.parse_duration(args[0])
            if fname in ("regexp.MustCompile", "regexp.Compile") and strs:
                return Regex(args[0])
            if fname == "regexp.QuoteMeta" and strs:
                return re.sub(r"([\\.+*?()|\[\]{}^$])", r"\\\1", args[0])
        except gofmt.Unformattable as exc:
            return Opaque(fname, where, str(exc))
        except (TypeError, ValueError, IndexError) as exc:
            return Opaque(fname, where, f"{fname}: {exc}")
        return NotImplemented

    def _acctest(self, name: str, args: list[Any]) -> Any:
        draws = self.process.draws
        if name in ("RandIntRange", "randIntRange") and len(args) == 2 and all(isinstance(a, int) for a in args):
            return draws.int_range(args[0], args[1])
        if name == "RandInt":
            return draws.integer()
        if name == "RandString" and args and isinstance(args[0], int):
            return draws.string(args[0])
        if name == "RandStringFromCharSet" and len(args) == 2 and isinstance(args[0], int) and isinstance(args[1], str):
            return draws.string(args[0], args[1])
        if name == "RandomWithPrefix" and args and isinstance(args[0], str):
            return f"{args[0]}-{draws.integer()}"
        return Opaque(f"acctest.{name}", "", f"acctest.{name} (key pairs, certificates: generated at run time)")


def _bind(func: Node, params: list[str], args: list[Any]) -> dict[str, Any]:
    """Parameters to arguments; a variadic last parameter (`values ...interface{}`) takes the rest as a list."""
    plist = func.child_by_field_name("parameters")
    decls = named(plist) if plist is not None else []
    if decls and decls[-1].type == "variadic_parameter_declaration" and params:
        fixed = len(params) - 1
        return {**dict(zip(params[:fixed], args, strict=False)), params[-1]: list(args[fixed:])}
    return dict(zip(params, args, strict=False))


def _strings(name: str, args: list[Any]) -> Any:
    if name == "Join" and isinstance(args[0], list) and all(isinstance(a, str) for a in args[0]):
        return args[1].join(args[0])
    if name == "Repeat" and isinstance(args[1], int):
        return args[0] * args[1]
    if name == "Replace" and isinstance(args[3], int):
        return args[0].replace(args[1], args[2], args[3] if args[3] >= 0 else -1)
    if not all(isinstance(a, str) for a in args):
        raise ValueError(f"strings.{name} of run-time values")
    one = args[0]
    simple = {"ToLower": one.lower, "ToUpper": one.upper, "TrimSpace": one.strip, "Title": one.title}
    if name in simple:
        return simple[name]()
    two = {"Contains": lambda: args[1] in one, "HasPrefix": lambda: one.startswith(args[1]),
           "HasSuffix": lambda: one.endswith(args[1]), "TrimPrefix": lambda: one.removeprefix(args[1]),
           "TrimSuffix": lambda: one.removesuffix(args[1]), "Trim": lambda: one.strip(args[1]),
           "TrimLeft": lambda: one.lstrip(args[1]), "TrimRight": lambda: one.rstrip(args[1]),
           "Split": lambda: one.split(args[1]) if args[1] else list(one), "Index": lambda: one.find(args[1]),
           "ReplaceAll": lambda: one.replace(args[1], args[2]), "EqualFold": lambda: one.lower() == args[1].lower()}
    if name in two:
        return two[name]()
    raise ValueError(f"strings.{name} is not modelled")


def _strconv(name: str, args: list[Any]) -> Any:
    if name == "Itoa" and isinstance(args[0], int):
        return str(args[0])
    if name == "FormatInt" and isinstance(args[0], int) and args[1] == 10:
        return str(args[0])
    if name == "FormatBool" and isinstance(args[0], bool):
        return "true" if args[0] else "false"
    if name == "Quote" and isinstance(args[0], str):
        return gofmt.go_quote(args[0])
    if name == "Atoi" and isinstance(args[0], str):
        return int(args[0])
    raise ValueError(f"strconv.{name} is not modelled")
