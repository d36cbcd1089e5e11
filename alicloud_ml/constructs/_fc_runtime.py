"""A function's dependencies built for the Function Compute runtime, once per content, from the user's own registry.

The toolkit synthesizes on whatever CPython the user has (3.11 here); FC runs `python3.12` on Debian 11,
x86_64 (https://www.alibabacloud.com/help/en/functioncompute/fc/python/). An extension compiled for
3.11 does not load on 3.12 (its file name carries the interpreter's tag, PEP 3149), and cryptography,
which the DSW SDK imports, needs cffi's `_cffi_backend`. So the handler's compiled dependencies are
installed from the target's own wheels:

    pip install --target DIR --python-version 3.12 --implementation cp --abi cp312
                --platform manylinux2014_x86_64 --platform manylinux_2_28_x86_64
                --only-binary=:all: --no-deps <each compiled distribution of the closure>==<its installed version>

through this interpreter's pip, so from the index, mirror and certificates pip is already configured
with (pip.conf, PIP_* variables). The versions are the ones installed here (the handler tests ran
against them), the closure is evaluated for the target's markers, and glibc 2.31 (Debian 11) runs
both manylinux platforms. Pure-Python distributions are the same files on any Python 3 and are copied
from this environment (some publish no wheel at all). The result is kept in the cache under a hash of
the pins (`fc-runtime/<key>/`, outside `cdktf.out`), so every later synth, online or not, reads it.

Offline with an empty cache pip fails within seconds (`--retries 0`); the package is then built from
this interpreter's own distributions and lists what cannot import on the runtime. The gate blocks
such a package in a stack that deploys to a real account (ALIML_025) and accepts it in the emulator,
which never runs function code. `make install` fetches the reference handlers' wheels while it has a
network (`python -m alicloud_ml.constructs._fc_package`); `ALICLOUD_ML_FC_FETCH=0` never runs pip; `ALICLOUD_ML_FC_RUNTIME_CACHE` moves the cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from alicloud_ml.cache import cache_dir, digest

FORMAT = "fc-runtime-1"
FETCH_ENV = "ALICLOUD_ML_FC_FETCH"
RUNTIME_CACHE_ENV = "ALICLOUD_ML_FC_RUNTIME_CACHE"
#: What pip is told the target is (see the module docstring for the source of each).
PIP_TARGET = ("--python-version", "3.12", "--implementation", "cp", "--abi", "cp312",
              "--platform", "manylinux2014_x86_64", "--platform", "manylinux_2_28_x86_64", "--only-binary=:all:")
COMPLETE = ".complete"


class FetchError(RuntimeError):
    """pip could not install the runtime's wheels (no network, no such wheel); the message says which."""


def runtime_cache() -> Path:
    configured = os.environ.get(RUNTIME_CACHE_ENV, "").strip()
    return Path(configured) if configured else cache_dir("fc-runtime")


def site_key(pins: Sequence[str]) -> str:
    """The cache key of a target site: the target and the exact pins."""
    return digest([FORMAT, *PIP_TARGET, *sorted(pins)])


def cached_site(pins: Sequence[str]) -> Path | None:
    """The complete target site for these pins, if one was built before."""
    site = runtime_cache() / site_key(pins)
    return site if (site / COMPLETE).is_file() else None


def fetch_allowed() -> bool:
    return os.environ.get(FETCH_ENV, "1").strip() != "0"


def fetch_site(pins: Sequence[str], *, extra_pip_args: Sequence[str] = ()) -> Path:
    """Install `pins` for the runtime into the cache (pip into a directory beside it, then a rename, so a
    concurrent synth sees a whole site or none). Raises FetchError with pip's last words."""
    done = cached_site(pins)
    if done is not None:
        return done
    final = runtime_cache() / site_key(pins)
    staging = final.with_name(f".{final.name}.{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
               "--retries", "0", "--timeout", "15", "--no-compile", "--no-deps", "--target", str(staging),
               *PIP_TARGET, *extra_pip_args, *sorted(pins)]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900,
                             env={**os.environ, "PIP_NO_WARN_SCRIPT_LOCATION": "1"})
    except (OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise FetchError(f"pip could not run: {exc}") from None
    if run.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        last = [line for line in (run.stderr or run.stdout).splitlines() if line.strip() and "is ignored" not in line]
        raise FetchError("pip could not install the python3.12 wheels: " + " ".join(last[-2:])[-400:])
    (staging / COMPLETE).write_text("\n".join(sorted(pins)) + "\n")
    try:
        staging.rename(final)
    except OSError:  # another synth finished the same site first
        shutil.rmtree(staging, ignore_errors=True)
    return final
