"""Plain Terraform modules (`modules/`) generated from the constructs, for teams that write HCL.

    python -m alicloud_ml.hcl            # regenerate modules/ (what `make modules` runs)
    python -m alicloud_ml.hcl --check    # exit 1 when modules/ differs from a fresh generation

Derived from construct output (synthesizing the construct with probe props, `derive.py`): which
resources exist and their types, names and every constant attribute (the practices: taints, ESSD
disks, private API endpoint, the self-referencing rule, the export `/`, the bounded EAS queue, …);
which attributes carry which props field (probe values found again and replaced by `var.<field>`,
also inside JSON-string attributes, which become `jsonencode(...)`); references between resources;
what booleans, enums and optional fields switch on (synthesized again per value: `count`, dynamic
blocks, `cond ? v : null`, `merge` members, `var.f == "x"`, two-way choices); per-key copies
collapsed into `for_each`; list and map fields collapsed into `for` expressions and dynamic blocks;
the inputs' names, descriptions, types, defaults and single-field validations (`variables.py`).

Mapped by hand (`specs.py`, one `ModuleSpec` per module): the probe props; how dependencies are
built and which input stands for each reference to them; values computed in Python from several
fields (carved vSwitch CIDRs, label maps, add-on sets, IAM statements, the EAS container list) as
`locals`/`exprs`; the collection each keyed copy iterates; cross-field validations; outputs; the
example. Generation fails, naming the attribute, whenever a difference is not explained either way.
"""

from __future__ import annotations

import filecmp
from collections.abc import Callable
from functools import partial
import shutil
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
MODULES_DIR = REPO / "modules"


def write(out: Path = MODULES_DIR, names: list[str] | None = None) -> Path:
    """Generate every module (or `names`) into `out`, formatted by `terraform fmt`; returns `out`."""
    from alicloud_ml.hcl.render import terraform_fmt
    from alicloud_ml.hcl.modules import SPECS

    unknown = sorted(set(names or ()) - set(SPECS) - {"ml-platform"})
    if unknown:
        from alicloud_ml.errors import InputError

        raise InputError("modules", "", f"unknown module {', '.join(unknown)}", ", ".join([*SPECS, "ml-platform"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".modules-", dir=out.parent))
    try:
        from alicloud_ml.hcl import platform

        jobs: dict[str, Callable[[], dict[str, str]]] = {name: partial(_generate, build) for name, build in SPECS.items()}
        jobs["ml-platform"] = platform.generate
        for name, job in jobs.items():
            if names and name not in names:
                continue
            for rel, text in job().items():
                target = staging / name / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text)
        terraform_fmt(staging)
        from alicloud_ml.hcl.docs import fill_usage

        for module_dir in sorted(p for p in staging.iterdir() if p.is_dir()):
            fill_usage(module_dir)
        (staging / "README.md").write_text(index_readme())
        if not names:  # the whole tree: replace it, so a removed module disappears too
            shutil.rmtree(out, ignore_errors=True)
            staging.rename(out)
            return out
        out.mkdir(exist_ok=True)
        for child in staging.iterdir():
            target = out / child.name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            child.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _generate(build: Callable[[], Any]) -> dict[str, str]:
    from alicloud_ml.hcl.emit import generate

    return generate(build())


def index_readme() -> str:
    from alicloud_ml.hcl.modules import all_specs

    lines = ["# Terraform modules", "", "Generated from `alicloud_ml.constructs` by `make modules`; do not edit. "
             "See the project README, section \"HCL teams\".", "", "| module | what |", "|---|---|"]
    from alicloud_ml.hcl.platform import platform_spec

    lines += [f"| [`{s.name}`]({s.name}/README.md) | {s.title} |" for s in [*all_specs(), platform_spec()]]
    return "\n".join(lines) + "\n"


def drift(current: Path = MODULES_DIR) -> list[str]:
    """Files that differ between `current` and a fresh generation (empty when in step)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = write(Path(tmp) / "modules")
        return _compare(filecmp.dircmp(fresh, current), Path())


def _compare(cmp: filecmp.dircmp[str], rel: Path) -> list[str]:
    out = [str(rel / f) for f in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files]
    for name, sub in cmp.subdirs.items():
        out.extend(_compare(sub, rel / name))
    return sorted(out)
