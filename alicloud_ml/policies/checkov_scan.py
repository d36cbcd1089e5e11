"""Checkov in this process: its import (ahead of time, on a thread) and one scan of synthesized stack files.

checkov's own `terraform_json` runner with its built-in `CKV_ALI_*`/`CKV2_ALI_*` checks and the project's
per-resource checks, no downloads, no network; the gate (`alicloud_ml.policies.gate`) decides what to scan
and turns the verdicts into findings.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from alicloud_ml.policies.gate_cache import StackScan, Verdict
from alicloud_ml.policies.model import FAILED, PASSED, Result
from alicloud_ml.policies.reconcile import reconcile
from alicloud_ml.synthesized import StackFile

CHECK_PATTERNS = ["CKV_ALI_*", "CKV2_ALI_*", "ALIML_*"]

_lock = threading.Lock()
_warm: threading.Thread | None = None
_checkov: dict[str, Any] = {}


def prewarm() -> None:
    """Start importing checkov and the project's checks in a background thread (idempotent).

    Call it before synthesizing (`main.py`: `prewarm()`, build stacks, `app.synth()`, `enforce()`),
    so the ~1.5 s import overlaps with construct building and synth; `run_gate` joins the thread.
    """
    global _warm
    with _lock:
        if _warm is None and not _checkov:
            _warm = threading.Thread(target=_load_checkov, name="alicloud-ml-checkov-prewarm", daemon=True)
            _warm.start()


def _load_checkov() -> dict[str, Any]:
    if _checkov:
        return _checkov
    logging.getLogger("checkov").setLevel(logging.CRITICAL)
    # The terraform_json runner alone, not checkov's RunnerRegistry: the registry pulls in the
    # platform-integration modules, about 0.6 s of the ~2 s import, for nothing the gate uses.
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform_json.runner import TerraformJsonRunner

    from alicloud_ml.policies import checkov_parser
    from alicloud_ml.policies.registry import project_checks

    checkov_parser.install()

    checks = project_checks()
    _checkov.update(RunnerFilter=RunnerFilter, Runner=TerraformJsonRunner, checks=checks)
    return _checkov


def ensure_checkov() -> dict[str, Any]:
    thread = _warm
    if thread is not None:
        thread.join()
    with _lock:
        return _load_checkov()


def run_checkov(files: list[StackFile], parse_errors: list[str], scans: dict[Path, StackScan]) -> set[Path]:
    """One checkov run over `files`: verdicts, line ranges and resource counts into `scans`, what it could not
    parse into `parse_errors`; returns the files not to cache (unparsed, or with no resource scanned)."""
    ck = ensure_checkov()
    runner = ck["Runner"]()
    runner_filter = ck["RunnerFilter"](framework=["terraform_json"], checks=CHECK_PATTERNS,
                                       download_external_modules=False, show_progress_bar=False)
    by_path = {str(sf.path.resolve()): sf for sf in files}
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        result = runner.run(root_folder=None, files=sorted(by_path), runner_filter=runner_filter)
        reports = result if isinstance(result, list) else [result]
    finally:
        logging.disable(previous)
    unparsed: set[Path] = set()
    for errored in sorted({str(Path(p).resolve()) for r in reports for p in r.parsing_errors}):
        sf = by_path.get(errored)
        if sf is not None:
            unparsed.add(sf.path)
        hint = ""
        if sf is not None and sf.stack is not None and "required_version" in (sf.stack.data.get("terraform") or {}):
            hint = " (terraform.required_version is set: checkov 3.3.30 cannot parse it, bridgecrewio/checkov#7454)"
        parse_errors.append(f"{errored}: checkov could not parse this file, so no check ran on it{hint}")
    for full, definition in runner.definitions.items():
        sf = by_path.get(str(Path(full).resolve()))
        if sf is None:
            continue
        for entry in definition.get("resource", []):
            for rtype, named in entry.items():
                for name, conf in named.items():
                    sf.lines[f"{rtype}.{name}"] = (conf.get("__startline__", 1), conf.get("__endline__", 1))
    parsed = {str(Path(full).resolve()) for full in runner.definitions}
    for key, sf in by_path.items():
        count = sum(1 for a in sf.lines if not a.startswith(("terraform.", "provider.")))
        scans[sf.path].scanned = count
        if key not in parsed or count == 0:
            unparsed.add(sf.path)
        if key in parsed and count == 0:
            parse_errors.append(f"{key}: zero resources were scanned in stack {sf.stack.name if sf.stack else '?'}"
                                       " (an empty stack or a file checkov read as something else)")
    for rep in reports:
        for record in rep.failed_checks + rep.passed_checks + rep.skipped_checks:
            sf = by_path.get(str(Path(record.file_abs_path).resolve()))
            if sf is None or sf.stack is None:
                continue
            address = _address(sf, record.resource, record.file_line_range)
            failed = str(record.check_result.get("result")).endswith(("FAILED", "SKIPPED"))
            details = [d for d in (record.details or []) if not str(d).startswith("suppressed at ")]
            message = details[0] if details else f"{address} fails: {record.check_name}"
            result = Result(FAILED if failed else PASSED, message, _field(record.check_result.get("evaluated_keys")))
            result = reconcile(sf.stack, record.check_id, address, result)
            scans[sf.path].verdicts.append(Verdict.of(record.check_id, address, result, "checkov"))
    return unparsed


def _field(keys: Any) -> str:
    """The attribute a finding names: checkov's graph checks list their evaluated keys in set order (another
    per process) with their own `resource_type` among them, so the first configuration key in sorted order."""
    names = sorted(str(k) for k in keys or [])
    return next((k for k in names if k != "resource_type"), names[0] if names else "")


def _address(sf: StackFile, resource: str, lines: list[int] | None) -> str:
    """`resource.<name>` (checkov's Python checks) → `type.name`, disambiguated by line range."""
    prefix, _, name = resource.partition(".")
    if prefix != "resource":
        return resource
    stack = sf.stack
    matches = [r.address for r in stack.resources if r.name == name] if stack else []
    if len(matches) > 1 and lines:
        matches = [a for a in matches if sf.lines.get(a, (0, 0))[0] == lines[0]] or matches
    return matches[0] if matches else resource
