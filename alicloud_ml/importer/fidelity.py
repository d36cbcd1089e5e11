"""Measure the importer against a schema file extracted another way, attribute by attribute.

    python -m alicloud_ml.importer.fidelity [--imported alicloud_ml/schema/alicloud-1.289.0.zip]
        [--baseline tests/importer/fixtures/baseline-distilled-34-types.json] [--json]

The baseline is the 34-type schema the toolkit used before the importer existed (distilled by
another tool from the same Go source); it is kept as a test fixture for this comparison only.

For every resource type of the baseline it compares, per attribute and nested block: type,
required/optional/computed, force_new, default, allowed values, range, cross-field constraints,
min/max items, nesting and deprecation, and prints the mismatches grouped by kind. Exit 0 always:
it reports, it does not gate.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from alicloud_ml.importer.write import read

PROVIDER = "registry.terraform.io/aliyun/alicloud"
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"
BASELINE = Path(__file__).resolve().parents[2] / "tests" / "importer" / "fixtures" / "baseline-distilled-34-types.json"
ATTR_KINDS = {
    "type": ("type",), "mode": ("required", "optional", "computed"), "force_new": ("force_new",),
    "default": ("default",), "allowed_values": ("allowed_values", "allowed_values_ignore_case"),
    "range": ("range",), "cross_field": ("conflicts_with", "exactly_one_of", "at_least_one_of"),
    "items": ("min_items", "max_items"), "deprecated": ("deprecated",), "removed": ("removed",),
    "sensitive": ("sensitive",), "validation_pattern": ("validation_pattern",), "number_kind": ("number_kind",),
}
BLOCK_KINDS = {
    "nesting": ("nesting_mode",), "mode": ("required", "optional", "computed"), "force_new": ("force_new",),
    "items": ("min_items", "max_items"), "deprecated": ("deprecated",), "removed": ("removed",),
}


def load(path: Path) -> dict[str, Any]:
    return read(path)


def resources(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["provider_schemas"][PROVIDER]["resource_schemas"]


RANGE = re.compile(r"^(?:validation\.)?(?:Int|Float)Between\((-?\d+),(-?\d+|INT_MAX)\)$")
AT_LEAST = re.compile(r"^(?:validation\.)?(?:Int|Float)AtLeast\((-?\d+)\)$")


def normalise_mechanical(doc: dict[str, Any]) -> dict[str, Any]:
    """Give a mechanically extracted file (sdk_type, raw `validation`) our conventions.

    That layout (shared/reference/alicloud-provider-schema.json) keeps the raw Go validator; the importer
    turns it into `range`. Both keep removed attributes, as the SDK's schema does.
    """

    def block(b: dict[str, Any]) -> None:
        b.setdefault("attributes", {})
        b.setdefault("block_types", {})
        for attr in b["attributes"].values():
            if attr.get("type") == "number" and "sdk_type" in attr:
                attr["number_kind"] = "float" if attr["sdk_type"] == "TypeFloat" else "int"
            validation = attr.get("validation", "").replace(" ", "")
            if m := RANGE.match(validation):
                attr["range"] = [int(m.group(1)), None if m.group(2) == "INT_MAX" else int(m.group(2))]
            elif m := AT_LEAST.match(validation):
                attr["range"] = [int(m.group(1)), None]
        for bt in b["block_types"].values():
            block(bt["block"])

    for schema in resources(doc).values():
        block(schema["block"])
    return doc


def _norm(kind: str, key: str, value: Any) -> Any:
    if kind == "items" and not value:
        return 0
    if value is None:
        return False if kind in ("mode", "force_new", "sensitive") else None
    if kind == "deprecated":
        return bool(value)
    if kind == "cross_field" and isinstance(value, list):
        return sorted(value)
    return value


def _compare_fields(kinds: dict[str, tuple[str, ...]], old: dict, new: dict, path: str,
                    out: list[dict[str, Any]]) -> int:
    for kind, keys in kinds.items():
        for key in keys:
            a, b = _norm(kind, key, old.get(key)), _norm(kind, key, new.get(key))
            if a != b:
                out.append({"kind": kind, "path": path, "key": key, "baseline": old.get(key),
                            "imported": new.get(key)})
    return 1


def compare_block(old: dict, new: dict, path: str, out: list[dict[str, Any]]) -> int:
    """Compare two blocks; returns the number of attributes and nested blocks compared."""
    compared = 0
    old_attrs, new_attrs = old.get("attributes", {}), new.get("attributes", {})
    old_blocks, new_blocks = old.get("block_types", {}), new.get("block_types", {})
    for name in sorted(set(old_attrs) | set(new_attrs)):
        where = f"{path}.{name}"
        if name not in new_attrs:
            kind = "attribute_became_block" if name in new_blocks else "missing_attribute"
            out.append({"kind": kind, "path": where})
        elif name not in old_attrs:
            if not new_attrs[name].get("removed"):  # the distilled baseline left removed attributes out
                kind = "block_became_attribute" if name in old_blocks else "extra_attribute"
                out.append({"kind": kind, "path": where})
        else:
            compared += _compare_fields(ATTR_KINDS, old_attrs[name], new_attrs[name], where, out)
    for name in sorted(set(old_blocks) | set(new_blocks)):
        where = f"{path}.{name}"
        if name not in new_blocks:
            if name not in new_attrs:
                out.append({"kind": "missing_block", "path": where})
        elif name not in old_blocks:
            if name not in old_attrs and not new_blocks[name].get("removed"):
                out.append({"kind": "extra_block", "path": where})
        else:
            compared += _compare_fields(BLOCK_KINDS, old_blocks[name], new_blocks[name], where, out)
            compared += compare_block(old_blocks[name]["block"], new_blocks[name]["block"], where, out)
    return compared


def compare(baseline: dict[str, Any], imported: dict[str, Any]) -> dict[str, Any]:
    old, new = resources(baseline), resources(imported)
    mismatches: list[dict[str, Any]] = []
    compared, types = 0, 0
    for rtype in sorted(old):
        if rtype not in new:
            mismatches.append({"kind": "missing_type", "path": rtype})
            continue
        types += 1
        compared += compare_block(old[rtype]["block"], new[rtype]["block"], rtype, mismatches)
    return {"types_compared": types, "attributes_compared": compared,
            "mismatches_by_kind": dict(Counter(m["kind"] for m in mismatches).most_common()),
            "mismatches": mismatches}


def render(report: dict[str, Any]) -> str:
    lines = [f"types compared:      {report['types_compared']}",
             f"attributes compared: {report['attributes_compared']} (attributes and nested blocks)",
             f"mismatches:          {len(report['mismatches'])}", ""]
    lines += [f"  {kind:<24} {count}" for kind, count in report["mismatches_by_kind"].items()]
    lines.append("")
    for m in report["mismatches"]:
        detail = f" {m['key']}: baseline={m['baseline']!r} imported={m['imported']!r}" if "key" in m else ""
        lines.append(f"{m['kind']:<24} {m['path']}{detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--imported", type=Path, default=SCHEMA_DIR / "alicloud-1.289.0.zip")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--mechanical", action="store_true",
                        help="the baseline keeps sdk_type, raw validation and removed attributes")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    baseline = load(args.baseline)
    if args.mechanical:
        baseline = normalise_mechanical(baseline)
    report = compare(baseline, load(args.imported))
    print(json.dumps(report, indent=1) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
