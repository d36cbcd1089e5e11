"""Assemble the full schema document and store it compressed and byte-for-byte reproducible.

The document has the layout of `terraform providers schema -json` plus the project's extras, with
every resource and data source, and an `importer` section that lists what could not be read. It is
stored as a zip with one member per type, so nothing has to load the whole schema to use one type.
The provider block and Terraform's `backend "oss"` schema are carried over from the previous archive.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

PROVIDER = "registry.terraform.io/aliyun/alicloud"
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"


def default_out(version: str) -> Path:
    return SCHEMA_DIR / f"alicloud-{version}.zip"


def base_parts(previous: Path | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(provider schema, backend_schemas) carried over from the schema archive being replaced.

    The backend is Terraform's `backend "oss"`, not the provider's, and the provider block was
    distilled once from the same Go source; both are carried forward from the previous archive.
    """
    doc = read(previous or newest_archive())
    return doc["provider_schemas"][PROVIDER]["provider"], doc.get("backend_schemas", {})


def newest_archive() -> Path:
    found = sorted(SCHEMA_DIR.glob("alicloud-*.zip"))
    if not found:
        raise FileNotFoundError(f"no schema archive in {SCHEMA_DIR}")
    return found[-1]


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


#: Every member gets this timestamp, so the archive's bytes depend only on its content.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _member(name: str, value: Any) -> tuple[str, bytes]:
    return name, (json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def encode(doc: dict[str, Any]) -> bytes:
    """A deterministic zip: `schema.json` (everything but the type schemas, plus an index of the types)
    and one member per type (`resource/<type>.json`, `data_source/<type>.json`), so a reader loads
    only the types it needs."""
    provider = doc["provider_schemas"][PROVIDER]
    kinds = {"resource": provider.get("resource_schemas", {}), "data_source": provider.get("data_source_schemas", {})}
    meta = {k: v for k, v in doc.items() if k != "provider_schemas"}
    meta["provider"] = provider["provider"]
    meta["types"] = {kind: {t: {k: v for k, v in entry.items() if k != "block"} for t, entry in sorted(types.items())}
                     for kind, types in kinds.items()}
    members = [_member("schema.json", meta)]
    members += [_member(f"{kind}/{t}.json", entry) for kind, types in kinds.items() for t, entry in sorted(types.items())]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
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
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return len(data), sum(i.file_size for i in zf.infolist())


def read(path: Path) -> dict[str, Any]:
    """The whole document from a schema archive (zip), a gzip'd JSON or a plain JSON file."""
    raw = path.read_bytes()
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            meta = json.loads(zf.read("schema.json"))
            provider: dict[str, Any] = {"provider": meta.pop("provider")}
            for kind, key in (("resource", "resource_schemas"), ("data_source", "data_source_schemas")):
                provider[key] = {t: json.loads(zf.read(f"{kind}/{t}.json")) for t in meta["types"][kind]}
            meta.pop("types")
            return {**meta, "provider_schemas": {PROVIDER: provider}}
    return json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
