"""Serve the provider schema to Terraform as protocol-6 schemas, compiled once per schema version.

Every resource type is served with exactly its attributes (object-typed computed lists
included), its nested blocks in their real nesting mode (list, set or single), and
required / optional / computed / sensitive flags. Force-new and defaults are not part of the
wire schema: the planner applies them (RequiresReplace, planned defaults) like SDK v1 does.

Terraform starts several provider processes per command and asks each for the schema; building
it from the archive costs ~0.4 s for ~2,000 types, so the serialized response is cached beside
the emulated cloud's installation (`compiled_schema_path`) and each process only parses it.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from google.protobuf.message import DecodeError

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


def build_provider_schema() -> pb.GetProviderSchema.Response:
    resources = {t: pb.Schema(version=0, block=block_pb(schema.resource_block(t))) for t in schema.resource_types()}
    data_sources = {t: pb.Schema(version=0, block=block_pb(schema.data_source_block(t)))
                    for t in schema.data_source_types()}
    return pb.GetProviderSchema.Response(
        provider=pb.Schema(version=0, block=block_pb(schema.provider_block())),
        provider_meta=pb.Schema(version=0, block=pb.Schema.Block()),
        resource_schemas=resources,
        data_source_schemas=data_sources,
        server_capabilities=pb.ServerCapabilities(plan_destroy=False, get_provider_schema_optional=True),
    )


def compiled_schema_path() -> Path:
    """Where the serialized schema of this schema archive is cached (keyed by the archive's size and mtime)."""
    source = schema.schema_file()
    stat = source.stat()
    root = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "alicloud-ml")
    return root / f"schema-{source.stem}-{stat.st_size}-{int(stat.st_mtime)}.pb"


@cache
def provider_schema() -> pb.GetProviderSchema.Response:
    """The GetProviderSchema response, from the compiled cache when there is one (written on first build)."""
    path = compiled_schema_path()
    try:
        return pb.GetProviderSchema.Response.FromString(path.read_bytes())
    except (OSError, DecodeError):
        pass
    response = build_provider_schema()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(response.SerializeToString())
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return response
