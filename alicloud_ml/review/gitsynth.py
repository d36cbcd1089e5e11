"""Synthesize the base of a review from a git ref, and the head from the working tree.

CI then needs one command (`--base-ref origin/main`). The base is checked out into a temporary
`git worktree` and its own `main.py` runs there, with that checkout first on `sys.path`, so the
base is built by the base's code even though the toolkit is installed editable from the head.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from alicloud_ml.errors import InputError

SYNTH_TIMEOUT_S = 900


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def synth_ref(ref: str, repo: Path, outdir: Path) -> Path:
    """Synthesize `ref` of the repository containing `repo` into `outdir`; returns `outdir`."""
    top = _git(["rev-parse", "--show-toplevel"], repo)
    if top.returncode != 0:
        raise InputError("--base-ref", "", f"{repo} is not inside a git repository",
                         accepted="run from the project's checkout, or pass --base DIR")
    root = Path(top.stdout.strip())
    sha = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    if sha.returncode != 0:
        raise InputError("--base-ref", "", f"unknown git ref {ref!r}", accepted="a branch, tag or commit, e.g. origin/main",
                         hint="in CI, check out with fetch-depth: 0 so the base branch is present")
    worktree = outdir.parent / f"{outdir.name}-src"
    added = _git(["worktree", "add", "--detach", "--force", str(worktree), sha.stdout.strip()], root)
    if added.returncode != 0:
        raise InputError("--base-ref", "", f"git worktree add failed: {added.stderr.strip()}")
    try:
        return synth_tree(worktree, outdir, label=f"--base-ref {ref}")
    finally:
        if _git(["worktree", "remove", "--force", str(worktree)], root).returncode != 0:
            shutil.rmtree(worktree, ignore_errors=True)
            _git(["worktree", "prune"], root)


def synth_tree(project: Path, outdir: Path, label: str = "working tree",
               settings: dict[str, str] | None = None) -> Path:
    """Run `project/main.py` with the gate off (the review reports findings itself) into `outdir`;
    `settings` adds to its environment (main.py's ALICLOUD_ML_ENVS, ALICLOUD_ML_CONFIGS, ...)."""
    main = project / "main.py"
    if not main.is_file():
        raise InputError(str(main), "", f"not found, cannot synthesize the {label}",
                         accepted="a cdktf project with main.py at its root", hint="pass a synthesized directory instead")
    env = dict(os.environ, CDKTF_OUTDIR=str(outdir), ALICLOUD_ML_GATE="0",
               PYTHONPATH=os.pathsep.join(p for p in (str(project), os.environ.get("PYTHONPATH", "")) if p))
    env.update(settings or {})
    try:
        proc = subprocess.run([sys.executable, "main.py"], cwd=project, env=env, capture_output=True, text=True,
                              timeout=SYNTH_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(label, "", f"synth did not finish in {SYNTH_TIMEOUT_S} s") from None
    if proc.returncode != 0 or not (outdir / "manifest.json").is_file():
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise InputError(label, "", f"synth failed (exit {proc.returncode}):\n{tail}")
    return outdir
