"""Load synthesized stacks (a cdktf.out directory or one cdk.tf.json) into plain records.

Review and cost read what `cdktf synth` wrote instead of running Terraform, so they work with
no credentials and no provider download. Every malformed input becomes an `InputError` that
names the file and the field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError

ACCEPTED_PATH = "a cdktf.out directory (with manifest.json or stacks/*/cdk.tf.json) or one cdk.tf.json file"


@dataclass(frozen=True)
class Resource:
    """One `resource.<type>.<name>` body, without cdktf's `//` metadata."""

    type: str
    name: str
    attrs: dict[str, Any]
    construct_path: str
    module: str = ""  # module path of a resource read from a plan of an HCL root

    @property
    def address(self) -> str:
        return f"{self.module}.{self.type}.{self.name}" if self.module else f"{self.type}.{self.name}"


@dataclass(frozen=True)
class Stack:
    name: str
    file: Path
    region: str | None
    resources: dict[str, Resource]
    moved: dict[str, str] = field(default_factory=dict)  # new address -> old address


def load_synth(path: Path | str) -> dict[str, Stack]:
    """Stacks by name from a cdktf.out directory or a single cdk.tf.json."""
    path = Path(path)
    if path.is_file():
        stack = load_stack_file(path, None)
        return {stack.name: stack}
    if not path.is_dir():
        raise InputError(str(path), "", "not found", accepted=ACCEPTED_PATH)
    files = _stack_files(path)
    stacks = {}
    for name, file in files:
        stacks[name] = load_stack_file(file, name)
    return dict(sorted(stacks.items()))


def _stack_files(outdir: Path) -> list[tuple[str, Path]]:
    manifest = outdir / "manifest.json"
    if manifest.is_file():
        data = _read_json(manifest)
        stacks = data.get("stacks") if isinstance(data, dict) else None
        if not isinstance(stacks, dict):
            raise InputError(str(manifest), "stacks", "missing or not an object",
                             accepted='{"stacks": {"<name>": {"synthesizedStackPath": "..."}}}')
        out = []
        for name, entry in sorted(stacks.items()):
            rel = entry.get("synthesizedStackPath") if isinstance(entry, dict) else None
            if not isinstance(rel, str):
                raise InputError(str(manifest), f"stacks.{name}.synthesizedStackPath", "missing",
                                 accepted="a path relative to the manifest")
            file = outdir / rel
            if not file.is_file():
                raise InputError(str(manifest), f"stacks.{name}.synthesizedStackPath",
                                 f"{rel} does not exist", hint="re-run synth")
            out.append((name, file))
        return out
    found = sorted(outdir.glob("stacks/*/cdk.tf.json"))
    if not found and (outdir / "cdk.tf.json").is_file():
        found = [outdir / "cdk.tf.json"]
    if not found:
        raise InputError(str(outdir), "", "no synthesized stacks found", accepted=ACCEPTED_PATH)
    return [(f.parent.name, f) for f in found]


def _read_json(file: Path) -> Any:
    try:
        return json.loads(file.read_text())
    except json.JSONDecodeError as exc:
        raise InputError(str(file), f"line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}",
                         accepted="JSON written by cdktf synth") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(file), "", f"cannot read: {exc}") from None


def load_stack_file(file: Path, name: str | None) -> Stack:
    """Parse one cdk.tf.json; the stack name comes from the manifest, its metadata, or its folder."""
    data = _read_json(file)
    if not isinstance(data, dict):
        raise InputError(str(file), "", "top level is not an object", accepted="a cdk.tf.json object")
    meta_name = data.get("//", {}).get("metadata", {}).get("stackName") if isinstance(data.get("//"), dict) else None
    name = name or meta_name or file.parent.name
    blocks = data.get("resource", {})
    if not isinstance(blocks, dict):
        raise InputError(str(file), "resource", "not an object", accepted='{"<type>": {"<name>": {...}}}')
    resources: dict[str, Resource] = {}
    for rtype, by_name in blocks.items():
        if not isinstance(by_name, dict):
            raise InputError(str(file), f"resource.{rtype}", "not an object", accepted='{"<name>": {...}}')
        for rname, body in by_name.items():
            if not isinstance(body, dict):
                raise InputError(str(file), f"resource.{rtype}.{rname}", "not an object",
                                 accepted="the resource's arguments as an object")
            meta = body.get("//")
            path = meta.get("metadata", {}).get("path", "") if isinstance(meta, dict) else ""
            attrs = {k: v for k, v in body.items() if k != "//"}
            res = Resource(rtype, rname, attrs, path if isinstance(path, str) else "")
            resources[res.address] = res
    return Stack(name=name, file=file, region=_region(data), resources=resources, moved=_moved(data, file))


def _region(data: dict[str, Any]) -> str | None:
    providers = data.get("provider", {})
    ali = providers.get("alicloud") if isinstance(providers, dict) else None
    if isinstance(ali, list) and ali and isinstance(ali[0], dict):
        region = ali[0].get("region")
        return region if isinstance(region, str) else None
    if isinstance(ali, dict):
        region = ali.get("region")
        return region if isinstance(region, str) else None
    return None


def _moved(data: dict[str, Any], file: Path) -> dict[str, str]:
    """`moved` blocks (cdktf `moveTo`) so a renamed construct is an update, not destroy + create."""
    blocks = data.get("moved", [])
    if isinstance(blocks, dict):
        blocks = [blocks]
    out: dict[str, str] = {}
    for i, block in enumerate(blocks if isinstance(blocks, list) else []):
        if not (isinstance(block, dict) and isinstance(block.get("from"), str) and isinstance(block.get("to"), str)):
            raise InputError(str(file), f"moved[{i}]", "needs string `from` and `to`",
                             accepted='{"from": "<type>.<old>", "to": "<type>.<new>"}')
        out[block["to"]] = block["from"]
    return out
