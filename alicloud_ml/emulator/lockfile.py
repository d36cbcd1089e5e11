"""The dependency lock file that selects the installed emulator, so `terraform init` need not warn.

Terraform installs aliyun/alicloud from the emulator's filesystem mirror; without a lock file it can only
compute the local platform's checksum and warns "Incomplete lock file information for providers" on
every init into a fresh stack directory. A lock file that already records the package's checksum
silences it. The checksum is Terraform's `h1:` package hash of the unpacked directory, which is
Go's `dirhash.Hash1` (golang.org/x/mod/sumdb/dirhash; Terraform `internal/getproviders/hash.go`,
`PackageHashV1`): the SHA-256 of the lines `<hex sha256 of the file>  <slash path>\n` of every file in
name order, base64-encoded.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from alicloud_ml import schema
from alicloud_ml.emulator.install import PROVIDER_SOURCE, launcher_path

LOCK_FILE_NAME = "terraform.lock.hcl"


def package_hash(package: Path) -> str:
    """Terraform's `h1:` hash of an unpacked provider package directory."""
    files = sorted(p for p in package.rglob("*") if p.is_file())
    summary = "".join(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.relative_to(package).as_posix()}\n"
                      for f in files)
    return "h1:" + base64.b64encode(hashlib.sha256(summary.encode()).digest()).decode()


def lock_file_text(directory: Path) -> str:
    """A `.terraform.lock.hcl` selecting the emulator installed under `directory` (pinned version)."""
    version = schema.provider_version()
    return (
        "# Written by `alicloud-ml emulator install`: selects the emulator in this checkout's mirror.\n"
        f'provider "{PROVIDER_SOURCE}" {{\n'
        f'  version     = "{version}"\n'
        f'  constraints = "{version}"\n'
        "  hashes = [\n"
        f'    "{package_hash(launcher_path(directory).parent)}",\n'
        "  ]\n"
        "}\n"
    )


def write_lock_file(directory: Path) -> Path:
    """Write `directory/terraform.lock.hcl` for the installed emulator; returns its path."""
    path = directory.absolute() / LOCK_FILE_NAME
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(lock_file_text(directory.absolute()))
    tmp.replace(path)
    return path
