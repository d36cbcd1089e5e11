"""Reads synthesized stacks: which files to scan, each stack's resources and where they sit in the file."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError
from alicloud_ml.policies.model import Resource, StackDoc
from alicloud_ml.policies.values import COMMENT_KEY, sub

ACCEPTED = ("a cdktf.out directory (with manifest.json or stacks/*/cdk.tf.json), a *.tf.json file, or a directory "
            "of *.tf files")
SKIP_DIRS = frozenset({".terraform", "node_modules"})


@dataclass
class StackFile:
    """One `*.tf.json` file: its text, parsed stack (None when it is not valid JSON) and line index."""

    path: Path
    text: str
    stack: StackDoc | None
    error: str = ""
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)

    def line_of(self, address: str) -> tuple[int, int]:
        """1-based (start, end) lines of `type.name` (or `terraform.backend`, `provider.alicloud`)."""
        if address not in self.lines:
            self.lines[address] = (_locate(self.text, address), 0)
        start, end = self.lines[address]
        return start, max(end, start)


def discover(path: Path) -> list[Path]:
    """The `*.tf.json` files under a cdktf.out directory, or the one file given."""
    if not path.exists():
        raise InputError(str(path), "", "path not found", accepted=ACCEPTED)
    if path.is_file():
        if not path.name.endswith(".json"):
            raise InputError(str(path), "", "not a Terraform JSON file", accepted=ACCEPTED)
        return [path]
    files = sorted(p for p in path.rglob("*.tf.json")
                   if p.is_file() and not SKIP_DIRS.intersection(p.relative_to(path).parts))
    if not files:
        raise InputError(str(path), "", "no *.tf.json files found (run `cdktf synth` or `python main.py` first)",
                         accepted=ACCEPTED)
    return files


def manifest_names(root: Path) -> dict[Path, str]:
    """Stack names by synthesized file, from `manifest.json` when there is one."""
    manifest = root / "manifest.json"
    if not root.is_dir() or not manifest.is_file():
        return {}
    try:
        stacks = json.loads(manifest.read_text()).get("stacks", {})
    except (ValueError, OSError, AttributeError):
        return {}
    out = {}
    for name, entry in stacks.items() if isinstance(stacks, dict) else []:
        rel = entry.get("synthesizedStackPath") if isinstance(entry, dict) else None
        if rel:
            out[(root / rel).resolve()] = entry.get("name", name)
    return out


def load(path: Path, names: dict[Path, str]) -> StackFile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return StackFile(path, "", None, f"cannot read {path}: {exc}")
    try:
        data = json.loads(text)
    except ValueError as exc:
        return StackFile(path, text, None, f"{path} is not valid JSON: {exc}")
    if not isinstance(data, dict):
        return StackFile(path, text, None, f"{path} is not a Terraform JSON object")
    meta = (data.get(COMMENT_KEY) or {}).get("metadata") or {}
    name = meta.get("stackName") or names.get(path.resolve()) or path.parent.name
    return StackFile(path, text, StackDoc(name, str(path), data, tuple(_resources(data, name))))


def _resources(data: dict[str, Any], stack: str) -> list[Resource]:
    out = []
    for rtype, entries in (data.get("resource") or {}).items():
        if rtype == COMMENT_KEY or not isinstance(entries, dict):
            continue
        for name, conf in entries.items():
            if name == COMMENT_KEY or not isinstance(conf, dict):
                continue
            meta = sub(conf, COMMENT_KEY)
            path = str((meta.get("metadata") or {}).get("path", ""))
            attrs = {k: v for k, v in conf.items() if k != COMMENT_KEY}
            out.append(Resource(rtype, name, attrs, path, stack, meta))
    return out


def _locate(text: str, address: str) -> int:
    """Line of an address's key in the JSON text, found in order (`"resource"`, `"type"`, `"name"`)."""
    parts = address.split(".")
    keys = (["resource"] + parts) if address.count(".") == 1 and not address.startswith(("terraform.", "provider.")) \
        else parts
    pos = 0
    for key in keys:
        m = re.compile(r'"' + re.escape(key) + r'"\s*:').search(text, pos)
        if m is None:
            break
        pos = m.start()
    return text.count("\n", 0, pos) + 1
