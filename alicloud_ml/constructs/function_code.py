"""Code packages for the Function Compute handlers the toolkit ships (`alicloud_ml/handlers/`).

A package is a zip with the handler's package, the `alicloud_ml` package markers it imports
through, the pure-Python libraries it needs copied from this interpreter (FC installs nothing),
and a top-level `index.py`, so the function's handler is `index.handler`: FC's Python handler
format is `<file name>.<function name>`
(https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/handlers-2).
The zip is deterministic (sorted entries, fixed timestamps and modes): the same code synthesizes
the same bytes, so a re-synth never shows a code change that did not happen.
"""

from __future__ import annotations

import base64
import importlib.metadata
import importlib.util
import io
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
INDEX_TEMPLATE = '"""FC entry point: `index.handler`."""\nfrom {module} import handler  # noqa: F401\n'


def _package_files(dotted: str) -> Iterator[tuple[str, bytes]]:
    """Every .py file of package `dotted`, with its import path inside the zip."""
    spec = importlib.util.find_spec(dotted)
    if spec is None or not spec.submodule_search_locations:
        raise ValueError(f"{dotted} is not an importable package")
    root = Path(next(iter(spec.submodule_search_locations)))
    prefix = dotted.replace(".", "/")
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield f"{prefix}/{path.relative_to(root).as_posix()}", path.read_bytes()


def _distribution_files(name: str) -> Iterator[tuple[str, bytes]]:
    """The importable files of an installed distribution, and its METADATA (libraries such as scramp read
    their own version through importlib.metadata); no bytecode, no install records."""
    dist = importlib.metadata.distribution(name)
    for file in sorted(dist.files or (), key=str):
        text = str(file)
        if text.endswith(".dist-info/METADATA"):
            yield file.as_posix(), Path(str(dist.locate_file(file))).read_bytes()
            continue
        if ".dist-info/" in text or "__pycache__" in text or text.startswith(".."):
            continue
        if text.endswith((".py", ".pem", ".txt")) or text.endswith("py.typed"):
            yield file.as_posix(), Path(str(dist.locate_file(file))).read_bytes()


def code_zip(handler_package: str, *, vendor: Sequence[str] = ()) -> bytes:
    """The zip for `handler_package` (its `handler.handler` is the entry) plus distributions `vendor`."""
    entries: dict[str, bytes] = {}
    parts = handler_package.split(".")
    for depth in range(1, len(parts)):  # parent packages: only their __init__.py
        parent = ".".join(parts[:depth])
        spec = importlib.util.find_spec(parent)
        if spec is None or spec.origin is None:
            raise ValueError(f"{parent} is not an importable package")
        entries[f"{parent.replace('.', '/')}/__init__.py"] = Path(spec.origin).read_bytes()
    entries.update(_package_files(handler_package))
    for name in vendor:
        entries.update(_distribution_files(name))
    entries["index.py"] = INDEX_TEMPLATE.format(module=f"{handler_package}.handler").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for arcname in sorted(entries):
            info = zipfile.ZipInfo(arcname, ZIP_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, entries[arcname])
    return buffer.getvalue()


def code_zip_base64(handler_package: str, *, vendor: Sequence[str] = ()) -> str:
    """`code_zip` as the base64 text `alicloud_fcv3_function.code.zip_file` takes (provider docs, fcv3_function)."""
    return base64.b64encode(code_zip(handler_package, vendor=vendor)).decode("ascii")
