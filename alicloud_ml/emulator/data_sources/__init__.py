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
- documents the provider assembles locally (`alicloud_ram_policy_document`, `documents.py`);
- what a service sells or computes (`services.py`: KMS decryption, Redis classes, NAS protocols, Simple
  Application Server images), and the objects every account has (RAM system policies, `listing.py`).
A data source it cannot answer fails with a diagnostic naming it; it never returns an empty success.
Every answer is shaped to the data source's schema (every object key present), as Terraform requires.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from alicloud_ml.emulator import spec
from alicloud_ml.emulator.data_sources.base import _READERS, DataSourceError, Query, shape
from alicloud_ml.emulator.store import Store

__all__ = ["DataSourceError", "read"]


def read(type_name: str, config: dict[str, Any], store: Store, region: str) -> dict[str, Any]:
    """The data source's state for `config`; DataSourceError when the emulator cannot answer it."""
    from alicloud_ml.emulator.data_sources import (  # noqa: F401 - registers readers
        catalog, databases, documents, listing, security, services)

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


def _query_id(type_name: str, config: dict[str, Any], region: str) -> str:
    """The provider ids a data source by a hash of what it returned; a hash of the query is as stable."""
    digest = hashlib.sha1(json.dumps([type_name, region, config], sort_keys=True, default=str).encode())
    return str(int(digest.hexdigest()[:8], 16))
