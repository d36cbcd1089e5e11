"""A deterministic Function Compute code package: handler modules plus their installed dependencies.

Why vendored, not a layer: the FC 3.0 Python runtimes preinstall no DSW SDK, so the function needs
`alibabacloud_pai_dsw20220101` and its dependencies next to the handler (a ZIP's root is on
`sys.path`; the handler string is `<module path>.<function>`,
https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/handlers-2). Building the package
at synth time from the distributions installed in the toolkit's environment (the pinned `handlers`
extra) needs no network and no second build system, and gives one artifact whose content is
known: the same installed versions the handler tests ran against.

What makes it run on the target interpreter, not just the one that synthesizes: extension modules
are kept only when the target can load them (`*.abi3.so`, or the target's own
`cpython-312-x86_64-linux-gnu` tag); extensions built for another interpreter are left out, because
Python would never import them anyway (an extension's file name must carry the running
interpreter's tag, PEP 3149 / `importlib.machinery.EXTENSION_SUFFIXES`). Most of them are optional
accelerators with a pure-Python stand-in (aiohttp, multidict, yarl, frozenlist, propcache,
charset_normalizer). One is not: cryptography (which the SDK's tea_openapi imports) needs cffi's
`_cffi_backend` built for the target. So the package is exact only when its dependencies come from
the target's own wheels: set `ALICLOUD_ML_FC_SITE_PACKAGES` to a directory made with
`pip install --target DIR --python-version 3.12 --platform manylinux2014_x86_64 --implementation cp
--only-binary=:all: alibabacloud_pai_dsw20220101==2.4.0` (or synthesize on CPython 3.12). Built from
another interpreter, the package lists what the target cannot import under `unavailable_on_target`
and the construct warns at synth. `tests/constructs/test_construct_notebooks.py` runs the handler
from the package on a real Python 3.12 against the loopback DSW API. The manifest
(`alicloud_ml_package.json` at the ZIP root) lists every distribution, its version and what was left out.

Deterministic: entries sorted, timestamps fixed to 1980-01-01, modes fixed, no `__pycache__`, so
the same inputs give the same bytes and the same Terraform asset hash.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata as md
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
#: The FC 3.0 runtime the package targets: `python3.12` is in the provider's runtime list
#: (`alicloud/resource_alicloud_fcv3_function.go` at v1.289.0, `runtime` ValidateFunc); Linux x86_64.
TARGET_RUNTIME = "python3.12"
TARGET_PYTHON = (3, 12)
TARGET_MACHINE = "x86_64"
_EXT = re.compile(r"\.(?P<tag>cpython-(?P<ver>\d+)-(?P<machine>[a-z0-9_]+)-linux-gnu|abi3|[^./]+)\.so$")
_SKIP_PARTS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo")
_SKIP_DIST_INFO = {"RECORD", "INSTALLER", "direct_url.json", "REQUESTED"}


class PackagingError(RuntimeError):
    """A dependency cannot be packaged for the target (not installed, or only compiled for another Python)."""


@dataclass
class Package:
    """The built ZIP: its bytes, a SHA-256 and what went in."""

    data: bytes
    sha256: str
    distributions: dict[str, str] = field(default_factory=dict)
    dropped_extensions: list[str] = field(default_factory=list)
    #: left-out extensions with no pure-Python stand-in: the handler would fail to import on the target
    unavailable_on_target: list[str] = field(default_factory=list)

    def write(self, directory: Path | None = None) -> Path:
        """Write the ZIP content-addressed (`<sha256>.zip`), so identical packages share one file."""
        directory = directory or Path(tempfile.gettempdir()) / "alicloud-ml-fc-packages"
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{self.sha256[:32]}.zip"
        if not path.exists() or path.read_bytes() != self.data:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent synths each write their own, then rename
            tmp.write_bytes(self.data)
            tmp.replace(path)
        return path


def target_environment() -> dict[str, str]:
    """PEP 508 marker environment of the FC runtime (CPython 3.12 on Linux x86_64)."""
    env = dict(default_environment())
    version = ".".join(map(str, TARGET_PYTHON))
    env.update(python_version=version, python_full_version=f"{version}.0", implementation_name="cpython",
               platform_python_implementation="CPython", sys_platform="linux", platform_system="Linux",
               os_name="posix", platform_machine=TARGET_MACHINE)
    return env


def dependency_closure(requirements: Iterable[str], site_packages: Path | None = None) -> list[md.Distribution]:
    """Installed distributions needed by `requirements` on the target (markers evaluated for it, no extras),
    from `site_packages` (a `pip install --target` directory) or else this interpreter's environment."""
    env = target_environment()
    seen: dict[str, md.Distribution] = {}
    queue = [Requirement(r) for r in requirements]
    while queue:
        req = queue.pop(0)
        if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
            continue
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        found = (next(iter(md.distributions(name=req.name, path=[str(site_packages)])), None)
                 if site_packages is not None else _installed(req.name))
        if found is None:
            where = str(site_packages) if site_packages is not None else "this environment"
            raise PackagingError(f"{req.name} is not installed in {where}: install the toolkit's handlers extra "
                                 "(pip install 'alicloud-ml-cdk[handlers]') before synthesizing the reaper")
        dist = found
        seen[key] = dist
        queue.extend(Requirement(r) for r in dist.requires or ())
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def _installed(name: str) -> md.Distribution | None:
    try:
        return md.distribution(name)
    except md.PackageNotFoundError:
        return None


def has_fallback(path: PurePosixPath, files: set[str]) -> bool:
    """True when a left-out extension module has a pure-Python stand-in its package imports instead.

    The accelerated packages ship their Cython source (`_quoting_c.pyx`) or a sibling `<stem>.py` /
    `<stem>_py.py` (`_multidict_py.py`, `reader_py.py` for `reader_c`); a top-level extension such as
    `_cffi_backend` has none, and whatever imports it fails on the target.
    """
    stem = path.name.split(".", 1)[0]
    if stem.startswith("_test"):
        return True  # test helpers (multidict/_testcapi) are never imported by the library
    base = stem[:-2] if stem.endswith("_c") else stem
    parent = "" if str(path.parent) == "." else f"{path.parent}/"
    candidates = {f"{parent}{stem}.py", f"{parent}{stem}.pyx", f"{parent}{stem}_py.py", f"{parent}{base}_py.py"}
    return bool(candidates & files)


def loadable_on_target(name: str) -> bool:
    """True for files the target interpreter may load: non-extensions, abi3 and its own tag."""
    m = _EXT.search(name)
    if m is None:
        return True
    if m["tag"] == "abi3":
        return True
    if m["ver"] is None:  # `foo.so` without a tag: some builds do this; Python loads it anywhere
        return True
    return m["ver"] == "".join(map(str, TARGET_PYTHON)) and m["machine"] == TARGET_MACHINE


def build_package(source_files: Iterable[tuple[str, Path | bytes]], requirements: Iterable[str],
                  site_packages: Path | None = None) -> Package:
    """ZIP of `source_files` (archive name, path or content) plus every file of the requirements' distributions
    (from `site_packages` when given, else this interpreter's environment)."""
    entries: dict[str, bytes] = {}
    for arcname, source in source_files:
        entries[arcname] = source if isinstance(source, bytes) else source.read_bytes()
    distributions: dict[str, str] = {}
    dropped: list[str] = []
    unavailable: list[str] = []
    for dist in dependency_closure(requirements, site_packages):
        distributions[dist.metadata["Name"]] = dist.version
        names = {str(PurePosixPath(str(f))) for f in dist.files or ()}
        for rel in dist.files or ():
            posix = PurePosixPath(str(rel))
            if posix.parts[0] in ("..", "bin") or _SKIP_PARTS & set(posix.parts) or posix.name.endswith(_SKIP_SUFFIXES):
                continue  # console scripts live outside site-packages; caches are rebuilt by the runtime
            if posix.parent.name.endswith(".dist-info") and posix.name in _SKIP_DIST_INFO:
                continue
            if not loadable_on_target(posix.name):
                dropped.append(str(posix))
                if not has_fallback(posix, names):
                    unavailable.append(str(posix))
                continue
            located = Path(str(dist.locate_file(rel)))
            if located.is_file():
                entries.setdefault(str(posix), located.read_bytes())
    manifest = {"runtime": TARGET_RUNTIME, "distributions": distributions, "dropped_extensions": sorted(dropped),
                "unavailable_on_target": sorted(unavailable)}
    entries["alicloud_ml_package.json"] = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for arcname in sorted(entries):
            info = zipfile.ZipInfo(arcname, date_time=FIXED_TIME)
            info.external_attr = (0o100644 << 16)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so the mode above is honoured
            zf.writestr(info, entries[arcname], compresslevel=6)
    data = buffer.getvalue()
    return Package(data, hashlib.sha256(data).hexdigest(), distributions, sorted(dropped), sorted(unavailable))


#: Every handler package's entry point: a top-level `index.py` re-exporting the handler.
HANDLER = "index.handler"
#: A `pip install --target` directory of the dependencies built for the FC runtime (see the module docstring).
SITE_PACKAGES_ENV = "ALICLOUD_ML_FC_SITE_PACKAGES"


def handler_package(module: str, requirements: Sequence[str], *, exclude: Sequence[str] = (),
                    site_packages: str | Path | None = None) -> Package:
    """The code package of a toolkit handler: `index.py` re-exporting `<module>.handler.handler`, the
    `alicloud_ml` package markers it imports through, `module`'s files (minus `exclude`) and the
    requirements' closure, from `site_packages`, else $ALICLOUD_ML_FC_SITE_PACKAGES, else this environment."""
    chosen = site_packages or os.environ.get(SITE_PACKAGES_ENV, "").strip() or None
    return _handler_package(module, tuple(requirements), tuple(exclude), str(Path(chosen).resolve()) if chosen else None)


@functools.cache
def _handler_package(module: str, requirements: tuple[str, ...], exclude: tuple[str, ...],
                     site_packages: str | None) -> Package:
    """Built once per process and source."""
    import importlib

    package_dir = Path(importlib.import_module(module).__file__ or "").parent
    root = Path(importlib.import_module("alicloud_ml").__file__ or "").parent
    shim = f"from {module}.handler import handler  # noqa: F401  (FC entry: {HANDLER})\n"
    parts = module.split(".")
    parents = ["/".join(parts[:i]) + "/__init__.py" for i in range(1, len(parts))]
    sources: list[tuple[str, Path | bytes]] = [("index.py", shim.encode())]
    sources += [(arc, root.parent / arc) for arc in parents]
    sources += module_files(package_dir, module.replace(".", "/"), exclude=exclude)
    return build_package(sources, list(requirements), Path(site_packages) if site_packages else None)


def function_code(scope: Any, package: Package) -> Any:
    """`code` of an `alicloud_fcv3_function`: the package as a Terraform asset read with
    `sensitive(filebase64())`, so cdk.tf.json stays small and plans never print megabytes of base64."""
    from alicloud_ml import _cdk
    from alicloud_ml.provider.fcv3 import Fcv3FunctionCode

    asset = _cdk.cdk.TerraformAsset(scope, "Code", path=str(package.write()), type=_cdk.cdk.AssetType.FILE)
    return Fcv3FunctionCode(zip_file=_cdk.Fn.sensitive(_cdk.Fn.filebase64(asset.path)))


def module_files(package_dir: Path, arc_prefix: str, exclude: Iterable[str] = ()) -> list[tuple[str, Path]]:
    """(`<arc_prefix>/<name>.py`, path) for the `.py` files directly in `package_dir`, minus `exclude`."""
    skip = set(exclude)
    return [(f"{arc_prefix}/{p.name}", p) for p in sorted(package_dir.glob("*.py")) if p.name not in skip]
