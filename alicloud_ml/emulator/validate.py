"""Validate a resource's configuration where the schema says the real provider would.

Covers what SDK v1 checks before any API call: enums, numeric ranges, regex patterns, list
lengths, ConflictsWith / ExactlyOneOf / AtLeastOneOf, and warnings for deprecated arguments.
Unknown values (not yet computed) are skipped; Terraform validates again once they are known.
Each problem names the resource type, the attribute path and what is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alicloud_ml.emulator.spec import Block
from alicloud_ml.emulator.wire import UNKNOWN


@dataclass(frozen=True)
class Problem:
    severity: str  # error | warning
    summary: str
    detail: str
    path: list[str | int]


def _is_set(value: Any) -> bool:
    return value is UNKNOWN or (value is not None and value != [] and value != {})


def _dotted(path: list[str | int]) -> str:
    return ".".join(str(p) for p in path)


def validate_resource(type_name: str, spec: Block, config: dict[str, Any]) -> list[Problem]:
    out: list[Problem] = []
    _validate_block(type_name, spec, config, config, [], out)
    return out


def _validate_block(type_name: str, spec: Block, config: dict[str, Any], top: dict[str, Any],
                    path: list[str | int], out: list[Problem]) -> None:
    seen_groups: set[tuple[str, ...]] = set()
    for name, attr in spec.attrs.items():
        value = config.get(name)
        where = path + [name]
        field = _dotted(where)
        if value is not None and value is not UNKNOWN:
            _check_value(type_name, field, attr, value, where, out)
            if attr.deprecated:
                out.append(Problem("warning", f"{type_name}: {field} is deprecated", attr.deprecated, where))
        if _is_set(value):
            clash = [c for c in attr.conflicts_with if _is_set(top.get(c))]
            if clash:
                out.append(Problem("error", f"{type_name}: {field} conflicts with {', '.join(clash)}",
                                   f"Set only one of {field} and {', '.join(clash)}.", where))
        if attr.exactly_one_of and attr.exactly_one_of not in seen_groups:
            seen_groups.add(attr.exactly_one_of)
            chosen = [k for k in attr.exactly_one_of if _is_set(top.get(k))]
            if len(chosen) != 1:
                got = "none" if not chosen else ", ".join(chosen)
                out.append(Problem("error", f"{type_name}: exactly one of {', '.join(attr.exactly_one_of)} must be set",
                                   f"Got {got}; accepted: exactly one of {', '.join(attr.exactly_one_of)}.", where))
        if attr.at_least_one_of and attr.at_least_one_of not in seen_groups:
            seen_groups.add(attr.at_least_one_of)
            if not any(_is_set(top.get(k)) for k in attr.at_least_one_of):
                out.append(Problem("error", f"{type_name}: one of {', '.join(attr.at_least_one_of)} must be set",
                                   f"Accepted: at least one of {', '.join(attr.at_least_one_of)}.", where))
    for name, nested in spec.blocks.items():
        value = config.get(name)
        if value is None or value is UNKNOWN:
            continue
        items = [value] if nested.mode == "single" else value
        for i, item in enumerate(items):
            if isinstance(item, dict):
                sub = path + [name] if nested.mode == "single" else path + [name, i]
                _validate_block(type_name, nested.block, item, top, sub, out)


def _check_value(type_name: str, field: str, attr: Any, value: Any, where: list[str | int], out: list[Problem]) -> None:
    if attr.allowed and isinstance(value, str):
        allowed = [str(a) for a in attr.allowed]  # IntInSlice lists numbers; a number may arrive as its decimal text
        ok = value.lower() in {a.lower() for a in allowed} if attr.allowed_ignore_case else value in allowed
        if not ok:
            out.append(Problem("error", f"{type_name}: {field}: invalid value {value!r}",
                               f"Accepted: {', '.join(allowed)}.", where))
    if attr.range and isinstance(value, (int, float)) and not isinstance(value, bool):
        lo, hi = attr.range
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = f"{lo if lo is not None else '-inf'}..{hi if hi is not None else 'inf'}"
            out.append(Problem("error", f"{type_name}: {field}: {value} is out of range",
                               f"Accepted: {bounds}.", where))
    if attr.pattern and isinstance(value, str) and not attr.pattern.search(value):
        out.append(Problem("error", f"{type_name}: {field}: invalid value {value!r}",
                           f"Accepted: a value matching {attr.pattern.pattern}.", where))
    if isinstance(value, list):
        if attr.max_items is not None and len(value) > attr.max_items:
            out.append(Problem("error", f"{type_name}: {field}: {len(value)} items is too many",
                               f"Accepted: at most {attr.max_items}.", where))
        if attr.min_items and len(value) < attr.min_items:
            out.append(Problem("error", f"{type_name}: {field}: {len(value)} items is too few",
                               f"Accepted: at least {attr.min_items}.", where))
