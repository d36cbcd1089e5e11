"""Run an import end to end: locate the provider source, read it, add docs, write the file.

`--from-go` accepts a checkout (or `git archive`) of terraform-provider-alicloud, its `alicloud/`
folder, or a bare git repository plus a ref (extracted to a temporary folder, never into the
project). Bad input raises InputError naming the path and what would be accepted.
"""

from __future__ import annotations

import re
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError
from alicloud_ml.importer import docs, write
from alicloud_ml.importer.go_source import read_go_source
from alicloud_ml.importer.schema_json import read_schema_json

REPOSITORY = "github.com/aliyun/terraform-provider-alicloud"
GO_ACCEPTED = ("a checkout or `git archive` of terraform-provider-alicloud (holding alicloud/provider.go), "
               "its alicloud/ folder, or a bare git repository of it with --ref")
Progress = Callable[[str], None]


@dataclass
class Result:
    path: Path
    compressed: int
    uncompressed: int
    counts: dict[str, Any]
    seconds: float


def version_of(ref: str) -> str:
    return ref[1:] if re.match(r"^v\d", ref) else ref


def _git(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], capture_output=True, check=False)


@contextmanager
def provider_tree(directory: Path, ref: str) -> Iterator[tuple[Path, Path | None, str | None]]:
    """(Go package folder, docs folder or None, commit or None) for what `--from-go` points at."""
    if not directory.is_dir():
        raise InputError(str(directory), "--from-go", "directory not found", GO_ACCEPTED)
    if (directory / "alicloud" / "provider.go").is_file():
        commit = _git(["-C", str(directory), "rev-parse", "HEAD"])
        docs_dir = directory / "website" / "docs"
        yield (directory / "alicloud", docs_dir if docs_dir.is_dir() else None,
               commit.stdout.decode().strip() if commit.returncode == 0 else None)
    elif (directory / "provider.go").is_file():
        docs_dir = directory.parent / "website" / "docs"
        yield directory, docs_dir if docs_dir.is_dir() else None, None
    elif (directory / "HEAD").is_file() and (directory / "objects").is_dir():
        rev = _git(["--git-dir", str(directory), "rev-parse", "--verify", f"{ref}^{{commit}}"])
        if rev.returncode != 0:
            raise InputError(str(directory), "--ref", f"no commit named {ref!r} in this repository",
                             "a tag or commit of it, e.g. v1.289.0")
        with tempfile.TemporaryDirectory(prefix="alicloud-provider-") as tmp:
            archive = Path(tmp) / "src.tar"
            out = _git(["--git-dir", str(directory), "archive", "-o", str(archive), ref, "alicloud", "website/docs"])
            if out.returncode != 0:
                raise InputError(str(directory), "--ref", f"cannot extract {ref}: {out.stderr.decode().strip()}",
                                 GO_ACCEPTED)
            with tarfile.open(archive) as tar:
                tar.extractall(tmp, filter="data")
            yield Path(tmp) / "alicloud", Path(tmp) / "website" / "docs", rev.stdout.decode().strip()
    else:
        raise InputError(str(directory), "--from-go", "no alicloud/provider.go here", GO_ACCEPTED)


def import_from_go(directory: Path, *, ref: str, out: Path | None = None, commit: str | None = None,
                   progress: Progress = lambda _: None) -> Result:
    start = time.monotonic()
    version = version_of(ref)
    with provider_tree(directory, ref) as (go_dir, docs_dir, found_commit):
        progress(f"reading Go source in {go_dir}")
        imported = read_go_source(go_dir, progress)
        if not imported.resource_schemas and not imported.data_source_schemas and not imported.unreadable:
            raise InputError(str(go_dir / "provider.go"), "Provider()", "no ResourcesMap or DataSourcesMap found",
                             "the provider's Provider() function with its ResourcesMap and DataSourcesMap")
        pages = docs.apply_docs(docs_dir, imported.resource_schemas, imported.data_source_schemas,
                               imported.go_functions)
        progress(f"docs: {pages['resource_pages']} resource and {pages['data_source_pages']} data source pages")
    provider, backend = write.base_parts()
    doc = write.build_document(
        version=version, provider=provider, backend=backend,
        source={"repository": REPOSITORY, "ref": ref, "commit": commit or found_commit},
        resources=dict(sorted(imported.resource_schemas.items())),
        data_sources=dict(sorted(imported.data_source_schemas.items())),
        importer={"from": "go-source", "go_files_parsed": imported.files_parsed,
                  "unreadable": sorted(imported.unreadable, key=lambda u: (u["kind"], u["type"])),
                  "notes": imported.notes, "counts": pages})
    return _finish(doc, out or write.default_out(version), start, progress)


def import_from_schema_json(path: Path, *, ref: str, out: Path | None = None, docs_dir: Path | None = None,
                            progress: Progress = lambda _: None) -> Result:
    start = time.monotonic()
    version = version_of(ref)
    progress(f"reading {path}")
    schemas = read_schema_json(path)
    pages = docs.apply_docs(docs_dir, schemas["resource_schemas"], schemas["data_source_schemas"])
    _, backend = write.base_parts()
    doc = write.build_document(
        version=version, provider=schemas["provider"], backend=backend,
        source={"repository": REPOSITORY, "ref": ref, "commit": None},
        resources=schemas["resource_schemas"], data_sources=schemas["data_source_schemas"],
        importer={"from": "terraform-providers-schema-json", "unreadable": [], "notes": [],
                  "missing": "force_new, default, allowed_values, range, number_kind, cross-field constraints",
                  "counts": pages})
    return _finish(doc, out or write.default_out(version), start, progress)


def _finish(doc: dict[str, Any], out: Path, start: float, progress: Progress) -> Result:
    compressed, uncompressed = write.write(doc, out)
    counts = doc["importer"]["counts"]
    progress(f"wrote {out}: {counts['resource_schemas']} resources, {counts['data_source_schemas']} data sources, "
             f"{counts['unreadable']} unreadable ({compressed:,} bytes compressed, {uncompressed:,} uncompressed)")
    return Result(out, compressed, uncompressed, counts, time.monotonic() - start)
