"""Serve alicloud.json to Terraform as protocol-6 schemas, built once at start-up.

Every resource type is served with exactly its attributes (object-typed computed lists
included), its nested blocks in their real nesting mode (list, set or single), and
required / optional / computed / sensitive flags. Force-new and defaults are not part of the
wire schema: the planner applies them (RequiresReplace, planned defaults) like SDK v1 does.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tf.gen import tfplugin_pb2 as pb

from alicloud_ml import schema
from alicloud_ml.emulator.spec import type_json

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


@cache
def provider_schema() -> pb.GetProviderSchema.Response:
    resources = {t: pb.Schema(version=0, block=block_pb(schema.resource_block(t))) for t in schema.resource_types()}
    return pb.GetProviderSchema.Response(
        provider=pb.Schema(version=0, block=block_pb(schema.provider_block())),
        provider_meta=pb.Schema(version=0, block=pb.Schema.Block()),
        resource_schemas=resources,
        data_source_schemas={},
        server_capabilities=pb.ServerCapabilities(plan_destroy=False, get_provider_schema_optional=True),
    )
