"""Descriptions and subcategories from the provider's website docs, laid over the Go schema.

The Go schemas carry no descriptions; the docs (`website/docs/r|d/<name>.html.markdown`) do, as
bullet lists `* \\`name\\` - (Optional, ForceNew) text` under "Argument Reference", "Attributes
Reference" and one `### \\`block-nested\\`` section per nested block. Flags in the parentheses are
ignored (the Go schema wins, see shared notes); only the text is kept. A few values the provider
documents but does not validate are added from an explicit table, marked as coming from the docs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.importer import doc_facts

# Values the provider does not validate but its docs list; the toolkit checks them anyway.
# Keyed by (type, block path or None, attribute).
DOC_ALLOWED_VALUES: dict[tuple[str, str | None, str], list[str]] = {
    ("alicloud_cs_kubernetes_node_pool", "taints", "effect"): ["NoSchedule", "PreferNoSchedule", "NoExecute"],
    ("alicloud_cs_kubernetes_node_pool", None, "spot_strategy"): ["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"],
    ("alicloud_cs_kubernetes_node_pool", None, "system_disk_performance_level"): ["PL0", "PL1", "PL2", "PL3"],
}

BULLET = re.compile(r"^(\s*)[*-]\s+`([\w.-]+)`\s*(?:-+\s*|(?=\((?:Optional|Required|Computed|Deprecated|ForceNew)))(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
BLOCK_HEADING = re.compile(r"^`?([a-z0-9_]+(?:[-.][a-z0-9_]+)*)`?(?:\s+(?:block|Block))?$")
FLAGS = re.compile(r"^\((?:[^()]|\([^()]*\))*\)\s*")
LIST_SECTIONS = ("argument", "attribute")


@dataclass
class DocPage:
    """One doc page: front matter and {(block path..., attribute): description}."""

    subcategory: str | None = None
    description: str | None = None
    entries: dict[tuple[str, ...], str] = field(default_factory=dict)
    # The same text followed by the bullets nested under it: what a map or computed list documents.
    with_children: dict[tuple[str, ...], str] = field(default_factory=dict)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    key = None
    for i, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            return meta, i + 1
        if m := re.match(r"^(\w+):\s*(.*)$", line):
            key, value = m.group(1), m.group(2).strip()
            meta[key] = "" if value in ("|-", "|", ">", ">-") else value.strip('"').strip("'")
        elif key is not None and line.startswith((" ", "\t")):
            meta[key] = (meta[key] + " " + line.strip()).strip()
    return meta, 0


def _clean(text: str) -> str:
    text = re.sub(r"^[-.:]\s*", "", FLAGS.sub("", text.strip()))
    return re.sub(r"\s+", " ", text).strip()


def parse_page(path: Path) -> DocPage:
    """Read the front matter and every `name` bullet, keyed by its block path."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    meta, start = _front_matter(lines)
    page = DocPage(subcategory=meta.get("subcategory") or None, description=meta.get("description") or None)
    block: tuple[str, ...] | None = None
    stack: list[tuple[int, tuple[str, ...]]] = []  # (indent, key) of open bullets
    current: tuple[str, ...] | None = None
    parts: list[str] = []
    blank = False
    in_code = False

    def flush() -> None:
        if current is None or current in page.entries:
            return
        page.entries[current] = page.with_children[current] = _clean(" ".join(parts))
        if len(stack) >= 2 and stack[-2][1] in page.with_children:
            raw = re.sub(r"\s+", " ", " ".join(parts)).strip()
            page.with_children[stack[-2][1]] += f" * `{current[-1]}` - {raw}"

    for line in lines[start:]:
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        if m := HEADING.match(line):
            flush()
            current, parts, stack = None, [], []
            title = m.group(2)
            lowered = title.lower()
            if len(m.group(1)) == 2 and lowered.startswith(LIST_SECTIONS):
                block = ()
            elif len(m.group(1)) >= 3 and block is not None and (b := BLOCK_HEADING.match(title)):
                block = tuple(re.split(r"[-.]", b.group(1)))
            else:
                block = None
            continue
        if block is None:
            continue
        if (m := BULLET.match(line)) and (not m.group(1) or line.lstrip().startswith("*")):
            # Indented `- \`value\` - text` lines list values of the bullet above, not attributes.
            flush()
            indent = len(m.group(1).expandtabs(4))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1] if stack else block
            current = (*parent, m.group(2))
            stack.append((indent, current))
            parts, blank = [m.group(3)], False
        elif not line.strip():
            blank = True
        elif current is not None and (line[:1].isspace() or not blank) and not line.startswith(("->", "* ")):
            parts.append(line.strip())
        else:
            flush()
            current, parts = None, []
    flush()
    return page


def _lookup(page: DocPage, path: tuple[str, ...], texts: dict[tuple[str, ...], str] | None = None) -> str | None:
    texts = page.entries if texts is None else texts
    if path in texts:
        return texts[path]
    if len(path) > 2 and path[-2:] in texts:
        return texts[path[-2:]]
    return None


def _apply_block(page: DocPage, block: dict[str, Any], path: tuple[str, ...]) -> None:
    for name, attr in block.get("attributes", {}).items():
        text = _lookup(page, (*path, name), page.with_children)
        if text and "description" not in attr:
            attr["description"] = text
    for name, bt in block.get("block_types", {}).items():
        text = _lookup(page, (*path, name))
        if text and "description" not in bt["block"]:
            bt["block"]["description"] = text
        _apply_block(page, bt["block"], (*path, name))


def apply_page(page: DocPage, entry: dict[str, Any]) -> None:
    """Add descriptions, the page description and the subcategory to one schema entry."""
    if page.subcategory:
        entry["subcategory"] = page.subcategory
    if page.description:
        entry["block"].setdefault("description", _clean(page.description))
    _apply_block(page, entry["block"], ())


def apply_doc_allowed_values(type_name: str, entry: dict[str, Any]) -> None:
    for (rtype, block_path, attr), values in DOC_ALLOWED_VALUES.items():
        if rtype != type_name:
            continue
        block = entry["block"]
        for part in block_path.split(".") if block_path else []:
            block = block.get("block_types", {}).get(part, {}).get("block", {})
        target = block.get("attributes", {}).get(attr)
        if target is not None and "allowed_values" not in target:
            target["allowed_values"] = list(values)
            target["allowed_values_source"] = "docs"


def _page(docs_dir: Path | None, folder: str, name: str) -> Path | None:
    path = docs_dir / folder / f"{name.removeprefix('alicloud_')}.html.markdown" if docs_dir else None
    return path if path is not None and path.is_file() else None


def apply_docs(docs_dir: Path | None, resources: dict[str, Any], data_sources: dict[str, Any],
               functions: dict[str, dict[str, str]] | None = None) -> dict[str, int]:
    """Lay the docs over both kinds of schema; returns how many pages were found per kind.

    A name without a page of its own (an alias such as alicloud_subnet) takes the page of a name
    built by the same Go function (`functions`: kind -> name -> function), since its schema is the same.
    """
    found = {"resource_pages": 0, "data_source_pages": 0}
    kinds = (("resource_pages", "r", resources, "resource_schemas"),
             ("data_source_pages", "d", data_sources, "data_source_schemas"))
    for kind, folder, schemas, schema_kind in kinds:
        funcs = (functions or {}).get(schema_kind, {})
        for name, entry in schemas.items():
            siblings = sorted(n for n in schemas if n != name and funcs.get(n, "") == funcs.get(name, name))
            page_path = next((p for p in (_page(docs_dir, folder, n) for n in [name, *siblings]) if p), None)
            if page_path is not None:
                apply_page(parse_page(page_path), entry)
                found[kind] += 1
            if folder == "r":
                apply_doc_allowed_values(name, entry)
                if page_path is not None:
                    _apply_doc_facts(name, entry, page_path)
    return found


def _apply_doc_facts(name: str, entry: dict[str, Any], page_path: Path) -> None:
    """A resource's id format and its computed attributes' documented defaults (see `doc_facts`)."""
    id_text = entry["block"].get("attributes", {}).get("id", {}).get("description")
    if fmt := doc_facts.id_format(name, id_text, page_path.read_text(encoding="utf-8", errors="replace")):
        entry["id_format"] = fmt
    doc_facts.apply_defaults(entry["block"])
