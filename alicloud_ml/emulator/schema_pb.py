"""Serve the provider schema to Terraform as protocol-6 schemas, compiled once per schema version.

Every resource type is served with exactly its attributes (object-typed computed lists
included), its nested blocks in their real nesting mode (list, set or single), and
required / optional / computed / sensitive flags. Force-new and defaults are not part of the
wire schema: the planner applies them (RequiresReplace, planned defaults) like SDK v1 does.

Terraform starts several provider processes per command and asks each for the schema; building
it from the archive costs ~0.4 s for ~2,000 types, so the serialized response is cached in
the user's cache (`compiled_schema_path`, keyed by the archive's content) with a checksum, and each
process sends those bytes as they are; a corrupted or stale file is rebuilt, never fatal.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

from tf.gen import tfplugin_pb2 as pb

from alicloud_ml import schema
from alicloud_ml.emulator.spec import type_json

CACHE_ENV = "ALICLOUD_ML_CACHE_DIR"

_NESTING = {
    "list": pb.Schema.NestedBlock.NestingMode.LIST,
    "set": pb.Schema.NestedBlock.NestingMode.SET,
    "single": pb.Schema.NestedBlock.NestingMode.SINGLE,
}


def _attribute(name: str, raw: dict[str, Any]) -> pb.Schema.Attribute:
    return pb.Schema.Attribute(
        name=name,
        type=type_json(raw["type"]),
        description=raw.get("description", ""),
        description_kind=pb.StringKind.PLAIN,
        required=bool(raw.get("required")),
        optional=bool(raw.get("optional")),
        computed=bool(raw.get("computed")),
        sensitive=bool(raw.get("sensitive")),
        deprecated=bool(raw.get("deprecated")),
    )


def block_pb(raw: dict[str, Any]) -> pb.Schema.Block:
    attrs = [_attribute(n, a) for n, a in sorted(raw.get("attributes", {}).items())]
    nested = []
    for name, nb in sorted(raw.get("block_types", {}).items()):
        mode = nb["nesting_mode"]
        extra: dict[str, int] = {}
        if mode != "single":
            extra = {"min_items": nb.get("min_items") or 0, "max_items": nb.get("max_items") or 0}
        nested.append(pb.Schema.NestedBlock(type_name=name, block=block_pb(nb["block"]), nesting=_NESTING[mode], **extra))
    return pb.Schema.Block(
        attributes=attrs,
        block_types=nested,
        description=raw.get("description", ""),
        description_kind=pb.StringKind.PLAIN,
        deprecated=bool(raw.get("deprecated")),
    )


#: What the emulator tells Terraform it can do, in GetMetadata and GetProviderSchema alike: no destroy
#: planning, and the schema may be reused across provider instances of one command (tfplugin6.proto).
SERVER_CAPABILITIES = pb.ServerCapabilities(plan_destroy=False, get_provider_schema_optional=True)


def build_provider_schema() -> pb.GetProviderSchema.Response:
    resources = {t: pb.Schema(version=0, block=block_pb(schema.resource_block(t))) for t in schema.resource_types()}
    data_sources = {t: pb.Schema(version=0, block=block_pb(schema.data_source_block(t)))
                    for t in schema.data_source_types()}
    return pb.GetProviderSchema.Response(
        provider=pb.Schema(version=0, block=block_pb(schema.provider_block())),
        provider_meta=pb.Schema(version=0, block=pb.Schema.Block()),
        resource_schemas=resources,
        data_source_schemas=data_sources,
        server_capabilities=SERVER_CAPABILITIES,
    )


_MAGIC = b"alicloud-ml schema v1\n"  # then a 32-byte SHA-256 of the payload, then the serialized response


@cache
def schema_key() -> str:
    """What the compiled schema depends on: the archive's bytes and this compiler's source (hashed, ~3 ms).
    Content, not mtime: a checkout or copy that changes the archive but keeps size and second changes the key."""
    digest = hashlib.sha256(schema.schema_file().read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:20]


def compiled_schema_path() -> Path:
    """Where the serialized schema of this schema archive is cached (keyed by `schema_key`)."""
    root = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "alicloud-ml")
    return root / f"schema-{schema.schema_file().stem}-{schema_key()}.pb"


def _read_cached(path: Path) -> bytes | None:
    """The cached payload, or None when the file is missing, truncated or corrupted (its checksum disagrees)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if len(data) < head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    return payload if hashlib.sha256(payload).digest() == data[len(_MAGIC):head] else None


@cache
def provider_schema_bytes() -> bytes:
    """The serialized GetProviderSchema response, from the compiled cache when it is intact (else rebuilt and
    rewritten). The plugin server sends these bytes as they are: parsing 4 MB only to serialize it again
    cost each provider process ~15 ms."""
    path = compiled_schema_path()
    payload = _read_cached(path)
    if payload is not None:
        return payload
    payload = build_provider_schema().SerializeToString()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return payload
