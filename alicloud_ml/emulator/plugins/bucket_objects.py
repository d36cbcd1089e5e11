"""OSS objects, kept by reference, and the Function Compute code read from them.

An `alicloud_oss_bucket_object` uploaded from a file (`source`) is stored as what the provider's state
holds: the path, never the bytes; its ETag and length are read from the file at apply, streamed
(a function package is megabytes, the emulated cloud a SQLite file). Facts, provider v1.289.0
`alicloud/resource_alicloud_oss_bucket_object.go`: the id is the key (`d.SetId(key)`); Create uploads
`source` (`~` expanded, relative to Terraform's working directory) with `PutObjectFromFile`, or
`content`; Read sets `etag` (the ETag header, quotes trimmed) and `content_length` (a string).
An object uploaded in one request has the MD5 of its content as ETag, in upper-case hex (OSS "ETag",
https://www.alibabacloud.com/help/en/oss/developer-reference/common-http-headers).
An `alicloud_fcv3_function` whose `code` names an OSS object needs it to exist: FC answers CreateFunction
with "unable to access object <key> in bucket <bucket>" otherwise (FC API CreateFunction,
https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-createfunction).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import mimetypes
import os
from pathlib import Path
from typing import Any

from alicloud_ml.emulator.plugins.registry import CloudError, Context, Lookup, check, computed, identifier, known
from alicloud_ml.emulator.wire import UNKNOWN

OBJECT = "alicloud_oss_bucket_object"
FUNCTION = "alicloud_fcv3_function"

identifier(OBJECT)(lambda s: str(s.get("key")))


def _source(state: dict[str, Any]) -> Path | None:
    source = state.get("source")
    return Path(os.path.expanduser(source)) if known(source) else None


def _digest(state: dict[str, Any]) -> tuple[str, int] | None:
    """(MD5 hex, size) of the object's bytes: the source file read in chunks, or the literal content."""
    path = _source(state)
    md5, size = hashlib.md5(usedforsecurity=False), 0
    if path is not None:
        try:
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    md5.update(chunk)
                    size += len(chunk)
        except OSError:
            return None
    elif isinstance(state.get("content"), str):
        data = state["content"].encode()
        md5.update(data)
        size = len(data)
    else:
        return None
    return md5.hexdigest().upper(), size


@check(OBJECT)
def source_is_readable(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    """The provider opens `source` at apply (PutObjectFromFile); a path that is not a readable file fails there."""
    path = _source(state)
    if not ctx.applying or path is None or path.is_file():
        return []
    return [CloudError("FileNotFound", f"{ctx.address} source {path} is not a readable file in {os.getcwd()}; accepted: "
                                       "a path to the file to upload, relative to Terraform's working directory",
                       ("source",))]


@computed(OBJECT, "etag")
def _etag(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    found = _digest(s)
    return found[0] if found else UNKNOWN


@computed(OBJECT, "content_length")
def _length(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    found = _digest(s)
    return str(found[1]) if found else UNKNOWN


@computed(OBJECT, "content_type")
def _content_type(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    """What OSS stores without a Content-Type: the SDK's guess from the key's extension, else a byte stream."""
    return mimetypes.guess_type(str(s.get("key") or ""))[0] or "application/octet-stream"


def _code(state: dict[str, Any]) -> dict[str, Any]:
    code = state.get("code")
    code = code[0] if isinstance(code, list) and code else code
    return code if isinstance(code, dict) else {}


@check(FUNCTION)
def code_object_exists(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    code = _code(state)
    bucket, key = code.get("oss_bucket_name"), code.get("oss_object_name")
    if not ctx.applying or not (known(bucket) and known(key)):
        return []
    stored = ctx.store.get(OBJECT, key)
    if stored is not None and stored.get("bucket") == bucket:
        return []
    return [CloudError("InvalidArgument", f"{ctx.address} code: unable to access object {key} in bucket {bucket}; "
                                          "accepted: an object that exists (upload it first, e.g. with "
                                          "alicloud_oss_bucket_object)", ("code", 0, "oss_object_name"))]


@computed(FUNCTION, "code_size")
def _code_size(s: dict[str, Any], region: str, lookup: Lookup) -> Any:
    """The package's size in bytes: the OSS object's length, or the decoded `zip_file`."""
    code = _code(s)
    if known(code.get("oss_object_name")):
        stored = lookup(OBJECT, code["oss_object_name"])
        return int(stored.get("content_length") or 0) if stored else UNKNOWN
    if known(code.get("zip_file")):
        try:
            return len(base64.b64decode(code["zip_file"], validate=False))
        except (binascii.Error, ValueError):
            return UNKNOWN
    return UNKNOWN
