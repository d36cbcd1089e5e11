"""Files the CLI writes for the user (`--output` reports, `init`'s starter): whole or not at all, with
the user's usual file mode."""

from __future__ import annotations

import os
from pathlib import Path

from alicloud_ml.errors import InputError


def write_report(path: Path, text: str, option: str = "--output") -> None:
    """Write `text` to `path` through a temporary file beside it and a rename, so a reader never sees half
    a report. `write_text` creates the file with the umask's mode (mkstemp would make it 0600)."""
    write_bytes(path, (text if text.endswith("\n") else text + "\n").encode("utf-8"), option)


def write_bytes(path: Path, data: bytes, option: str = "--output") -> None:
    """`write_report` for binary output (a PNG)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(str(path), option, f"cannot write: {exc.strerror}") from None
