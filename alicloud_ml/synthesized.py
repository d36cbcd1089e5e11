"""The one model of a synthesized stack: files, stacks, resources, construct paths and source lines.

The policy gate and its checks, the plan review and the cost estimate all read what `cdktf synth`
wrote through here, so a resource means the same thing to each of them. Two ways in:
- `load_synth` (review, cost): every malformed input is an `InputError` naming the file and field;
- `discover` + `read_stack_file` (the gate): a file that cannot be read becomes a parse error in the
  report, and the other stacks are still gated.
Typed views of single values live beside it (`eas_service_config`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError

COMMENT_KEY = "//"  # cdktf's metadata key: construct path, stack name, overrides
ACCEPTED = ("a cdktf.out directory (with manifest.json or stacks/*/cdk.tf.json), a *.tf.json file, or a directory "
            "of *.tf files")
SKIP_DIRS = frozenset({".terraform", "node_modules"})

# What a reference to a resource looks like: `<provider>_<type>.<name>.<attribute>` (Terraform's
# resource address form; `var.`, `data.`, `local.` never match because a resource type has an underscore).
_TYPE = r"[a-z][a-z0-9]*_[a-z0-9_]+"
_NAME = r"[A-Za-z_][\w-]*"
#: A whole value that is one reference: `${alicloud_vpc.main.id}`; in HCL a reference into a module
#: keeps the module path on the type (`${module.net.alicloud_vpc.this.id}`).
_WHOLE_REFERENCE = re.compile(rf"^\$\{{((?:module\.[A-Za-z0-9_\-]+(?:\[[^\]]*\])?\.)*{_TYPE})\.({_NAME})"
                              r"\.([A-Za-z0-9_\.\[\]]+)\}$")
#: References anywhere inside an expression: `alicloud_vswitch.a[0].id`, `alicloud_x.y.*.id`.
_INNER_REFERENCE = re.compile(rf"(?<![\w.])({_TYPE})\.({_NAME})(?:\[[^\]]*\]|\.\*)?\.([A-Za-z_]\w*)")


@dataclass(frozen=True)
class Resource:
    """One resource in plain Terraform-JSON shape (blocks are lists of objects).

    `attrs` never holds the `"//"` metadata; `path` is the construct path taken from it. Resources
    read from HCL or a plan carry the module path they sit in (`module.platform.module.network`),
    which is part of their address, as in Terraform.
    """

    type: str
    name: str
    attrs: Mapping[str, Any]
    path: str = ""
    stack: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    module: str = ""

    @property
    def address(self) -> str:
        return f"{self.module}.{self.type}.{self.name}" if self.module else f"{self.type}.{self.name}"

    @property
    def ref_prefix(self) -> str:
        """`${type.name.` — how other resources reference this one."""
        return "${" + self.address + "."


@dataclass(frozen=True)
class Stack:
    """One stack: its document (empty for a plan), resources, provider region and `moved` blocks."""

    name: str
    file: str
    data: Mapping[str, Any]
    resources: tuple[Resource, ...]
    region: str | None = None
    #: new address -> old address (cdktf `moveTo`), so a renamed construct is an update, not destroy + create
    moved: Mapping[str, str] = field(default_factory=dict)
    #: bucket names that OSS backends of the stacks gated together keep state in
    state_buckets: frozenset[str] = frozenset()
    #: the subset that production stacks (`ml-prod`) keep their state in
    prod_state_buckets: frozenset[str] = frozenset()

    @cached_property
    def by_address(self) -> dict[str, Resource]:
        return {r.address: r for r in self.resources}

    def of_type(self, *types: str) -> list[Resource]:
        return [r for r in self.resources if r.type in types]

    def get(self, address: str) -> Resource | None:
        return self.by_address.get(address)

    def resolve(self, value: Any) -> Resource | None:
        """The resource a `${type.name.attr}` reference points at, if it is in this stack."""
        ref = parse_ref(value)
        return self.get(f"{ref[0]}.{ref[1]}") if ref else None


def parse_ref(value: Any) -> tuple[str, str, str] | None:
    """`"${alicloud_vpc.Net_Vpc_1.id}"` → `("alicloud_vpc", "Net_Vpc_1", "id")`; None for anything else.

    `f"{type}.{name}"` is the resource's address, also inside modules:
    `${module.net.alicloud_vpc.this.id}` → `("module.net.alicloud_vpc", "this", "id")`.
    """
    if not isinstance(value, str):
        return None
    m = _WHOLE_REFERENCE.match(value.strip())
    return (m.group(1), m.group(2), m.group(3)) if m else None


def references(value: Any) -> list[tuple[str, str]]:
    """(address, attribute) pairs referenced from `${…}` expressions inside a value (or a list of them)."""
    texts = value if isinstance(value, list) else [value]
    return [(f"{rtype}.{rname}", attr) for text in texts if isinstance(text, str) and "${" in text
            for rtype, rname, attr in _INNER_REFERENCE.findall(text)]


#: What `json_attribute` says of a `${…}` expression: its value exists only after apply.
UNRESOLVED = "is a Terraform expression, not known until apply"


def json_attribute(value: Any) -> tuple[Any, str]:
    """A JSON-string attribute (`service_config`, `policy_document`) decoded: (data, "") or (None, what is wrong)."""
    if isinstance(value, (dict, list)):
        return value, ""
    if not isinstance(value, str) or not value.strip():
        return None, "is missing"
    if value.strip().startswith("${"):
        return None, UNRESOLVED
    try:
        return json.loads(value), ""  # `${…}` inside string values (vpc ids) keeps it valid JSON
    except json.JSONDecodeError as exc:
        return None, f"is not valid JSON ({exc.msg} at position {exc.pos})"


def _metadata_name(data: Mapping[str, Any]) -> str | None:
    """The stack name cdktf writes into the document's `"//"` metadata."""
    meta = data.get(COMMENT_KEY)
    name = (meta.get("metadata") or {}).get("stackName") if isinstance(meta, dict) else None
    return name if isinstance(name, str) else None


def stack_from_json(data: Mapping[str, Any], file: str, name: str | None = None, *, strict: bool = True) -> Stack:
    """A parsed `cdk.tf.json`. The name comes from the caller (manifest), the stack's metadata, or its folder.

    strict: malformed blocks raise `InputError`; otherwise they are skipped (the gate reports what checkov says).
    """
    name = name or _metadata_name(data) or Path(file).parent.name
    return Stack(name, file, data, tuple(_resources(data, file, name, strict)), _region(data),
                 _moved(data, file) if strict else {})


def _resources(data: Mapping[str, Any], file: str, stack: str, strict: bool) -> list[Resource]:
    blocks = data.get("resource") or {}
    if not isinstance(blocks, dict):
        if strict:
            raise InputError(file, "resource", "not an object", accepted='{"<type>": {"<name>": {...}}}')
        return []
    out = []
    for rtype, by_name in blocks.items():
        if rtype == COMMENT_KEY:
            continue
        if not isinstance(by_name, dict):
            if strict:
                raise InputError(file, f"resource.{rtype}", "not an object", accepted='{"<name>": {...}}')
            continue
        for rname, body in by_name.items():
            if rname == COMMENT_KEY:
                continue
            if not isinstance(body, dict):
                if strict:
                    raise InputError(file, f"resource.{rtype}.{rname}", "not an object",
                                     accepted="the resource's arguments as an object")
                continue
            raw_meta = body.get(COMMENT_KEY)
            meta = raw_meta if isinstance(raw_meta, dict) else {}
            path = (meta.get("metadata") or {}).get("path", "")
            attrs = {k: v for k, v in body.items() if k != COMMENT_KEY}
            out.append(Resource(rtype, rname, attrs, path if isinstance(path, str) else "", stack, meta))
    return out


def _region(data: Mapping[str, Any]) -> str | None:
    """The `alicloud` provider's region (the first block when there are aliases)."""
    providers = data.get("provider")
    ali = providers.get("alicloud") if isinstance(providers, dict) else None
    if isinstance(ali, list):
        ali = ali[0] if ali else None
    region = ali.get("region") if isinstance(ali, dict) else None
    return region if isinstance(region, str) else None


def _moved(data: Mapping[str, Any], file: str) -> dict[str, str]:
    blocks = data.get("moved", [])
    if isinstance(blocks, dict):
        blocks = [blocks]
    out: dict[str, str] = {}
    for i, block in enumerate(blocks if isinstance(blocks, list) else []):
        if not (isinstance(block, dict) and isinstance(block.get("from"), str) and isinstance(block.get("to"), str)):
            raise InputError(file, f"moved[{i}]", "needs string `from` and `to`",
                             accepted='{"from": "<type>.<old>", "to": "<type>.<new>"}')
        out[block["to"]] = block["from"]
    return out


# ---------------------------------------------------------------- strict: review and cost


def load_synth(path: Path | str) -> dict[str, Stack]:
    """Stacks by name from a cdktf.out directory or a single cdk.tf.json."""
    path = Path(path)
    if path.is_file():
        stack = stack_from_json(_read_object(path), str(path))
        return {stack.name: stack}
    if not path.is_dir():
        raise InputError(str(path), "", "not found", accepted=ACCEPTED)
    stacks = {name: stack_from_json(_read_object(file), str(file), name) for name, file in _stack_files(path)}
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
            if not (outdir / rel).is_file():
                raise InputError(str(manifest), f"stacks.{name}.synthesizedStackPath",
                                 f"{rel} does not exist", hint="re-run synth")
            out.append((name, outdir / rel))
        return out
    found = sorted(outdir.glob("stacks/*/cdk.tf.json"))
    if not found and (outdir / "cdk.tf.json").is_file():
        found = [outdir / "cdk.tf.json"]
    if not found:
        raise InputError(str(outdir), "", "no synthesized stacks found", accepted=ACCEPTED)
    return [(f.parent.name, f) for f in found]


def _read_json(file: Path) -> Any:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(str(file), f"line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}",
                         accepted="JSON written by cdktf synth") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(file), "", f"cannot read: {exc}") from None


def _read_object(file: Path) -> dict[str, Any]:
    data = _read_json(file)
    if not isinstance(data, dict):
        raise InputError(str(file), "", "top level is not an object", accepted="a cdk.tf.json object")
    return data


# ---------------------------------------------------------------- lenient: the gate


@dataclass
class StackFile:
    """One `*.tf.json` file for the gate: its text, stack (None when unreadable) and line index."""

    path: Path
    text: str
    stack: Stack | None
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
    """Stack names by synthesized file, from `manifest.json` when there is one (best effort)."""
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


def read_stack_file(path: Path, names: dict[Path, str]) -> StackFile:
    """One file for the gate; what cannot be read is recorded as the file's error."""
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
    # the gate prefers the document's own name to the manifest's (review prefers the manifest: load_synth)
    name = _metadata_name(data) or names.get(path.resolve())
    return StackFile(path, text, stack_from_json(data, str(path), name, strict=False))


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
