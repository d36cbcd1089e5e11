"""Assemble the full schema document and store it gzip-compressed and byte-for-byte reproducible.

The document has the layout of alicloud.json (`terraform providers schema -json` plus the
project's extras) with every resource and data source, and an `importer` section that lists what
could not be read. The provider block and Terraform's `backend "oss"` schema come from alicloud.json:
the backend is Terraform's, not the provider's, so the provider's source cannot supply it.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

PROVIDER = "registry.terraform.io/aliyun/alicloud"
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"
BASE_SCHEMA = SCHEMA_DIR / "alicloud.json"


def default_out(version: str) -> Path:
    return SCHEMA_DIR / f"alicloud-{version}.json.gz"


def base_parts(base: Path = BASE_SCHEMA) -> tuple[dict[str, Any], dict[str, Any]]:
    """(provider schema, backend_schemas) from the hand-distilled alicloud.json."""
    doc = json.loads(base.read_text())
    return doc["provider_schemas"][PROVIDER]["provider"], doc.get("backend_schemas", {})


def build_document(*, version: str, source: dict[str, Any], provider: dict[str, Any],
                   backend: dict[str, Any], resources: dict[str, Any], data_sources: dict[str, Any],
                   importer: dict[str, Any]) -> dict[str, Any]:
    total = len(resources) + len(data_sources) + len(importer.get("unreadable", []))
    unreadable = importer.get("unreadable", [])
    counts = {
        "resource_schemas": len(resources), "data_source_schemas": len(data_sources),
        "unreadable": len(unreadable),
        "unreadable_percent": round(100 * len(unreadable) / total, 2) if total else 0.0,
    }
    return {
        "format_version": "1.0",
        "provider_version": version,
        "provider_source": "aliyun/alicloud",
        "source": source,
        "provider_schemas": {PROVIDER: {"provider": provider, "resource_schemas": resources,
                                        "data_source_schemas": data_sources}},
        "backend_schemas": backend,
        "importer": {**importer, "counts": {**importer.get("counts", {}), **counts}},
    }


def encode(doc: dict[str, Any]) -> bytes:
    """Deterministic gzip: sorted keys, no file name and mtime 0 in the header."""
    raw = (json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buf.getvalue()


def write(doc: dict[str, Any], path: Path) -> tuple[int, int]:
    """Write atomically (beside, then rename); returns (compressed, uncompressed) sizes in bytes."""
    data = encode(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data), len(gzip.decompress(data))


def read(path: Path) -> dict[str, Any]:
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
