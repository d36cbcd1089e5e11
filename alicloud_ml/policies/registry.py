"""The project's checks, loaded from `alicloud_ml/policies/checks/` (one module per check)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alicloud_ml.policies.model import PolicyCheck

CHECKS_DIR = Path(__file__).with_name("checks")
CHECKS_PACKAGE = "alicloud_ml.policies.checks"


@dataclass(frozen=True)
class LoadedCheck:
    meta: PolicyCheck
    module: str
    evaluate: Callable[..., Any] | None
    evaluate_stack: Callable[..., Any] | None


@cache
def project_checks() -> tuple[LoadedCheck, ...]:
    """Every project check, sorted by id. Importing a per-resource check registers it with checkov."""
    package = importlib.import_module(CHECKS_PACKAGE)
    out = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{CHECKS_PACKAGE}.{info.name}")
        meta = getattr(module, "CHECK", None)
        if isinstance(meta, PolicyCheck):
            out.append(LoadedCheck(meta, info.name, getattr(module, "evaluate", None),
                                   getattr(module, "evaluate_stack", None)))
    return tuple(sorted(out, key=lambda c: c.meta.id))


def by_id() -> dict[str, LoadedCheck]:
    return {c.meta.id: c for c in project_checks()}
