"""Gate a Terraform HCL root module (a directory of `*.tf`): the same checks, severities and report formats.

Checkov's HCL runner reads the root and every local module it calls; its built-in `CKV_ALI_*`
results are taken as they are, and the project's checks run on the same rendered configuration
through the same checkov check objects (`checkov_adapter`). Resources are named by their module
address (`module.platform.module.network.alicloud_vpc.this`), as Terraform names them.

Suppressions are checkov's comments, `#checkov:skip=ALIML_001:<reason>`, held to the TOML rule: a
reason of at least 10 characters (`suppressions.make_suppression`; a shorter one is bad input, exit 2).
A comment inside a resource block covers that resource, inside a `module` block every resource of
that module, and outside any block the whole root (stack-level findings included).

Checkov cannot evaluate everything HCL can say (object members' `optional()` defaults, `for_each`
module instances, functions of module inputs). A finding whose attribute is such an unevaluated
expression is reported as `not_evaluated`: no verdict, never a pass, never blocking.

Stack-level checks run on the whole root with references followed by module address: a rendered
`alicloud_vpc.this.id` is the `alicloud_vpc.this` in the same module, else the only one in the root;
a reference that stays ambiguous is left unresolved (see `STACK_LEVEL_ON_HCL`).
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.policies.model import FAILED, Result
from alicloud_ml.synthesized import Resource, Stack
from alicloud_ml.policies.suppressions import META_KEY, Suppression, make_suppression
from alicloud_ml.policies.values import unhcl, unresolved
from alicloud_ml.synthesized import COMMENT_KEY, parse_ref

SKIP = re.compile(r"#\s*checkov:skip=([A-Za-z0-9_]+)(?::(.*))?$")
_RENDERED_REF = re.compile(r"^([a-z0-9_]+)\.([A-Za-z0-9_\-]+)(?:\[[^\]]*\])?\.([A-Za-z0-9_\.\[\]\"]+)$")
#: Stack-level checks and how far they reach on HCL (README "HCL teams").
STACK_LEVEL_ON_HCL = {
    "ALIML_004": "when the pools' and rules' references to the group resolve unambiguously (or it is tagged "
                 "workload = training)",
    "ALIML_006": "yes", "ALIML_012": "yes (provider blocks of the root)", "ALIML_015": "yes (the root's backend)",
    "ALIML_018": "yes, following module outputs to the cluster", "ALIML_019": "yes, from literal values",
    "ALIML_007": "when the vSwitch and VPC references resolve", "ALIML_008": "when the references resolve",
}


def is_hcl_dir(path: Path) -> bool:
    """A directory holding `*.tf` files (a root module), as opposed to a cdktf.out of `*.tf.json`."""
    return path.is_dir() and any(path.glob("*.tf"))


@dataclass
class HclResource:
    resource: Resource
    file: Path
    start: int
    end: int
    conf: dict[str, Any]


@dataclass
class HclRoot:
    """A rendered root module: its resources by address, stack document and comment suppressions."""

    path: Path
    resources: dict[str, HclResource] = field(default_factory=dict)
    stack: Stack | None = None
    blocks: list[tuple[Path, int, int, str]] = field(default_factory=list)  # (file, start, end, module prefix)
    files: set[Path] = field(default_factory=set)                           # the root's own files
    phantoms: set[str] = field(default_factory=set)                         # module instances that do not exist


def _module_address(address: str) -> str:
    """checkov's module block address (`module.platform.network`, or `platform` at the root) in Terraform's
    form (`module.platform.module.network`)."""
    if not address.startswith("module."):
        return f"module.{address}"
    parent, _, call = address.rpartition(".")
    return f"{parent}.module.{call}"


def _module_prefix(address: str, rtype: str, name: str) -> str:
    suffix = f".{rtype}.{name}"
    return address[: -len(suffix)] if address.endswith(suffix) else ""


def load(path: Path, definitions: dict[Any, Any]) -> HclRoot:
    """Resources of every rendered file (the root's and its modules'), with their module prefix and lines."""
    root = HclRoot(path)
    data: dict[str, Any] = {"terraform": {}, "provider": {}}
    for key, doc in definitions.items():
        file = Path(getattr(key, "file_path", key)).resolve()
        is_root = getattr(key, "tf_source_modules", None) is None
        for entry in doc.get("resource", []):
            for rtype, named in entry.items():
                for name, conf in named.items():
                    if conf.get("count") == [0]:
                        continue  # a resource switched off by its count does not exist
                    address = str(conf.get("__address__") or f"{rtype}.{name}")
                    module = _module_prefix(address, rtype, name)
                    attrs = _attributes(conf, rtype)
                    res = Resource(rtype, name, attrs, stack=path.name, module=module)
                    root.resources[address] = HclResource(res, file, int(conf.get("__start_line__", 1)),
                                                          int(conf.get("__end_line__", 1)), conf)
        for entry in doc.get("module", []):
            for call, conf in entry.items():
                prefix = _module_address(str(conf.get("__address__") or call))
                root.blocks.append((file, int(conf.get("__start_line__", 1)), int(conf.get("__end_line__", 1)),
                                    prefix))
                if conf.get("for_each") in ([{}], [[]]):
                    root.phantoms.add(prefix)  # checkov renders a module with an empty for_each once anyway
        if is_root:
            root.files.add(file)
            for block in doc.get("terraform", []):
                backend = unhcl(block).get("backend") if isinstance(block, dict) else None
                if backend:
                    data["terraform"]["backend"] = backend[0] if isinstance(backend, list) else backend
            for block in doc.get("provider", []):
                for name, conf in (block or {}).items():
                    data["provider"].setdefault(name, []).append(unhcl(conf))
    for address in [a for a in root.resources if any(a.startswith(p + ".") for p in root.phantoms)]:
        del root.resources[address]
    root.stack = Stack(path.resolve().name, str(path), data, ())  # `check .` names the directory too
    return root


def _attributes(conf: dict[str, Any], rtype: str) -> dict[str, Any]:
    from checkov.terraform.parser_functions import handle_dynamic_values

    rendered = copy.deepcopy(conf)
    handle_dynamic_values(rendered)
    return unhcl({k: v for k, v in rendered.items() if k not in ("dynamic", COMMENT_KEY)})


def link(root: HclRoot) -> None:
    """Rewrite rendered references (`alicloud_vpc.this.id`) into `${<address>.id}` and build the stack document."""
    by_type: dict[tuple[str, str], list[str]] = {}
    for address, h in root.resources.items():
        by_type.setdefault((h.resource.type, h.resource.name), []).append(address)

    def fix(value: Any, module: str) -> Any:
        if isinstance(value, str):
            m = _RENDERED_REF.match(value)
            if m and (m.group(1), m.group(2)) in by_type:
                found = by_type[(m.group(1), m.group(2))]
                same = [a for a in found if root.resources[a].resource.module == module]
                target = same[0] if len(same) == 1 else (found[0] if len(found) == 1 else None)
                if target is not None:
                    return "${" + f"{target}.{m.group(3)}" + "}"
            return "${" + value + "}" if unresolved(value) and not value.startswith("${") else value
        if isinstance(value, list):
            return [fix(v, module) for v in value]
        if isinstance(value, dict):
            return {k: fix(v, module) for k, v in value.items()}
        return value

    resources = []
    for h in root.resources.values():
        r = h.resource
        h.resource = Resource(r.type, r.name, fix(dict(r.attrs), r.module), r.path, r.stack, r.meta, r.module)
        resources.append(h.resource)
    assert root.stack is not None
    root.stack = Stack(root.stack.name, root.stack.file, root.stack.data, tuple(resources))


def comment_suppressions(root: HclRoot) -> list[Suppression]:
    """`#checkov:skip` comments of every rendered file, attached to the resource, module or root they sit in.

    Raises `InputError` (exit 2) naming the file, line and field for an unknown id or a short reason.
    """
    files = {h.file for h in root.resources.values()} | {b[0] for b in root.blocks} | \
        {f.resolve() for f in root.path.glob("*.tf")}
    stack_level: list[Suppression] = []
    per_address: dict[str, list[Suppression]] = {}
    for file in sorted(files):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            m = SKIP.search(line)
            if not m:
                continue
            where = f"{file}:{number}"
            s = make_suppression(where, m.group(1), (m.group(2) or "").strip(), scope=where)
            owners = [a for a, h in root.resources.items() if h.file == file and h.start <= number <= h.end]
            modules = [p for f, start, end, p in root.blocks if f == file and start <= number <= end]
            if owners:
                targets = owners
            elif modules:
                targets = [a for a in root.resources if any(a.startswith(p + ".") for p in modules)]
            elif file.parent.resolve() == root.path.resolve():
                stack_level.append(s)
                continue
            else:
                targets = [a for a, h in root.resources.items() if h.file.parent == file.parent]
            for address in targets:
                per_address.setdefault(address, []).append(s)
    for address, found in per_address.items():
        h = root.resources[address]
        r = h.resource
        meta = {META_KEY: {"suppressions": [s.to_json() for s in found]}}
        h.resource = Resource(r.type, r.name, r.attrs, r.path, r.stack, meta, r.module)
    return stack_level


def run(path: Path, runner_cls: Any, filter_cls: Any) -> tuple[HclRoot, list[Any]]:
    """Render the root with checkov's HCL runner; returns it and checkov's reports (built-in checks)."""
    runner = runner_cls()
    runner_filter = filter_cls(framework=["terraform"], checks=["CKV_ALI_*", "CKV2_ALI_*"],
                               download_external_modules=False, show_progress_bar=False)
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        result = runner.run(root_folder=str(path), runner_filter=runner_filter)
    finally:
        logging.disable(previous)
    reports = result if isinstance(result, list) else [result]
    root = load(path, runner.definitions)
    return root, reports


def project_results(root: HclRoot, checks: tuple[Any, ...]) -> list[tuple[str, str, Result]]:
    """(check id, address, result) of every per-resource project check, through its checkov check object."""
    import importlib

    from checkov.common.models.enums import CheckResult

    from alicloud_ml.policies.registry import CHECKS_PACKAGE

    out = []
    for loaded in checks:
        if loaded.evaluate is None:
            continue
        check = importlib.import_module(f"{CHECKS_PACKAGE}.{loaded.module}").check
        for address, h in root.resources.items():
            if h.resource.type not in loaded.meta.resource_types:
                continue
            check.details = []
            check.entity_path = f"{h.file}:{address}"
            verdict = check.scan_entity_conf(copy.deepcopy(h.conf), h.resource.type)
            detail = next(iter(check.details), "")
            if verdict == CheckResult.PASSED:
                out.append((loaded.meta.id, address, Result.passed()))
            elif verdict in (CheckResult.FAILED, CheckResult.SKIPPED):
                out.append((loaded.meta.id, address, Result.failed(detail, (check.evaluated_keys or [""])[0])))
            elif any(str(d).startswith("not evaluated") for d in check.details):
                out.append((loaded.meta.id, address, Result("not_evaluated", detail)))
    return out


def builtin_results(root: HclRoot, reports: list[Any]) -> list[tuple[str, str, Result]]:
    """Checkov's own results, with failures on unevaluated attributes turned into `not_evaluated`."""
    out = []
    for rep in reports:
        for record in rep.failed_checks + rep.passed_checks + rep.skipped_checks:
            address = str(record.resource)
            status = str(record.check_result.get("result"))
            if status.endswith("PASSED"):
                out.append((record.check_id, address, Result.passed()))
                continue
            keys = record.check_result.get("evaluated_keys") or []
            h = root.resources.get(address)
            found = None
            if h is not None:
                for key in keys:
                    value: Any = h.resource.attrs
                    for part in str(key).split("/"):
                        value = value.get(part) if isinstance(value, dict) else (
                            value[0].get(part) if isinstance(value, list) and value and isinstance(value[0], dict)
                            else None)
                    found = found or unresolved(value)
            message = f"{address} fails: {record.check_name}"
            if found:
                out.append((record.check_id, address, Result("not_evaluated", f"not evaluated: `{keys[0]}` is "
                                                                              f"`{short(found)}`, an expression "
                                                                              "checkov could not evaluate")))
            else:
                out.append((record.check_id, address, Result(FAILED, message, str(keys[0]) if keys else "")))
    return out


def short(expr: str, limit: int = 90) -> str:
    text = " ".join(expr.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unsettled(root: HclRoot, address: str) -> str:
    """Why a stack-level failure on `address` is no verdict: it, or a resource referring to it, holds a value
    checkov could not evaluate (references that resolved to a resource do not count); "" otherwise."""
    target = root.resources.get(address)
    if target is None:
        return ""
    prefix = target.resource.ref_prefix
    related = [target] + [h for h in root.resources.values() if h is not target and prefix in repr(h.resource.attrs)]

    def walk(value: Any) -> str | None:
        if isinstance(value, str):
            ref = parse_ref(value)
            if ref is not None and f"{ref[0]}.{ref[1]}" in root.resources:
                return None
            return unresolved(value)
        if isinstance(value, list):
            if value and all(v == {} for v in value):
                return "{}"
            return next((found for v in value if (found := walk(v))), None)
        if isinstance(value, dict):
            return next((found for v in value.values() if (found := walk(v))), None)
        return None

    for h in related:
        for key, value in h.resource.attrs.items():
            if found := walk(value):
                return (f"not evaluated: {h.resource.address} `{key}` is `{short(found)}`, an expression checkov "
                        "could not evaluate")
    return ""


def locate(root: HclRoot, address: str) -> tuple[str, int, int]:
    """File and lines of a finding: the resource's block, else the root's provider or backend block."""
    h = root.resources.get(address)
    if h is not None:
        return str(h.file), h.start, h.end
    pattern = re.compile(r'^\s*(provider\s+"alicloud"|backend\s+")') if address.startswith(("provider.", "terraform.")) \
        else None
    for file in sorted(root.files):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern is not None and pattern.search(line):
                return str(file), number, number
    first = sorted(root.files)[0] if root.files else root.path
    return str(first), 1, 1


def speak_hcl(findings: list[Any]) -> None:
    """Give the project's findings on HCL a fix in Terraform's words: the check's `fix_hcl`, else "change the
    field so that <the title>" (its `fix` names construct props, which an HCL root does not have)."""
    from alicloud_ml.policies.registry import project_checks

    checks = {c.meta.id: c.meta for c in project_checks()}
    for f in findings:
        if (meta := checks.get(f.check_id)) is not None:
            what = f"`{f.field}` of {f.address}" if f.field else f.address
            f.fix = meta.fix_hcl or f"Change {what} so that: {meta.title.removeprefix('Ensure ')}"
