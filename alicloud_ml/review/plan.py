"""Read a real `terraform show -json PLAN` into the same change records as the synth diff.

When a plan exists (after `terraform plan -out`), it is the truth: the provider decided what is
replaced (`replace_paths`) and what is known after apply. This keeps the report identical either way.
A plan of an HCL root that calls modules names resources by module address, as Terraform does
(`module.platform.module.network.alicloud_vpc.this`); `plan_stack` gives `cost` the planned resources.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alicloud_ml.errors import InputError
from alicloud_ml.review import attrs as A
from alicloud_ml.review.model import ABSENT, Action, AttrChange, ResourceChange, StackChanges
from alicloud_ml.synthesized import Resource, Stack

_ACTIONS = {
    ("no-op",): Action.NO_OP, ("create",): Action.CREATE, ("update",): Action.UPDATE, ("delete",): Action.DELETE,
    ("delete", "create"): Action.REPLACE, ("create", "delete"): Action.REPLACE,
}
_REASONS = {
    "replace_because_tainted": "the resource is tainted",
    "replace_by_request": "replacement was requested (-replace)",
    "replace_because_cannot_update": "the provider cannot update it in place",
    "delete_because_no_resource_config": "removed from the configuration",
    "delete_because_no_module": "its module was removed",
    "delete_because_wrong_repetition": "count/for_each changed",
    "delete_because_count_index": "count shrank",
    "delete_because_each_key": "its for_each key was removed",
}


def load_plan(path: Path | str, stack: str | None = None) -> StackChanges:
    """Changes of one plan; the stack name defaults to the plan's folder under cdktf.out/stacks/."""
    path = Path(path)
    doc = read_plan(path)
    items = doc.get("resource_changes", [])
    if not isinstance(items, list):
        raise InputError(str(path), "resource_changes", "not a list", accepted="a list of resource changes")
    name = stack or (path.parent.name if path.parent.parent.name == "stacks" else path.stem)
    region = _region(doc)
    changes = [rc for i, item in enumerate(items) if (rc := _change(path, i, item, name)) is not None]
    return StackChanges(name, changes, region)


def read_plan(path: Path) -> dict[str, Any]:
    """The parsed `terraform show -json` document; InputError naming the file for anything else."""
    if not path.is_file():
        raise InputError(str(path), "", "not found", accepted="the output of `terraform show -json PLANFILE`")
    try:
        doc = json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "", f"invalid JSON: {exc}", accepted="the output of `terraform show -json PLANFILE`",
                         hint="pass the JSON, not the binary plan file") from None
    if not isinstance(doc, dict) or "format_version" not in doc:
        raise InputError(str(path), "format_version", "missing", accepted="the output of `terraform show -json PLANFILE`")
    return doc


def is_plan(path: Path) -> bool:
    """A `terraform show -json` plan rather than a synthesized stack (`cdk.tf.json`)."""
    if not path.is_file():
        return False
    try:
        doc = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError, OSError):
        return False
    return isinstance(doc, dict) and "format_version" in doc and ("planned_values" in doc or "resource_changes" in doc)


def plan_stack(path: Path | str, stack: str | None = None) -> Stack:
    """The resources a plan would leave (`planned_values`, every module), by module address, for `cost`.

    Values known only after apply are absent; nulls are dropped (an unset argument, as in a synth).
    """
    path = Path(path)
    doc = read_plan(path)
    resources: dict[str, Resource] = {}

    def walk(module: Any, where: str) -> None:
        if not isinstance(module, dict):
            raise InputError(str(path), where, "not an object", accepted="a planned_values module")
        for i, item in enumerate(module.get("resources") or []):
            if not isinstance(item, dict) or item.get("mode", "managed") != "managed":
                continue
            rtype, name = str(item.get("type", "")), str(item.get("name", ""))
            if item.get("index") is not None:
                name += f"[{json.dumps(item['index'])}]"
            raw = item.get("values")
            attrs = {k: v for k, v in raw.items() if v is not None} if isinstance(raw, dict) else {}
            res = Resource(rtype, name, attrs, "", stack or path.stem, module=_module_of(str(item.get("address", "")), rtype))
            resources[res.address] = res
        for j, child in enumerate(module.get("child_modules") or []):
            walk(child, f"{where}.child_modules[{j}]")

    walk((doc.get("planned_values") or {}).get("root_module") or {}, "planned_values.root_module")
    return Stack(name=stack or path.stem, file=str(path), data={}, resources=tuple(resources.values()),
                 region=_region(doc))


def _module_of(address: str, rtype: str) -> str:
    head, sep, _ = address.rpartition(f"{rtype}.")
    return head.rstrip(".") if sep and head.startswith("module.") else ""


def _region(doc: dict[str, Any]) -> str | None:
    cfg = doc.get("configuration", {}).get("provider_config", {}).get("alicloud", {})
    region = cfg.get("expressions", {}).get("region", {}).get("constant_value") if isinstance(cfg, dict) else None
    return region if isinstance(region, str) else None


def _change(path: Path, i: int, item: Any, stack: str) -> ResourceChange | None:
    where = f"resource_changes[{i}]"
    if not isinstance(item, dict) or not isinstance(item.get("change"), dict):
        raise InputError(str(path), f"{where}.change", "missing", accepted="an object with actions, before, after")
    if item.get("mode", "managed") != "managed":
        return None  # data sources are read, not changed
    actions = tuple(item["change"].get("actions") or ())
    if actions == ("read",):
        return None
    if actions not in _ACTIONS:
        raise InputError(str(path), f"{where}.change.actions", f"invalid value {list(actions)}",
                         accepted="no-op, create, update, delete, [delete, create], [create, delete]")
    rtype, name = str(item.get("type", "")), str(item.get("name", ""))
    if item.get("index") is not None:
        name += f"[{json.dumps(item['index'])}]"
    change = item["change"]
    before = change.get("before") if isinstance(change.get("before"), dict) else None
    after = change.get("after") if isinstance(change.get("after"), dict) else None
    rc = ResourceChange(stack, rtype, name, _ACTIONS[actions], before=before, after=after,
                        moved_from=item.get("previous_address"), module=str(item.get("module_address") or ""))
    if rc.action in (Action.UPDATE, Action.REPLACE):
        rc.attributes = _attributes(rtype, before or {}, after or {}, change.get("after_unknown") or {},
                                    change.get("replace_paths") or [])
        forced = sorted({a.forced_by for a in rc.attributes if a.forces_replacement and a.forced_by})
        rc.reasons = [f"`{f}` forces replacement" for f in forced]
    reason = _REASONS.get(str(item.get("action_reason", "")))
    if reason and (rc.action is Action.DELETE or not rc.reasons):
        rc.reasons.append(reason)
    return rc


def _attributes(rtype: str, before: dict[str, Any], after: dict[str, Any], unknown: dict[str, Any],
                replace_paths: list[list[Any]]) -> list[AttrChange]:
    forcing = {A.normalized(tuple(p)) for p in replace_paths if isinstance(p, list)}
    flat_b, flat_a = A.flatten(before), A.flatten(after)
    flat_u = {p for p, v in A.flatten(unknown).items() if v is True}
    out = []
    for path in [*flat_a, *(p for p in flat_b if p not in flat_a), *(p for p in flat_u if p not in flat_a)]:
        norm = A.normalized(path)
        b, a = flat_b.get(path, ABSENT), flat_a.get(path, ABSENT)
        is_unknown = path in flat_u
        forced = next((f for f in sorted(forcing) if norm == f or norm.startswith(f + ".")), None)
        if is_unknown and forced is None and A.is_computed(rtype, norm):
            continue  # computed values Terraform always re-reads after a change: noise, not a decision
        if not is_unknown and A.canonical(b) == A.canonical(a):
            continue
        out.append(AttrChange(A.display(path), b, a, after_unknown=is_unknown, forces_replacement=forced is not None,
                              forced_by=forced))
    return out
