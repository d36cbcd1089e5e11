"""Data sources that answer from what a service sells or computes rather than from objects Terraform made:
KMS decryption, Redis (KVStore) instance classes, NAS protocols per storage type, Simple Application Server
images. Each table cites its source; values no source states are stand-ins (README "Assumptions").
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.data_sources.base import DataSourceError, Query, pattern, reader
from alicloud_ml.emulator.data_sources.catalog import nas_offers, zones
from alicloud_ml.emulator.plugins.kms import DecryptError, decrypt, encrypt


@reader("alicloud_kms_ciphertext")
def _kms_ciphertext(query: Query) -> dict[str, Any]:
    c = query.config
    return {"ciphertext_blob": encrypt(str(c.get("key_id")), str(c.get("plaintext")), c.get("encryption_context"))}


@reader("alicloud_kms_plaintext")
def _kms_plaintext(query: Query) -> dict[str, Any]:
    """KMS Decrypt of a blob this cloud's Encrypt made (alicloud_kms_ciphertext), with the same context."""
    try:
        key_id, plaintext = decrypt(str(query.config.get("ciphertext_blob")), query.config.get("encryption_context"))
    except DecryptError as exc:
        raise DataSourceError(f"alicloud_kms_plaintext: InvalidCiphertext: {exc}; accepted: the ciphertext_blob of "
                              "an alicloud_kms_ciphertext, with its encryption_context") from None
    return {"key_id": key_id, "plaintext": plaintext}


#: Redis (KVStore) instance classes by (edition, architecture): the class names the provider's own tests and
#: docs at v1.289.0 use (`git grep 'redis\.' alicloud website`: resource_alicloud_kvstore_instance_test.go,
#: website/docs/r/kvstore_instance.html.markdown, ...). Which edition and architecture each belongs to follows
#: its name (`.ce`/`.default` Community, `amber` Tair Enterprise; `shard`/`sharding` cluster); the full list
#: ACK sells per zone is not in a source the project holds (README "Assumptions").
KVSTORE_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("redis.master.small.default", "Community", "standard"), ("redis.master.mid.default", "Community", "standard"),
    ("redis.master.large.default", "Community", "standard"),
    ("redis.shard.small.ce", "Community", "cluster"), ("redis.shard.mid.ce", "Community", "cluster"),
    ("redis.shard.with.proxy.small.ce", "Community", "cluster"), ("redis.shard.with.proxy.mid.ce", "Community", "cluster"),
    ("redis.amber.master.small.multithread", "Enterprise", "standard"),
    ("redis.amber.master.mid.multithread", "Enterprise", "standard"),
    ("redis.amber.logic.sharding.1g.2db.0rodb.6proxy.multithread", "Enterprise", "cluster"),
    ("redis.amber.logic.sharding.2g.2db.0rodb.6proxy.multithread", "Enterprise", "cluster"),
)


def _zone(query: Query) -> str | None:
    zone = query.config.get("zone_id")
    if isinstance(zone, str) and zone and zone not in zones(query.region):
        raise DataSourceError(f"{query.type_name} zone_id {zone!r} is not a zone of region {query.region}; accepted: "
                              f"{', '.join(zones(query.region))}")
    return zone or None


@reader("alicloud_kvstore_instance_classes")
def _kvstore_classes(query: Query) -> dict[str, Any]:
    _zone(query)
    c = query.config
    if c.get("engine") not in (None, "", "Redis"):
        return {"instance_classes": [], "classes": []}  # the emulated cloud sells Redis classes only
    names = [name for name, edition, architecture in KVSTORE_CLASSES
             if c.get("edition_type") in (None, "", edition) and c.get("architecture") in (None, "", architecture)]
    return {"instance_classes": names, "classes": [{"instance_class": n, "price": ""} for n in names]}


@reader("alicloud_nas_protocols")
def _nas_protocols(query: Query) -> dict[str, Any]:
    """The protocols the zones sell for a storage type, upper-cased as the provider returns them
    (alicloud/data_source_alicloud_nas_protocols.go:90); the offer is the emulator's `alicloud_nas_zones` one."""
    zone = _zone(query)
    wanted = query.config.get("type")
    protocols = sorted({o["protocol_type"].upper() for o in nas_offers(cpfs=False) if o["storage_type"] == wanted})
    return {"protocols": protocols, "id": f"{wanted}:{zone or query.region}"}


#: Simple Application Server images. `CentOS-7.3` (system, Linux) is the name the provider's own test filters on
#: (alicloud/data_source_alicloud_simple_application_server_images_test.go, name_regex "CentOS-7.3"); the other
#: names, the ids and descriptions are stand-ins (README "Assumptions").
SAS_IMAGES: tuple[tuple[str, str, str, str], ...] = (  # (image id, name, type, platform)
    ("e0b1f3a47d2c4b5fa6b1c2d3e4f5a6b7", "CentOS-7.3", "system", "Linux"),
    ("e0b1f3a47d2c4b5fa6b1c2d3e4f5a6b8", "CentOS-7.6", "system", "Linux"),
    ("e0b1f3a47d2c4b5fa6b1c2d3e4f5a6b9", "Ubuntu-22.04", "system", "Linux"),
    ("e0b1f3a47d2c4b5fa6b1c2d3e4f5a6c0", "Alibaba-Cloud-Linux-3.2104", "system", "Linux"),
    ("e0b1f3a47d2c4b5fa6b1c2d3e4f5a6c1", "Windows-Server-2022", "system", "Windows"),
    ("e0b1f3a47d2c4b5fa6b1c2d3e4f5a6c2", "WordPress-6.4", "app", "Linux"),
    ("e0b1f3a47d2c4b5fa6b1c2d3e4f5a6c3", "Docker-26", "app", "Linux"),
)


@reader("alicloud_simple_application_server_images")
def _sas_images(query: Query) -> dict[str, Any]:
    c = query.config
    name = pattern(query, "name_regex")
    rows = [{"id": i, "image_id": i, "image_name": n, "image_type": t, "platform": p, "description": f"{n} ({t})"}
            for i, n, t, p in SAS_IMAGES
            if (not name or name.search(n)) and c.get("image_type") in (None, "", t)
            and c.get("platform") in (None, "", p) and (not c.get("ids") or i in c["ids"])]
    return {"ids": [r["id"] for r in rows], "names": [r["image_name"] for r in rows], "images": rows}
