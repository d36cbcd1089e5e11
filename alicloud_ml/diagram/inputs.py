"""Find what `alicloud-ml diagram` draws: an env synthesized now, a cdktf.out, a plan, or an HCL root.

Every way in ends in one `Source`; every bad input is an `InputError` (exit 2, one line).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alicloud_ml.diagram.source import Source, from_plan, from_stack, read_plan_document, stack_title
from alicloud_ml.errors import InputError
from alicloud_ml.synthesized import ACCEPTED, Stack, load_synth

ENVS_DIR = Path("stacks") / "envs"
PATH_ACCEPTED = f"{ACCEPTED}, or a `terraform show -json` plan"


def from_env(env: str, project: Path, stack: str | None = None) -> Source:
    """Synthesize one env of the project in `project` (gate off: a picture is not a deploy) and read its stack."""
    from alicloud_ml.review.gitsynth import synth_tree

    envs = sorted(p.stem for p in (project / ENVS_DIR).glob("*.toml"))
    if env not in envs:
        raise InputError("--env", "", f"unknown env {env!r} (no {ENVS_DIR / (env + '.toml')} in {project})",
                         accepted=", ".join(envs) or "an env file under stacks/envs/ (run in the project directory)")
    with tempfile.TemporaryDirectory(prefix="alicloud-ml-diagram-") as tmp:
        out = synth_tree(project, Path(tmp) / "cdktf.out", label=f"--env {env}",
                         settings={"ALICLOUD_ML_ENVS": env})
        stacks = load_synth(out)
    return _pick(stacks, stack or f"ml-{env}", f"--env {env}")


def from_path(path: Path, stack: str | None = None) -> Source:
    """A cdktf.out directory, one cdk.tf.json, a plan JSON, or an HCL root module (directory of *.tf)."""
    from alicloud_ml.policies.hcl import is_hcl_dir
    from alicloud_ml.review.plan import is_plan

    if not path.exists():
        raise InputError(str(path), "", "not found", accepted=PATH_ACCEPTED)
    if path.is_file() and is_plan(path):
        return from_plan(path, read_plan_document(path), stack_title(stack or path.stem, None))
    if path.is_file() and path.suffix == ".json" and not path.name.endswith(".tf.json"):
        read_plan_document(path)  # not a plan: say what is wrong with it as a plan (invalid JSON, no format_version)
    if is_hcl_dir(path):
        return _hcl(path)
    return _pick(load_synth(path), stack, str(path))


def _pick(stacks: dict[str, Stack], wanted: str | None, where: str) -> Source:
    platform = [n for n in stacks if n != "ml-state"]
    if wanted is None:
        if len(stacks) == 1 or len(platform) == 1:
            wanted = (platform or list(stacks))[0]
        else:
            raise InputError(where, "--stack", f"holds {len(stacks)} stacks; choose one", accepted=", ".join(stacks))
    if wanted not in stacks:
        raise InputError(where, "--stack", f"unknown stack {wanted!r}", accepted=", ".join(stacks))
    chosen = stacks[wanted]
    return from_stack(chosen, stack_title(chosen.name, chosen.region))


def _hcl(path: Path) -> Source:
    """Through the reader `check` uses (`policies.hcl`): checkov renders the root and its local modules."""
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform.runner import Runner

    from alicloud_ml.policies import hcl

    root, _ = hcl.run(path, Runner, RunnerFilter)
    hcl.link(root)
    if root.stack is None or not root.resources:
        raise InputError(str(path), "", "no resource blocks found (or none checkov could read)",
                         accepted="a Terraform root module with alicloud resources")
    region = next((str(p["region"]) for blocks in (root.stack.data.get("provider") or {}).values()
                   for p in blocks if isinstance(p, dict) and isinstance(p.get("region"), str)), None)
    stack = Stack(root.stack.name, root.stack.file, root.stack.data, root.stack.resources, region)
    return from_stack(stack, stack_title(path.resolve().name, region))
