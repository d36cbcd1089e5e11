"""A deterministic Function Compute code package: handler modules plus their dependencies, built once per content.

Why vendored, not a layer: the FC 3.0 Python runtimes preinstall no DSW SDK, so the function needs
`alibabacloud_pai_dsw20220101` and its dependencies next to the handler (a ZIP's root is on
`sys.path`; the handler string is `<module path>.<function>`,
https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/handlers-2).

Which dependencies: for a stack that deploys to a real account, the target's own wheels for the
compiled ones (`_fc_runtime`: at the versions installed here, fetched once for python3.12 on manylinux
x86_64 and cached) and this environment's files for the pure-Python ones; in the emulator, which never runs function code, this interpreter's
installed distributions (no network, ever). `ALICLOUD_ML_FC_SITE_PACKAGES` names a `pip install
--target` directory to use instead, for both. Extension modules are kept only when the target can
load them (`*.abi3.so`, or the target's own `cpython-312-x86_64-linux-gnu` tag: an extension's file
name must carry the running interpreter's tag, PEP 3149); one left out without a pure-Python
stand-in (cffi's `_cffi_backend`, which cryptography needs) is listed under `unavailable_on_target`,
and the gate blocks such a package for a real account (ALIML_025).
`tests/constructs/test_construct_notebooks.py` runs the handler from the package on a real Python
3.12 against the loopback DSW API. The manifest (`alicloud_ml_package.json` at the ZIP root) lists
every distribution, its version and what was left out.

Deterministic: entries sorted, timestamps fixed to 1980-01-01, modes fixed, no `__pycache__`, so
the same inputs give the same bytes. Built once per content: the ZIP and its manifest are cached
under a hash of every input (handler files, the dependencies' names, versions and RECORDs, the
target), outside `cdktf.out`: building the reaper's 6-9 MB ZIP costs a second or two.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata as md
import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from alicloud_ml.cache import cache_dir, digest, prune, read_json, write_atomic
from alicloud_ml.constructs import _fc_runtime

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
PACKAGE_FORMAT = "fc-package-1"
RESOLVE_FORMAT = "fc-handler-1"
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
    """The built ZIP (a file named by its SHA-256, in the cache) and what went in."""

    path: Path
    sha256: str
    distributions: dict[str, str] = field(default_factory=dict)
    dropped_extensions: list[str] = field(default_factory=list)
    #: left-out extensions with no pure-Python stand-in: the handler would fail to import on the target
    unavailable_on_target: list[str] = field(default_factory=list)
    #: why the dependencies are not the target's own wheels ("" when they are, or nothing is missing)
    note: str = ""

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()

    def manifest(self) -> dict[str, Any]:
        """What the synthesized object carries for the gate (ALIML_025) and reviewers."""
        return {"runtime": TARGET_RUNTIME, "sha256": self.sha256, "unavailable_on_target": self.unavailable_on_target,
                **({"note": self.note} if self.note else {})}


def target_environment() -> dict[str, str]:
    """PEP 508 marker environment of the FC runtime (CPython 3.12 on Linux x86_64)."""
    from packaging.markers import default_environment

    env = dict(default_environment())
    version = ".".join(map(str, TARGET_PYTHON))
    env.update(python_version=version, python_full_version=f"{version}.0", implementation_name="cpython",
               platform_python_implementation="CPython", sys_platform="linux", platform_system="Linux",
               os_name="posix", platform_machine=TARGET_MACHINE)
    return env


def dependency_closure(requirements: Iterable[str], site_packages: Path | None = None) -> list[md.Distribution]:
    """Installed distributions needed by `requirements` on the target (markers evaluated for it, no extras),
    each from `site_packages` (a `pip install --target` directory) when it is there, else from this interpreter's
    environment (the pure-Python ones the runtime site leaves out)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    env = target_environment()
    indexes = ([_index(str(site_packages))] if site_packages is not None else []) + [_index(None)]
    seen: dict[str, md.Distribution] = {}
    queue = [Requirement(r) for r in requirements]
    while queue:
        req = queue.pop(0)
        if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
            continue
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        found = next((index[key] for index in indexes if key in index), None)
        if found is None:
            where = f"{site_packages} or this environment" if site_packages is not None else "this environment"
            raise PackagingError(f"{req.name} is not installed in {where}: install the toolkit's handlers extra "
                                 "(pip install 'alicloud-ml-cdk[handlers]') before synthesizing the reaper")
        seen[key] = found
        queue.extend(Requirement(r) for r in found.requires or ())
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


@functools.cache
def _index(path: str | None) -> dict[str, md.Distribution]:
    """Distributions by canonical name in `path`, or on this interpreter's sys.path (first one wins, as for imports)."""
    from packaging.utils import canonicalize_name

    out: dict[str, md.Distribution] = {}
    for dist in (md.distributions(path=[path]) if path is not None else md.distributions()):
        name = dist.metadata["Name"]
        if name:
            out.setdefault(canonicalize_name(name), dist)
    return out


def compiled(dist: md.Distribution) -> bool:
    """True when the distribution ships extension modules (and so must come from the target's own wheel): its
    WHEEL file says `Root-Is-Purelib: false` (PEP 427); without one, any `.so` among its files."""
    wheel = dist.read_text("WHEEL")
    if wheel is not None:
        return "root-is-purelib: false" in wheel.lower()
    return any(str(f).endswith((".so", ".pyd")) for f in dist.files or ())


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
    (from `site_packages` when given, else this interpreter's environment), from the cache when built before."""
    sources = [(arc, src if isinstance(src, bytes) else src.read_bytes()) for arc, src in source_files]
    requirements = list(requirements)
    closure = dependency_closure(requirements, site_packages)
    key = digest([PACKAGE_FORMAT, TARGET_RUNTIME, *requirements, *(part for pair in sources for part in pair),
                  *(part for dist in closure for part in _identity(dist))])
    sidecar = cache_dir("fc-packages") / f"{key}.json"
    known = _read_sidecar(sidecar)
    if known is not None:
        return known
    data, manifest = _zip(dict(sources), closure)
    sha = hashlib.sha256(data).hexdigest()
    path = code_dir() / f"{sha}.zip"
    if not path.is_file():
        write_atomic(path, data)
        prune(code_dir())
    package = Package(path, sha, manifest["distributions"], manifest["dropped_extensions"],
                      manifest["unavailable_on_target"])
    _write_sidecar(sidecar, package)
    return package


def _read_sidecar(sidecar: Path) -> Package | None:
    """The package a cache entry names, when its ZIP is still there."""
    known = read_json(sidecar)
    if not isinstance(known, dict) or not (code_dir() / f"{known.get('sha256')}.zip").is_file():
        return None
    return Package(code_dir() / f"{known['sha256']}.zip", known["sha256"], known["distributions"],
                   known["dropped_extensions"], known["unavailable_on_target"])


def _write_sidecar(sidecar: Path, package: Package) -> None:
    body = {"sha256": package.sha256, "distributions": package.distributions,
            "dropped_extensions": package.dropped_extensions, "unavailable_on_target": package.unavailable_on_target}
    write_atomic(sidecar, json.dumps(body, sort_keys=True).encode())
    prune(sidecar.parent)


def code_dir() -> Path:
    """Where built ZIPs live, named `<sha256>.zip` (the Terraform asset is read from here)."""
    return cache_dir("fc-code")


def _identity(dist: md.Distribution) -> list[str]:
    """What names a distribution's content: name, version and its RECORD (every file with its hash)."""
    record = dist.read_text("RECORD") or "\n".join(sorted(str(f) for f in dist.files or ()))
    return [dist.metadata["Name"], dist.version, record]


def _zip(entries: dict[str, bytes], closure: list[md.Distribution]) -> tuple[bytes, dict[str, Any]]:
    distributions: dict[str, str] = {}
    dropped: list[str] = []
    unavailable: list[str] = []
    for dist in closure:
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
    return buffer.getvalue(), manifest


#: Every handler package's entry point: a top-level `index.py` re-exporting the handler.
HANDLER = "index.handler"
#: A `pip install --target` directory of the dependencies built for the FC runtime (see the module docstring).
SITE_PACKAGES_ENV = "ALICLOUD_ML_FC_SITE_PACKAGES"


def runtime_pins(requirements: Sequence[str]) -> list[str]:
    """`name==version` of every compiled distribution the requirements need on the target, at the versions
    installed here. Pure-Python ones are the same files on any Python 3 and are taken from this environment (some,
    as alibabacloud-tea 0.4.3, publish no wheel at all)."""
    return sorted(f"{d.metadata['Name']}=={d.version}" for d in dependency_closure(requirements) if compiled(d))


def handler_package(module: str, *, site_packages: str | Path | None = None, emulated: bool = False) -> Package:
    """The code package of a toolkit handler (`alicloud_ml.handlers.PACKAGES` lists its requirements): `index.py`
    re-exporting `<module>.handler.handler`, the `alicloud_ml` package markers it imports through, `module`'s files
    and the requirements' closure, from `site_packages`, else $ALICLOUD_ML_FC_SITE_PACKAGES, else the runtime's
    wheels (cloud) or this environment (`emulated`).

    Resolving the closure reads every distribution's metadata (most of a warm synth's time), so the answer is
    remembered under the handler's files, its requirements and the state of the directories distributions come
    from (their modification times change with every install or removal) and of the runtime wheel cache.
    A package built without the runtime's wheels it needed is never remembered: the next synth tries again.
    """
    from alicloud_ml.handlers import PACKAGES

    requirements, exclude = PACKAGES[module]
    chosen = site_packages or os.environ.get(SITE_PACKAGES_ENV, "").strip() or None
    sources = _handler_sources(module, exclude)
    memo = cache_dir("fc-packages") / f"{_resolution_key(module, sources, requirements, chosen, emulated)}.json"
    known = _read_sidecar(memo)
    if known is not None:
        return known
    note = ""
    if chosen is None and not emulated:
        chosen, note = _runtime_site(requirements)
    package = build_package(sources, list(requirements), Path(chosen).resolve() if chosen else None)
    if package.unavailable_on_target and note:
        return dataclasses.replace(package, note=note)
    _write_sidecar(memo, package)
    return package


def _resolution_key(module: str, sources: list[tuple[str, bytes]], requirements: Sequence[str],
                    chosen: str | Path | None, emulated: bool) -> str:
    dirs = [str(chosen)] if chosen else [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    stamps = [f"{d}:{os.stat(d).st_mtime_ns}" for d in dirs if os.path.isdir(d)]
    runtime = _fc_runtime.runtime_cache()
    wheels = sorted(os.listdir(runtime)) if not (chosen or emulated) and runtime.is_dir() else []
    return digest([RESOLVE_FORMAT, TARGET_RUNTIME, module, *requirements, str(emulated), *stamps, *wheels,
                   *(part for pair in sources for part in pair)])


def _runtime_site(requirements: Sequence[str]) -> tuple[Path | None, str]:
    """The cached target site for `requirements`, fetching it when allowed; else (None, why not)."""
    pins = runtime_pins(requirements)
    if not pins:
        return None, ""  # all pure Python: this environment's files are the runtime's
    site = _fc_runtime.cached_site(pins)
    if site is not None:
        return site, ""
    if not _fc_runtime.fetch_allowed():
        return None, f"{_fc_runtime.FETCH_ENV}=0 and no python3.12 wheels in the cache"
    try:
        return _fc_runtime.fetch_site(pins), ""
    except _fc_runtime.FetchError as exc:
        return None, str(exc)


def _handler_sources(module: str, exclude: Sequence[str]) -> list[tuple[str, bytes]]:
    """(archive name, bytes) of the handler's own files: the `index.py` shim, the package markers, its modules."""
    import importlib

    package_dir = Path(importlib.import_module(module).__file__ or "").parent
    root = Path(importlib.import_module("alicloud_ml").__file__ or "").parent
    shim = f"from {module}.handler import handler  # noqa: F401  (FC entry: {HANDLER})\n"
    parts = module.split(".")
    parents = ["/".join(parts[:i]) + "/__init__.py" for i in range(1, len(parts))]
    sources: list[tuple[str, Path | bytes]] = [("index.py", shim.encode())]
    sources += [(arc, root.parent / arc) for arc in parents]
    sources += module_files(package_dir, module.replace(".", "/"), exclude=exclude)
    return [(arc, src if isinstance(src, bytes) else src.read_bytes()) for arc, src in sources]


def module_files(package_dir: Path, arc_prefix: str, exclude: Iterable[str] = ()) -> list[tuple[str, Path]]:
    """(`<arc_prefix>/<name>.py`, path) for the `.py` files directly in `package_dir`, minus `exclude`."""
    skip = set(exclude)
    return [(f"{arc_prefix}/{p.name}", p) for p in sorted(package_dir.glob("*.py")) if p.name not in skip]


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m alicloud_ml.constructs._fc_package [--strict]`: fetch the toolkit's handlers' python3.12 wheels
    unless cached (`make install` runs it while it has a network); --strict exits 1 when one cannot be fetched."""
    from alicloud_ml.handlers import PACKAGES

    failed = 0
    for module, (requirements, _) in sorted(PACKAGES.items()):
        pins = runtime_pins(requirements)
        if not pins or _fc_runtime.cached_site(pins) is not None:
            continue
        try:
            print(f"==> {module}: python3.12 wheels of {', '.join(pins)} into {_fc_runtime.fetch_site(pins)}")
        except _fc_runtime.FetchError as exc:
            failed += 1
            print(f"{module}: {exc}; until it succeeds, stacks for a real account with this function fail the gate "
                  "(ALIML_025); run this again with a network", file=sys.stderr)
    return 1 if failed and "--strict" in (argv or ()) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
