"""Argument specs of the generated L1 bindings and the checks behind them.

A generated class declares one `S` per argument (kind, required, allowed values, range,
pattern, nested block class) and `Group`s for the schema's exactly-one-of / at-least-one-of
rules; `validate` turns a call's arguments into every problem at once, each as
`<attribute path>: <what is wrong>`, and `synthesize` renders Terraform JSON (blocks as lists
of objects). Nested `Block`s only collect problems: the owning resource reports them with its
construct path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

from cdktf_cdktf_provider_alicloud._errors import Problem

_NUMBER_TOKEN_FLOOR = -1e288  # cdktf encodes number tokens as huge negative doubles


class _Required:
    """Default of a required argument, so a missing one is reported with the construct path, not as a TypeError."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


def given(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v is not REQUIRED}


class S(NamedTuple):
    """Spec of one argument: its Terraform kind and the constraints the provider schema states."""

    kind: str  # str | int | float | bool | list | set | map | block | any (nested collections, e.g. list of maps)
    required: bool = False
    allowed: tuple[Any, ...] | None = None  # strings, or numbers such as an EIP `period`
    ignore_case: bool = False
    range: tuple[float | None, float | None] | None = None
    elem: str | None = None  # element kind of list/set/map: str | num | bool
    block: Any = None  # Block subclass for kind == "block"
    nesting: str | None = None  # list | set | single
    min_items: int | None = None
    max_items: int | None = None
    pattern: str | None = None  # the provider's regex for the value
    conflicts: tuple[str, ...] = ()  # arguments that may not be set together with this one
    #: the provider removed it: terraform-plugin-sdk v1.17.2 helper/schema/schema.go:2007 refuses any
    #: value with "[REMOVED] <message>"
    removed: str | None = None


class Group(NamedTuple):
    """A cross-argument rule from the schema: `exactly_one_of` or `at_least_one_of` a set of arguments."""

    rule: str
    names: tuple[str, ...]


def is_token(value: Any) -> bool:
    """True for an unresolved cdktf token (string, number, list, map) or a jsii IResolvable."""
    if isinstance(value, str):
        return "${" in value or "{TfToken[" in value
    if isinstance(value, float):
        return value < _NUMBER_TOKEN_FLOOR
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        return "#{TfToken[" in value[0]
    if isinstance(value, dict):
        return any("&{TfToken[" in str(k) for k in value)
    return hasattr(value, "__jsii_ref__") or hasattr(value, "__jsii_type__")


def _describe(value: Any) -> str:
    return f"{value!r} ({type(value).__name__})"


def _check_scalar(kind: str, value: Any) -> str | None:
    """Return a problem text when `value` is not of the scalar kind, else None."""
    if is_token(value):
        return None
    if kind == "str":
        return None if isinstance(value, str) else f"expected a string, got {_describe(value)}"
    if kind == "bool":
        return None if isinstance(value, bool) else f"expected true or false, got {_describe(value)}"
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"expected an integer, got {_describe(value)}"
    if kind == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else f"expected a number, got {_describe(value)}"
    return None


_ELEM_KIND = {"str": "str", "num": "float", "bool": "bool"}


def validate_value(spec: S, value: Any, path: str, problems: list[Problem]) -> None:
    if spec.removed is not None:
        problems.append(Problem(path, f"[REMOVED] {spec.removed}"))
        return
    kind = spec.kind
    if kind == "any":  # a nested collection type: Terraform checks its shape at plan time
        return
    if kind == "block":
        _validate_block(spec, value, path, problems)
        return
    if kind in ("list", "set"):
        if is_token(value):
            return
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence | set | frozenset):
            problems.append(Problem(path, f"expected a list of {spec.elem or 'values'}, got {_describe(value)}"))
            return
        items = list(value)
        if spec.max_items is not None and len(items) > spec.max_items:
            problems.append(Problem(path, f"at most {spec.max_items} items allowed, got {len(items)}"))
        for i, item in enumerate(items):
            if problem := _check_scalar(_ELEM_KIND.get(spec.elem or "str", "str"), item):
                problems.append(Problem(f"{path}[{i}]", problem))
        return
    if kind == "map":
        if is_token(value):
            return
        if not isinstance(value, Mapping):
            problems.append(Problem(path, f"expected a mapping of {spec.elem or 'values'}, got {_describe(value)}"))
            return
        for key, item in value.items():
            if problem := _check_scalar(_ELEM_KIND.get(spec.elem or "str", "str"), item):
                problems.append(Problem(f"{path}.{key}", problem))
        return
    if problem := _check_scalar(kind, value):
        problems.append(Problem(path, problem))
        return
    if is_token(value):
        return
    if spec.allowed is not None:
        candidate = value.lower() if spec.ignore_case and isinstance(value, str) else value
        allowed = [a.lower() for a in spec.allowed] if spec.ignore_case else list(spec.allowed)
        if candidate not in allowed:
            problems.append(Problem(path, f"invalid value {value!r}", ", ".join(map(str, spec.allowed))))
    # The provider's validators use Go's regexp.MatchString: a search, anchored only where the pattern says so.
    if spec.pattern is not None and isinstance(value, str) and not re.search(spec.pattern, value):
        problems.append(Problem(path, f"invalid value {value!r}", f"a value matching {spec.pattern}"))
    if spec.range is not None and isinstance(value, (int, float)):
        low, high = spec.range
        if low is not None and value < low:
            problems.append(Problem(path, f"value {value} is less than the minimum allowed value of {low}"))
        if high is not None and value > high:
            problems.append(Problem(path, f"value {value} is more than the maximum allowed value of {high}"))


def _as_block(block_cls: type[Block], item: Any) -> Block | None:
    if isinstance(item, block_cls):
        return item
    if isinstance(item, Mapping):
        return block_cls._from_mapping(item)
    return None


def _unwrap_single(spec: S, value: Any) -> Any:
    """A single-nesting block given as a list of one (as `cdktf convert` writes `timeouts { ... }`): the item."""
    if spec.nesting == "single" and isinstance(value, (list, tuple)) and len(value) == 1:
        return value[0]
    return value


def _validate_block(spec: S, value: Any, path: str, problems: list[Problem]) -> None:
    block_cls: type[Block] = spec.block
    if is_token(value):
        return
    value = _unwrap_single(spec, value)
    items = [value] if spec.nesting == "single" or isinstance(value, (Block, Mapping)) else value
    if not isinstance(items, Sequence) or isinstance(items, str):
        problems.append(Problem(path, f"expected {block_cls.__name__} or a list of them, got {_describe(value)}"))
        return
    if spec.max_items is not None and len(items) > spec.max_items:
        problems.append(Problem(path, f"at most {spec.max_items} block(s) allowed, got {len(items)}"))
    if spec.min_items and len(items) < spec.min_items:
        problems.append(Problem(path, f"at least {spec.min_items} block(s) required, got {len(items)}"))
    for i, item in enumerate(items):
        block = _as_block(block_cls, item)
        item_path = path if spec.nesting == "single" else f"{path}[{i}]"
        if block is None:
            problems.append(Problem(item_path, f"expected {block_cls.__name__} (or a dict), got {_describe(item)}"))
        else:
            block._collect_problems(item_path, problems)


def _check_groups(groups: Sequence[Group], spec: Mapping[str, S], values: Mapping[str, Any], prefix: str,
                  problems: list[Problem]) -> None:
    for group in groups:
        given = [name for name in group.names if values.get(name) is not None]
        listed = ", ".join(group.names)
        if group.rule == "exactly_one_of" and len(given) != 1:
            got = ", ".join(given) if given else "none"
            problems.append(Problem(f"{prefix}{group.names[0]}", f"exactly one of {listed} must be set, got {got}"))
        elif group.rule == "at_least_one_of" and not given:
            problems.append(Problem(f"{prefix}{group.names[0]}", f"at least one of {listed} must be set"))
    for name, attr in spec.items():
        for other in attr.conflicts:
            if name < other and values.get(name) is not None and values.get(other) is not None:
                problems.append(Problem(f"{prefix}{name}", f"conflicts with {other}", hint="set only one of them"))


def tf_name(spec: Mapping[str, Any], aliases: Mapping[str, str], name: str) -> str | None:
    """The Terraform name a Python spelling stands for: ours (`node_`, `scope`), cdktf's (`page404_config`,
    `node_attribute`, listed in `aliases`) or the Terraform name itself; None when it names nothing."""
    for candidate in (aliases.get(name), name, name[:-1] if name.endswith("_") else None):
        if candidate is not None and candidate in spec:
            return candidate
    return None


def merge_aliases(spec: Mapping[str, S], aliases: Mapping[str, str], values: dict[str, Any],
                  unknown: dict[str, Any], alias_values: Mapping[str, Any], prefix: str) -> list[Problem]:
    """Fold values given under another spelling (cdktf's, ours) into `values`; a value given twice is a problem.

    `alias_values` are keyword parameters declared for an alias ({Terraform name: value}); keys of
    `unknown` that are aliases are taken out of it."""
    problems: list[Problem] = []
    given_as = [(tf, value) for tf, value in alias_values.items() if value is not None]
    for key in [k for k in unknown if tf_name(spec, aliases, k) is not None]:
        given_as.append((tf_name(spec, aliases, key), unknown.pop(key)))  # type: ignore[arg-type]
    for tf, value in given_as:
        if values.get(tf) is not None:
            problems.append(Problem(f"{prefix}{tf}", "given twice (under two spellings)", hint="give it once"))
        else:
            values[tf] = value
    return problems


def validate(spec: Mapping[str, S], values: Mapping[str, Any], unknown: Mapping[str, Any], prefix: str,
             groups: Sequence[Group] = ()) -> list[Problem]:
    """Every problem with `values` against `spec`, each naming its attribute path."""
    problems: list[Problem] = []
    for name in unknown:
        close = difflib.get_close_matches(name, list(spec), n=1)
        hint = f"did you mean {close[0]!r}?" if close else None
        problems.append(Problem(f"{prefix}{name}", "unknown argument", hint=hint))
    for name, attr in spec.items():
        value = values.get(name)
        if value is None:
            if attr.required:
                problems.append(Problem(f"{prefix}{name}", "required argument is missing"))
            continue
        validate_value(attr, value, prefix + name, problems)
    _check_groups(groups, spec, values, prefix, problems)
    return problems


def _to_terraform(spec: S, value: Any) -> Any:
    if spec.kind != "block" or is_token(value):
        if spec.kind == "set" and isinstance(value, (set, frozenset)):
            return sorted(value)
        if isinstance(value, tuple):
            return list(value)
        return value
    block_cls: type[Block] = spec.block
    if spec.nesting == "single":
        return _as_block(block_cls, _unwrap_single(spec, value))._to_terraform()  # type: ignore[union-attr]
    items = [value] if isinstance(value, (Block, Mapping)) else value
    return [_as_block(block_cls, item)._to_terraform() for item in items]  # type: ignore[union-attr]


def synthesize(spec: Mapping[str, S], values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: _to_terraform(spec[name], value) for name, value in values.items() if value is not None}


class Block:
    """A nested block (e.g. a node pool's `taints`). Problems surface when the owning resource is built."""

    _SPEC: ClassVar[dict[str, S]] = {}
    _GROUPS: ClassVar[tuple[Group, ...]] = ()
    _ALIASES: ClassVar[dict[str, str]] = {}  # cdktf's Python spelling -> Terraform name, where they differ
    _FIELDS: ClassVar[dict[str, Any]] = {}  # every field, computed ones too: what output references read
    __slots__ = ("_values", "_unknown", "_problems")

    def _init(self, values: dict[str, Any], unknown: Mapping[str, Any], alias_values: Mapping[str, Any] = {}) -> None:
        self._values = given(values)
        self._unknown = dict(unknown)
        self._problems = merge_aliases(self._SPEC, self._ALIASES, self._values, self._unknown, alias_values, "")

    @classmethod
    def _from_mapping(cls, mapping: Mapping[str, Any]) -> Block:
        """A block from a dict keyed by Terraform names or by the Python spellings of its arguments."""
        block = cls.__new__(cls)
        known = {k: v for k, v in mapping.items() if k in cls._SPEC}
        block._init(known, {k: v for k, v in mapping.items() if k not in cls._SPEC})
        return block

    def _collect_problems(self, path: str, problems: list[Problem]) -> None:
        problems.extend(p._replace(field=f"{path}.{p.field}") for p in self._problems)
        problems.extend(validate(self._SPEC, self._values, self._unknown, path + ".", self._GROUPS))

    def __getattr__(self, name: str) -> Any:
        """A field by its Python name, as cdktf's structs have them (`taint.key`)."""
        if name.startswith("_"):
            raise AttributeError(name)
        tf = tf_name(self._SPEC, self._ALIASES, name)
        if tf is None:
            raise AttributeError(f"{type(self).__name__!r} has no argument {name!r}")
        return self._values.get(tf)

    def _to_terraform(self) -> dict[str, Any]:
        return synthesize(self._SPEC, self._values)

    def __getitem__(self, name: str) -> Any:
        return self._values.get(name)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values == self._values  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"{type(self).__name__}({args})"


