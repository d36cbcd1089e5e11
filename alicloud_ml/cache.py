"""The toolkit's content-addressed caches: gate results and function code packages, outside `cdktf.out`.

Every entry is named by a hash of everything that decides its content, so an entry is either exactly
what a fresh computation would give or is never found; deleting the directory only costs time.
Location: `$ALICLOUD_ML_CACHE_DIR`, else `$XDG_CACHE_HOME/alicloud-ml`, else `~/.cache/alicloud-ml`
(per user, shared by every checkout: the same content has the same key everywhere).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_ENV = "ALICLOUD_ML_CACHE_DIR"
#: Entries kept per kind; the least recently written beyond it are removed when one is added.
KEEP = 256


def cache_dir(kind: str) -> Path:
    """The directory of one kind of entry (`gate`, `fc-packages`, `fc-runtime`)."""
    root = os.environ.get(CACHE_ENV, "").strip()
    if not root:
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
        root = str(Path(base) / "alicloud-ml")
    return Path(root) / kind


def digest(parts: Iterable[bytes | str]) -> str:
    """SHA-256 of length-prefixed parts: (a, bc) and (ab, c) never share a key."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def read_json(path: Path) -> Any:
    """The entry at `path`, or None when it is missing or unreadable (a torn or foreign file is a miss)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside, then rename: concurrent writers of one key each leave a whole file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def prune(directory: Path, keep: int = KEEP) -> None:
    """Remove the oldest entries beyond `keep` (best effort: another process may be pruning too)."""
    try:
        entries = [p for p in directory.iterdir() if not p.name.startswith(".")]
    except OSError:
        return
    if len(entries) <= keep:
        return
    entries.sort(key=lambda p: p.stat().st_mtime if p.exists() else 0)
    for stale in entries[: len(entries) - keep]:
        try:
            if stale.is_dir():
                import shutil

                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink()
        except OSError:
            pass
