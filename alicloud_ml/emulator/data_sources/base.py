"""What data-source reader modules share: the query, the error, the registry of readers and how an
answer is shaped to the data source's schema. `alicloud_ml.emulator.data_sources.read` picks the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from alicloud_ml.emulator import spec
from alicloud_ml.emulator.store import Store


class DataSourceError(Exception):
    """A data source the emulated API refuses or cannot answer; one diagnostic."""


@dataclass(frozen=True)
class Query:
    type_name: str
    config: dict[str, Any]
    store: Store
    region: str


Reader = Callable[[Query], dict[str, Any]]
_READERS: dict[str, Reader] = {}


def reader(*types: str) -> Callable[[Reader], Reader]:
    def register(fn: Reader) -> Reader:
        for t in types:
            _READERS[t] = fn
        return fn

    return register


def pattern(query: Query, key: str) -> re.Pattern[str] | None:
    """The regular expression the query gives in `key` (`name_regex`), or None; a bad one is refused."""
    text = query.config.get(key)
    if not isinstance(text, str) or not text:
        return None
    try:
        return re.compile(text)
    except re.error as exc:
        raise DataSourceError(f"{query.type_name} {key} {text!r} is not a valid regular expression: {exc}") from None


def object_keys(type_name: str, attr: str) -> tuple[str, ...]:
    """The keys of the objects in list attribute `attr` of a data source (`vpcs`, `zones`), or ()."""
    a = spec.data_source(type_name).attrs.get(attr)
    t = a.type if a is not None else None
    if isinstance(t, list) and t[0] == "list" and isinstance(t[1], list) and t[1][0] == "object":
        return tuple(t[1][1])
    return ()


def shape(t: Any, value: Any) -> Any:
    """`value` fitted to the cty type `t`: objects get every key (missing ones null), numbers and strings
    their Python type, collections their element type."""
    if value is None:
        return None
    if t == "string":
        return value if isinstance(value, str) else (str(value).lower() if isinstance(value, bool) else str(value))
    if t == "number":
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else _number(value)
    if t == "bool":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    kind, inner = t[0], t[1]
    if kind in ("list", "set"):
        return [shape(inner, v) for v in value] if isinstance(value, list) else []
    if kind == "map":
        return {k: shape(inner, v) for k, v in value.items()} if isinstance(value, dict) else {}
    if kind == "object":
        source = value if isinstance(value, dict) else {}
        return {k: shape(kt, source.get(k)) for k, kt in inner.items()}
    return value


def _number(value: Any) -> Any:
    try:
        return float(value) if "." in str(value) else int(value)
    except (TypeError, ValueError):
        return None
