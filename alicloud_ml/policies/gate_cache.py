"""Gate each stack once per content: the verdicts of a scan, cached under a key that names everything they depend on.

A stack's verdicts (every check's passed/failed on every address, before suppressions) are a pure
function of
- the stack's JSON text (resources, backend, and the construct-scoped suppressions in `"//"`),
- its name and what the gate tells its checks about the other stacks (which buckets hold state),
- the check code: every file of the `alicloud_ml` package except the generated bindings, so an edited
  check, threshold or catalog fact is a new key,
- checkov's version (its built-in checks and parser), and this cache's format.
Suppressions and their expiry are applied to the verdicts on every run, never cached: a suppression
that lapses today, or one removed from the JSON, brings its finding back. Stacks checkov could not
parse are never cached. `ALICLOUD_ML_GATE_CACHE=0` turns the cache off.
"""

from __future__ import annotations

import functools
import importlib.metadata as md
import json
import os
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from alicloud_ml.cache import cache_dir, digest, prune, read_json, write_atomic
from alicloud_ml.policies.model import Result, builtin_fix

CACHE_SWITCH_ENV = "ALICLOUD_ML_GATE_CACHE"
FORMAT = "gate-verdicts-1"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
_GENERATED = {"provider", "__pycache__"}


@dataclass(frozen=True)
class Verdict:
    """One check's verdict on one address of a stack, before suppressions, with the check's title and fix."""

    check_id: str
    address: str
    status: str
    message: str
    field: str
    source: str
    title: str
    fix: str

    @classmethod
    def of(cls, check_id: str, address: str, result: Result, source: str) -> "Verdict":
        """A result with the title and fix a finding shows (the project check's own, else derived from checkov's)."""
        from alicloud_ml.policies.registry import by_id

        meta = by_id().get(check_id)
        title = meta.meta.title if meta else result.message.split(": ", 1)[-1]
        fix = meta.meta.fix if meta else builtin_fix(check_id, result.field, title)
        return cls(check_id, address, result.status, result.message, result.field, source, title, fix)


@dataclass
class StackScan:
    """What scanning one stack produced: verdicts, each address's line range and how many resources checkov read."""

    verdicts: list[Verdict]
    lines: dict[str, tuple[int, int]]
    scanned: int


def enabled() -> bool:
    return os.environ.get(CACHE_SWITCH_ENV, "1").strip() != "0"


@functools.cache
def code_fingerprint(root: Path = PACKAGE_DIR) -> str:
    """A hash of every file of the package under `root` (names and bytes), generated bindings and bytecode aside."""
    parts: list[bytes | str] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if _GENERATED.intersection(rel.parts) or path.suffix == ".pyc" or not path.is_file():
            continue
        parts += [rel.as_posix(), path.read_bytes()]
    return digest(parts)


@functools.cache
def checkov_version() -> str:
    try:
        return md.version("checkov")
    except md.PackageNotFoundError:
        return "none"


def key(text: str, stack: str, context: Any) -> str:
    """The cache key of one stack's scan (see the module docstring for what goes in)."""
    return digest([FORMAT, text, stack, json.dumps(context, sort_keys=True), code_fingerprint(), checkov_version()])


def load(entry_key: str) -> StackScan | None:
    if not enabled():
        return None
    data = read_json(cache_dir("gate") / f"{entry_key}.json")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    try:
        return StackScan([Verdict(*v) for v in data["verdicts"]],
                         {a: (int(s), int(e)) for a, (s, e) in data["lines"].items()}, int(data["scanned"]))
    except (KeyError, TypeError, ValueError):
        return None


def store(entry_key: str, scan: StackScan) -> None:
    if not enabled():
        return
    body = {"format": FORMAT, "scanned": scan.scanned, "lines": scan.lines,
            "verdicts": [list(astuple(v)) for v in scan.verdicts]}
    directory = cache_dir("gate")
    try:
        write_atomic(directory / f"{entry_key}.json", json.dumps(body, separators=(",", ":")).encode())
        prune(directory)
    except OSError:
        pass  # a read-only or full cache only costs the next run a scan
