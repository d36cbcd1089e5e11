"""Terraform's value wire format (cty msgpack) to and from plain Python values.

Unknown values travel as msgpack extension 0; Terraform ≥ 1.6 also sends "refined" unknowns
as extension 12. Both become the `UNKNOWN` singleton, which planning must never leave behind
after apply ("provider still indicated an unknown value").
"""

from __future__ import annotations

import json
from typing import Any

import msgpack

from tf.gen import tfplugin_pb2 as pb


class _Unknown:
    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __copy__(self) -> "_Unknown":
        return self

    def __deepcopy__(self, memo: Any) -> "_Unknown":
        return self


UNKNOWN = _Unknown()
_UNKNOWN_EXT = msgpack.ExtType(0, b"\x00")


def _ext_hook(code: int, data: bytes) -> Any:
    if code in (0, 12):
        return UNKNOWN
    return msgpack.ExtType(code, data)


def _default(obj: Any) -> Any:
    if obj is UNKNOWN:
        return _UNKNOWN_EXT
    raise TypeError(f"cannot encode {type(obj).__name__}")


def decode(value: pb.DynamicValue) -> Any:
    if value.msgpack:
        return msgpack.unpackb(value.msgpack, ext_hook=_ext_hook, raw=False, strict_map_key=False)
    if value.json:
        return json.loads(value.json)
    return None


def encode(value: Any) -> pb.DynamicValue:
    return pb.DynamicValue(msgpack=msgpack.packb(value, default=_default, use_bin_type=True))


def has_unknown(value: Any) -> bool:
    if value is UNKNOWN:
        return True
    if isinstance(value, dict):
        return any(has_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(has_unknown(v) for v in value)
    return False


def attribute_path(path: list[str | int]) -> pb.AttributePath:
    steps = []
    for step in path:
        if isinstance(step, int):
            steps.append(pb.AttributePath.Step(element_key_int=step))
        else:
            steps.append(pb.AttributePath.Step(attribute_name=step))
    return pb.AttributePath(steps=steps)
