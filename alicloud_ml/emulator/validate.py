"""Validate a resource's configuration the way terraform-plugin-sdk v1.17.2 does, before any API call.

The provider is built on that SDK (its go.mod); these rules follow `helper/schema/schema.go` at tag
v1.17.2 (line numbers below), as applied to the configuration Terraform sends:

- What "set" means (`terraform/resource.go` `ResourceConfig.get`, on the value
  `internal/configs/hcl2shim/values.go:35` `ConfigValueFromHCL2Block` builds): an attribute is set unless
  it is null, so `""`, `[]` and `{}` are set; a nested block is set unless it has no items. An unknown
  value is set.
- `validate` (schema.go:1410): ExactlyOneOf and AtLeastOneOf first, for set and unset attributes alike;
  then, for a set one, RequiredWith; then nothing more while the value is not wholly known (an unknown
  anywhere inside, `isWhollyKnown` :1478), except the Deprecated warning; then ConflictsWith, then the
  value's own checks (`validateType` :1984: enums, ranges, patterns, item counts, Deprecated, Removed).
- ExactlyOneOf (:1558): an unknown member counts neither as set nor as missing: none set is an error only
  when no member is unknown; two set is an error. AtLeastOneOf (:1594): an unknown member counts as set.
  RequiredWith (:1537): every listed attribute must be set (unknown counts as set).
- ConflictsWith (:1499): a conflicting attribute whose whole value is unknown is skipped ("An unknown
  value might become unset (null) once known"); a known one, even an empty list or string, conflicts.
- A nested block list with an unknown anywhere inside is not checked at all yet (`validateList` :1655);
  Terraform validates again once it is known.
- Removed (:2005): setting a removed attribute is the error `[REMOVED] <message>`; Deprecated (:2000 and
  :1463) a warning; a deprecated resource warns with its DeprecationMessage (`resource.go:393`).
Each problem names the resource type, the attribute path and what is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alicloud_ml.emulator.spec import Attr, Block, Nested
from alicloud_ml.emulator.wire import UNKNOWN, has_unknown


@dataclass(frozen=True)
class Problem:
    severity: str  # error | warning
    summary: str
    detail: str
    path: list[str | int]


def wholly_known(value: Any) -> bool:
    """No unknown anywhere inside (schema.go:1478 `isWhollyKnown`)."""
    return not has_unknown(value)


def _present(value: Any, is_block: bool) -> bool:
    """Set, as the SDK's shimmed config sees it: null never is, an empty block list is dropped."""
    return value is not None and not (is_block and value == [])


def lookup(config: dict[str, Any], spec: Block, key: str) -> tuple[Any, bool]:
    """The value at an SDK key (`name`, `block.0.attr`) and whether it is set (`ResourceConfig.get`)."""
    parts = key.split(".")
    current: Any = config
    block: Block | None = spec
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if current is UNKNOWN:
            return UNKNOWN, True
        if isinstance(current, dict):
            nested = block.blocks.get(part) if block is not None else None
            value = current.get(part)
            if last:
                return value, _present(value, nested is not None)
            block, current = (nested.block if nested is not None else None), value
        elif isinstance(current, list) and part.isdigit():
            index = int(part)
            if index >= len(current):
                return None, False
            current = current[index]
            if last:
                return current, current is not None
        else:
            return None, False
    return current, current is not None


def _dotted(path: list[str | int]) -> str:
    return ".".join(str(p) for p in path)


def validate_resource(type_name: str, spec: Block, config: dict[str, Any]) -> list[Problem]:
    out: list[Problem] = []
    if spec.deprecated:
        out.append(Problem("warning", f"{type_name} is deprecated", spec.deprecated, []))
    _Walk(type_name, spec, config, out).block(spec, config, [])
    return out


class _Walk:
    def __init__(self, type_name: str, top_spec: Block, top: dict[str, Any], out: list[Problem]):
        self.type_name, self.top_spec, self.top, self.out = type_name, top_spec, top, out
        self.groups: set[tuple[str, tuple[str, ...]]] = set()

    def problem(self, severity: str, summary: str, detail: str, where: list[str | int]) -> None:
        self.out.append(Problem(severity, f"{self.type_name}: {summary}", detail, where))

    def get(self, key: str) -> tuple[Any, bool]:
        return lookup(self.top, self.top_spec, key)

    def block(self, spec: Block, config: dict[str, Any], path: list[str | int]) -> None:
        for name, attr in spec.attrs.items():
            where = path + [name]
            value = config.get(name)
            if self.common(attr, _dotted(where), where, value, _present(value, False)):
                _check_value(self, _dotted(where), attr, value, where)
        for name, nested in spec.blocks.items():
            where = path + [name]
            value = config.get(name)
            if not self.common(nested, _dotted(where), where, value, _present(value, True)):
                continue
            items: list[Any] = [value] if nested.mode == "single" else list(value or [])
            count = len(items)
            field = _dotted(where)
            if nested.max_items is not None and count > nested.max_items:
                self.problem("error", f"{field}: {count} blocks is too many", f"Accepted: at most {nested.max_items}.",
                             where)
            if nested.min_items and count < nested.min_items:
                self.problem("error", f"{field}: {count} blocks is too few", f"Accepted: at least {nested.min_items}.",
                             where)
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    self.block(nested.block, item, where if nested.mode == "single" else where + [i])

    def common(self, rule: Attr | Nested, field: str, where: list[str | int], value: Any, present: bool) -> bool:
        """The SDK's `validate` (schema.go:1410) up to `validateType`; True when the value's own checks run."""
        self.one_of(rule, field, where)
        if not present:
            return False
        if rule.required_with:
            keys = sorted(set(rule.required_with) | {field})
            missing = [k for k in keys if not self.get(k)[1]]
            if missing:
                self.problem("error", f"{field} needs {', '.join(missing)}",
                             f"Accepted: all of {', '.join(keys)} set together (RequiredWith).", where)
        if not wholly_known(value):
            if rule.deprecated:
                self.problem("warning", f"{field} is deprecated", rule.deprecated, where)
            return False
        clash = [k for k in rule.conflicts_with if self.get(k)[1] and self.get(k)[0] is not UNKNOWN]
        if clash:
            self.problem("error", f"{field} conflicts with {', '.join(clash)}",
                         f"Set only one of {field} and {', '.join(clash)}.", where)
            return False
        if rule.deprecated:
            self.problem("warning", f"{field} is deprecated", rule.deprecated, where)
        if rule.removed:
            self.problem("error", f"{field} has been removed from the provider", f"[REMOVED] {rule.removed}", where)
            return False
        return True

    def one_of(self, rule: Attr | Nested, field: str, where: list[str | int]) -> None:
        """ExactlyOneOf (schema.go:1558) and AtLeastOneOf (:1594), reported once per group."""
        for kind, members in (("exactly", rule.exactly_one_of), ("at_least", rule.at_least_one_of)):
            if not members:
                continue
            keys = tuple(sorted(set(members) | {field}))
            if (kind, keys) in self.groups:
                continue
            self.groups.add((kind, keys))
            values = [self.get(k) for k in keys]
            unknown = [k for k, (v, ok) in zip(keys, values) if ok and not wholly_known(v)]
            chosen = [k for k, (v, ok) in zip(keys, values) if ok and k not in unknown]
            shown = ", ".join(members)
            if kind == "exactly" and len(chosen) > 1:
                self.problem("error", f"exactly one of {shown} must be set",
                             f"Got {', '.join(chosen)}; accepted: exactly one of {shown}.", where)
            elif kind == "exactly" and not chosen and not unknown:
                self.problem("error", f"exactly one of {shown} must be set",
                             f"Got none; accepted: exactly one of {shown}.", where)
            elif kind == "at_least" and not chosen and not unknown:
                self.problem("error", f"one of {shown} must be set", f"Accepted: at least one of {shown}.", where)


def _check_value(walk: _Walk, field: str, attr: Attr, value: Any, where: list[str | int]) -> None:
    """The value's own checks (`validateType`/`validatePrimitive`), for a set, wholly known value."""
    if attr.allowed and isinstance(value, str):
        allowed = [str(a) for a in attr.allowed]  # IntInSlice lists numbers; a number may arrive as its decimal text
        ok = value.lower() in {a.lower() for a in allowed} if attr.allowed_ignore_case else value in allowed
        if not ok:
            walk.problem("error", f"{field}: invalid value {value!r}", f"Accepted: {', '.join(allowed)}.", where)
    if attr.range and isinstance(value, (int, float)) and not isinstance(value, bool):
        lo, hi = attr.range
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = f"{lo if lo is not None else '-inf'}..{hi if hi is not None else 'inf'}"
            walk.problem("error", f"{field}: {value} is out of range", f"Accepted: {bounds}.", where)
    if attr.pattern and isinstance(value, str) and not attr.pattern.search(value):
        walk.problem("error", f"{field}: invalid value {value!r}",
                     f"Accepted: a value matching {attr.pattern.pattern}.", where)
    if isinstance(value, list):
        if attr.max_items is not None and len(value) > attr.max_items:
            walk.problem("error", f"{field}: {len(value)} items is too many", f"Accepted: at most {attr.max_items}.",
                         where)
        if attr.min_items and len(value) < attr.min_items:
            walk.problem("error", f"{field}: {len(value)} items is too few", f"Accepted: at least {attr.min_items}.",
                         where)
