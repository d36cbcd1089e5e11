"""Data sources: the emulator answers them from its own cloud (listings) and from the toolkit's catalog.

Two kinds, both generic where possible:
- listings (`alicloud_vpcs`, `alicloud_vswitches`, `alicloud_nas_file_systems`, ...): the objects of the
  matching resource type in the emulated cloud, filtered the provider's usual way (`listing.py`);
- catalog answers (`alicloud_zones`, `alicloud_instance_types`, `alicloud_images`, ...): region-aware
  facts from `alicloud_ml.catalog` (`catalog.py`), including whole families (`alicloud_<product>_zones`,
  `alicloud_<product>_service`), and what the database services sell (`databases.py`: RDS and PolarDB
  classes, MyBase hosts, ClickHouse and EBS regions) and Security Center's honeypot images (`security.py`);
- objects an account holds that no resource type creates (chatbot agents), when a seed file put them in the
  emulated cloud (`[data.alicloud_chatbot_agents.<key>]`, `alicloud_ml.emulator.seed`);
- documents the provider assembles locally (`alicloud_ram_policy_document`, `documents.py`).
A data source it cannot answer fails with a diagnostic naming it; it never returns an empty success.
Every answer is shaped to the data source's schema (every object key present), as Terraform requires.
"""

from __future__ import annotations

import hashlib
import json
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


def read(type_name: str, config: dict[str, Any], store: Store, region: str) -> dict[str, Any]:
    """The data source's state for `config`; DataSourceError when the emulator cannot answer it."""
    from alicloud_ml.emulator.data_sources import (  # noqa: F401 - registers readers
        catalog, databases, documents, listing, security)

    fn = _READERS.get(type_name) or listing.reader_for(type_name) or catalog.family_reader(type_name) \
        or listing.seeded_reader(type_name, store)
    if fn is None:
        raise DataSourceError(
            f"the alicloud-ml emulator cannot answer data source {type_name}: it serves listings of resource "
            f"types it holds, objects a seed file put in this cloud (python -m alicloud_ml.emulator seed) and the "
            f"catalog data sources ({', '.join(sorted(_READERS))})")
    query = Query(type_name, config, store, region)
    answer = fn(query)
    block = spec.data_source(type_name)
    state = {name: config.get(name) for name in block.attrs}
    state.update(answer)
    if not state.get("id"):
        state["id"] = _query_id(type_name, config, region)
    return {name: shape(attr.type, state.get(name)) for name, attr in block.attrs.items()} | {
        name: state.get(name) for name in block.blocks}


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


def _query_id(type_name: str, config: dict[str, Any], region: str) -> str:
    """The provider ids a data source by a hash of what it returned; a hash of the query is as stable."""
    digest = hashlib.sha1(json.dumps([type_name, region, config], sort_keys=True, default=str).encode())
    return str(int(digest.hexdigest()[:8], 16))


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
