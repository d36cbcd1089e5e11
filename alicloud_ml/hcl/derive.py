"""A construct's resources as HCL resources: probe synth, substitution, differential synths, collapse.

1. Synthesize the construct with the spec's probe props; its resources are the module's resources,
   named after their construct ids (`Resource` → `this`, `NatGateway` → `nat_gateway`).
2. Substitute probe values with `var.<field>` (`subst.py`) and references with HCL addresses;
   references to resources outside the construct become the spec's dependency inputs.
3. Collapse keyed copies (`Vswitch-<zone>`) into one resource with `for_each` (`Repeat`); copies
   must agree once their element is replaced by `each.key`/`each.value`.
4. Synthesize again per variant (`probe.variants`) and explain every difference: a resource or
   attribute that disappears gets a condition (`count`, a dynamic block, `cond ? v : null`, a
   `merge` member); a value that follows the field becomes `var.<field>`, a boolean of it, or a
   two-way choice. Anything else must be mapped in the spec, or generation fails naming the path.
5. Apply the spec's `exprs`, then collapse element markers (`§taints[0].key`) into `for`
   expressions and dynamic blocks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from alicloud_ml import schema
from alicloud_ml.hcl.explain import (
    GONE, NEW, all_exprs, at, cond, diff, element, get, input_sentinels, parse_path, path_text, put, value_rule,
)
from alicloud_ml.hcl.probe import ELEMENT, Raw, Synth, Variant, collections, sentinels, synthesize, variants
from alicloud_ml.hcl.render import Cond, Dynamic, Expr, Json, value
from alicloud_ml.hcl.spec import ModuleSpec, Repeat
from alicloud_ml.hcl.subst import AMBIGUOUS, Table, leftovers, rewrite, substitute

@dataclass
class HclResource:
    type: str
    name: str
    rel: str
    body: dict[str, Any]
    repeat: Repeat | None = None
    keys: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)

    @property
    def block_keys(self) -> frozenset[str]:
        return frozenset(schema.resource_schema(self.type)["block"].get("block_types", {}))


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").replace("/", "_").lower()


class Deriver:
    def __init__(self, spec: ModuleSpec):
        self.spec = spec
        self.exclude = set(spec.exclude)
        self.props = spec.probe()
        self.base = synthesize(spec, self.props)
        items = sentinels(self.props, self.exclude) + [
            s for i in spec.inputs if i.probe is not None for s in input_sentinels(i.variable.name, i.probe)]
        self.table = Table(items)
        self.collections = collections(self.props, self.exclude)
        self.problems: list[str] = []
        self.groups: dict[str, HclResource] = {}
        self.where: dict[str, tuple[str, str | None]] = {}   # logical id -> (name, key)
        for rel, raw in self.base.own.items():
            name, key, repeat = self._classify(rel)
            res = self.groups.setdefault(name, HclResource(raw.type, name, rel, {}, repeat))
            if key is not None:
                res.keys.append(key)
            self.where[raw.logical] = (name, key)

    # ------------------------------------------------------------------ naming and references

    def _classify(self, rel: str) -> tuple[str, str | None, Repeat | None]:
        for r in self.spec.repeats:
            m = re.match(r.pattern, rel)
            if m:
                return r.name, m.group(1), r
        if rel in self.spec.names:
            return self.spec.names[rel], None, None
        return ("this" if rel == "Resource" else snake(rel)), None, None

    def translate(self, rtype: str, logical: str, rest: str, copy_key: str | None = None,
                  copy_name: str | None = None) -> str:
        if logical in self.where:
            name, key = self.where[logical]
            res = self.groups[name]
            address = f"{rtype}.{name}"
            if res.repeat is not None:
                same = copy_name == name or (copy_key is not None and copy_key == key)
                address += "[each.key]" if same else f"[{self._key_expr(key)}]"
            elif res.when:
                address += "[0]"
            return address + rest
        if logical in self.base.external:
            attr = rest.lstrip(".")
            for inp in self.spec.inputs:
                if inp.ref is not None and inp.ref[0] == rtype and inp.ref[1] == attr:
                    return f"var.{inp.variable.name}"
            self.problems.append(f"reference to {rtype}.{attr} outside the construct: add an Input")
            return f"var.UNMAPPED_{rtype}_{snake(attr)}"
        self.problems.append(f"reference to unknown resource {rtype}.{logical}")
        return f"{rtype}.{logical}{rest}"

    def _key_expr(self, key: str | None) -> str:
        assert key is not None
        expr = self.table.strings.get(key)
        return expr if expr else value(key)

    # ------------------------------------------------------------------ the steps

    def run(self) -> list[HclResource]:
        facts = self._differential()
        for name, res in self.groups.items():  # conditions first: references to a counted resource take [0]
            gone = facts.get(name, {}).pop((), [])
            if f"{name}.@when" in self.spec.exprs:
                res.when = [self.spec.exprs[f"{name}.@when"]]
            elif gone:
                self._explain(res, {(): gone})
        for name, res in self.groups.items():
            copies = [r for r in self.base.own.values() if self.where[r.logical][0] == name]
            res.body = self._body(res, copies)
            res.depends_on = self._depends_on(copies[0])
        for name, res in self.groups.items():
            self._explain(res, facts.get(name, {}))
        for path, expr in self.spec.exprs.items():
            if not path.startswith("output."):
                self._apply_mapping(path, expr)
        for res in self.groups.values():
            res.body = {k: self._collapse(k, v, res.block_keys) for k, v in res.body.items()}
            self._check_leftovers(res)
        if self.problems:
            raise ValueError(f"module {self.spec.name}: cannot derive from {self.spec.construct}:\n  "
                             + "\n  ".join(dict.fromkeys(self.problems)))
        return list(self.groups.values())

    def _body(self, res: HclResource, copies: list[Raw]) -> dict[str, Any]:
        rendered: dict[str, dict[str, Any]] = {}
        for raw in copies:
            key = self.where[raw.logical][1]
            body = {k: v for k, v in raw.body.items() if k not in ("depends_on", "lifecycle")}
            tr = partial(self.translate, copy_key=key, copy_name=res.name)
            out = substitute(body, self._copy_table(res.repeat, key), tr)
            if res.repeat is not None and res.repeat.field:
                index = self._element_index(res.repeat, key)
                for marker in (f"var.{res.repeat.field}[{index}]", f"{ELEMENT}{res.repeat.field}[{index}]"):
                    out = rewrite(out, partial(_swap, marker, res.repeat.element))
            rendered[key or ""] = self._list_inputs(out)
        first_key, first = next(iter(rendered.items()))
        for key, other in rendered.items():
            for attr in sorted(set(first) | set(other)):
                if value(first.get(attr)) != value(other.get(attr)) and not self._mapped(f"{res.name}.{attr}"):
                    self.problems.append(f"{res.name}.{attr} differs between copies {first_key!r} and {key!r} "
                                         f"({value(first.get(attr))} vs {value(other.get(attr))}): map it in exprs")
        return first

    def _copy_table(self, repeat: Repeat | None, key: str | None) -> Table:
        if repeat is None or key is None:
            return self.table
        table = self.table.copy()
        table.strings[key] = "each.key"
        return table

    def _element_index(self, repeat: Repeat, key: str | None) -> int:
        probe = getattr(self.props, repeat.field or "", None)
        items = list(probe.keys()) if isinstance(probe, dict) else list(probe or ())
        if key in items:
            return items.index(key)
        return int(key) if key is not None and key.isdigit() else -1

    def _depends_on(self, raw: Raw) -> list[str]:
        out = []
        for dep in raw.body.get("depends_on") or []:
            rtype, logical = dep.split(".", 1)
            if logical in self.where:  # dependencies outside the construct come in through an input's reference
                out.append(f"{rtype}.{self.where[logical][0]}")
        return out

    # ------------------------------------------------------------------ differential synths

    def _differential(self) -> dict[str, dict[tuple[Any, ...], list[tuple[Variant, Any]]]]:
        facts: dict[str, dict[tuple[Any, ...], list[tuple[Variant, Any]]]] = defaultdict(lambda: defaultdict(list))
        self.variants = list(variants(self.props, self.exclude, self.spec))
        for v in self.variants:
            other: Synth = synthesize(self.spec, v.props, **v.switch)
            for name, res in self.groups.items():
                copies = [r for r in self.base.own.values() if self.where[r.logical][0] == name]
                present = [other.own.get(r.rel) for r in copies]
                if all(p is None for p in present):
                    facts[name][()].append((v, GONE))
                    continue
                if present[0] is None:
                    continue  # the keyed collection decides which copies exist
                for path, got in diff(copies[0].body, present[0].body, ()):
                    facts[name][path].append((v, got))
            base_rels = set(self.base.own)
            for rel in other.own:
                if rel not in base_rels and not self._classify(rel)[2] and not self._mapped(self._classify(rel)[0]):
                    self.problems.append(f"{rel} appears only when {v.field} = {v.value!r}: the probe must enable it")
        return facts

    def _explain(self, res: HclResource, facts: dict[tuple[Any, ...], list[tuple[Variant, Any]]]) -> None:
        for path in sorted(facts, key=len, reverse=True):
            where = path_text(res.name, path)
            if self._mapped(where):
                continue
            by_field: dict[str, list[tuple[Variant, Any]]] = defaultdict(list)
            for v, got in facts[path]:
                by_field[v.field].append((v, got))
            conds, values = [], []
            for fld, seen in by_field.items():
                base_attr = at(self._raw_body(res), path)
                changed = {id(v): got for v, got in seen}
                table = {seen[0][0].base: base_attr}
                for v in self.variants:
                    if v.field == fld:
                        table[v.value] = changed.get(id(v), base_attr)
                if any(got is NEW for _, got in seen):
                    self.problems.append(f"{where} appears only when {fld} changes: the probe must enable it")
                    continue
                present = {k for k, got in table.items() if got is not GONE}
                if seen[0][0].choices[:1] == ("set",) and "#json" not in path and path and \
                        self._built_from(res, path, fld):
                    continue  # made of the field: an empty or null field already leaves it empty or null
                if len(present) < len(table):
                    conds.append(cond(seen[0][0], present))
                rule = value_rule(seen[0][0], {k: x for k, x in table.items() if k in present})
                if rule is False:
                    self.problems.append(f"{where} follows {fld} in a way the generator cannot express "
                                         f"({table}): map it in exprs")
                elif isinstance(rule, str):
                    values.append(rule)
            if len(values) > 1:
                self.problems.append(f"{where} depends on several fields: map it in exprs")
                continue
            self._wrap(res, path, values[0] if values else None, conds)

    def output(self, name: str, raw: Any) -> Any:
        """One of the construct's own outputs, substituted, with the spec's `output.<name>…` mappings applied."""
        ir = substitute(raw, self.table, self.translate)
        for where, expr in self.spec.exprs.items():
            head, _, rest = where.partition("#")
            if head == f"output.{name}":
                ir = put(ir, ("#json", *parse_path(rest)), Expr(expr) if isinstance(expr, str) else expr)
        for hit in leftovers(ir, self.table, f"output.{name}"):
            self.problems.append(f"{hit}: a value derived from the props in Python: map it in exprs")
        return ir

    def _built_from(self, res: HclResource, path: tuple[Any, ...], fld: str) -> bool:
        exprs = all_exprs(get(res.body, path))
        return any(f"var.{fld}" in e or f"{ELEMENT}{fld}[" in e for e in exprs)

    def _raw_body(self, res: HclResource) -> dict[str, Any]:
        return next(r.body for r in self.base.own.values() if self.where[r.logical][0] == res.name)

    def _wrap(self, res: HclResource, path: tuple[Any, ...], rule: str | None, conds: list[str]) -> None:
        if not path:
            res.when.extend(c for c in conds if not (res.repeat and res.repeat.field and
                                                      c == f"length(var.{res.repeat.field}) > 0"))
            return
        current = get(res.body, path)
        new = Expr(rule) if rule is not None else current
        if conds:
            cond = " && ".join(conds)
            if isinstance(new, Expr) and "#json" not in path and cond in (f"{new} != null", f"length({new}) > 0"):
                pass  # a null or empty attribute is an unset one (not so for a JSON member)
            elif len(path) == 1 and path[0] in res.block_keys and isinstance(new, list) and len(new) == 1:
                new = Dynamic(Expr(f"{cond} ? [1] : []"), new[0])
            else:
                new = Cond(cond, new)
        res.body = put(res.body, path, new)

    # ------------------------------------------------------------------ mapping and collapse

    def _mapped(self, where: str) -> bool:
        return any(where == p or where.startswith((p + ".", p + "[", p + "#")) for p in self.spec.exprs) or \
            any(where == d or where.startswith(d + ".") for d in self.spec.drop)

    def _apply_mapping(self, where: str, expr: Any) -> None:
        name, _, rest = where.partition(".")
        res = self.groups.get(name)
        if res is None:
            self.problems.append(f"exprs: no resource {name!r} for {where!r}")
            return
        if rest.startswith("@"):
            return  # resource-level: applied before the bodies (references to a counted resource take [0])
        path = parse_path(rest)
        res.body = put(res.body, path, Expr(expr) if isinstance(expr, str) else expr)

    def _collapse(self, name: str, v: Any, block_keys: frozenset[str]) -> Any:
        for coll, (kind, n) in self.collections.items():
            if isinstance(v, list) and len(v) == n and n:
                texts = [value(item) for item in v]
                marker = f"{ELEMENT}{coll}["
                if all(f"{marker}{i}]" in t for i, t in enumerate(texts)) and \
                        len({t.replace(f"{marker}{i}]", f"{marker}*]") for i, t in enumerate(texts)}) == 1:
                    if name in block_keys:
                        it = f"{name}.value" if kind == "list" else name
                        content = rewrite(v[0], partial(_element_of, f"{marker}0]", kind, it))
                        return Dynamic(Expr(f"var.{coll}"), content)
                    it = "x" if kind == "list" else "k"
                    item = rewrite(v[0], partial(_element_of, f"{marker}0]", kind, it))
                    head = "x" if kind == "list" else "k, v"
                    return Expr(f"[for {head} in var.{coll} : {value(item, 1)}]")
            merged = self._merge_collapse(name, v, coll, kind, n, block_keys)
            if merged is not None:
                return merged
        if isinstance(v, list):
            return [self._collapse("", x, block_keys) for x in v]
        if isinstance(v, dict):
            return {k: self._collapse(k if name == "" else "", x, frozenset()) for k, x in v.items()}
        if isinstance(v, Json):
            return Json(self._collapse("", v.value, frozenset()))
        if isinstance(v, Cond):
            return Cond(v.cond, self._collapse(name, v.value, block_keys))
        return v

    def _merge_collapse(self, name: str, v: Any, coll: str, kind: str, n: int, block_keys: frozenset[str]) -> Any:
        """Blocks built from fixed entries plus a map field (`labels`): a dynamic block over `merge(fixed, map)`."""
        if kind != "map" or name not in block_keys or not isinstance(v, list):
            return None
        marker = f"{ELEMENT}{coll}["
        texts = [value(item) for item in v]
        members = [i for i, t in enumerate(texts) if marker in t]
        if len(members) != n or len(v) == n or not all(isinstance(item, dict) for item in v):
            return None
        template = v[members[0]]
        key_field = next((k for k, x in template.items() if isinstance(x, Expr) and x.endswith("].key")), None)
        val_field = next((k for k, x in template.items() if isinstance(x, Expr) and x.endswith("].value")), None)
        if key_field is None or val_field is None or set(template) != {key_field, val_field}:
            return None
        fixed = {}
        for i, item in enumerate(v):
            if i not in members:
                if set(item) != {key_field, val_field} or not isinstance(item[key_field], str):
                    return None
                fixed[item[key_field]] = item[val_field]
        return Dynamic(Expr(f"merge({value(fixed, 1)}, var.{coll})"),
                       {key_field: Expr(f"{name}.key"), val_field: Expr(f"{name}.value")})

    def _list_inputs(self, v: Any) -> Any:
        """`[var.vswitch_ids, var.vswitch_ids]` (every reference mapped to one list input) → `var.vswitch_ids`."""
        lists = {f"var.{i.variable.name}" for i in self.spec.inputs if i.variable.type.startswith("list(")}
        if isinstance(v, list) and v and all(isinstance(x, Expr) and x == v[0] for x in v) and v[0] in lists:
            return v[0]
        if isinstance(v, list):
            return [self._list_inputs(x) for x in v]
        if isinstance(v, dict):
            return {k: self._list_inputs(x) for k, x in v.items()}
        if isinstance(v, Json):
            return Json(self._list_inputs(v.value))
        return v

    def _check_leftovers(self, res: HclResource) -> None:
        res.body = rewrite(res.body, lambda e: re.sub(ELEMENT + r"(\w+)\[", r"var.\1[", e)
                           if not re.search(ELEMENT + r"\w+\[\d+\]\.(key|value)\b", e) else e)
        for e in [x for x in all_exprs(res.body) if ELEMENT in x or AMBIGUOUS in x]:
            self.problems.append(f"{res.name}: {e} is a map member not collapsed, or a value two probe fields share: "
                                 "make the probe unique or map the attribute")
        for hit in leftovers(res.body, self.table, res.name):
            self.problems.append(f"{hit}: a value derived from the props in Python: map it in exprs")


def _swap(marker: str, replacement: str, expr: str) -> str:
    return expr.replace(marker, replacement)


def _element_of(marker: str, kind: str, iterator: str, expr: str) -> str:
    return element(expr, marker, kind, iterator)
