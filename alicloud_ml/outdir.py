"""What a new `cdktf.out` needs from outside the app before the CDK CLI hands it to Terraform.

`synth` publishes by renaming a staging tree over the output directory (`synth._publish`). Two tools
that run next expect more than the app writes:

- The cdktf/cdktn CLI lists `stacks/*` of the output directory before it runs the app, and after the
  synth deletes every listed directory whose stack the app no longer has, with `fs.rmSync(dir,
  {recursive: true})` and no `force` (cdktf-cli 0.21.0 and cdktn-cli 0.24.0, `SynthStack.synth` in
  cli-core's `synth-stack.js`). The rename has already dropped those directories, so the first deploy
  after the set of stacks changes failed with `ENOENT: ... lstat 'cdktf.out/stacks/ml-dev'`. When the
  CLI runs the app (it sets `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS`), the old directories of stacks
  that are gone move into the new tree, for the CLI to delete as it intends.
- `terraform init` writes a dependency lock file into each stack directory. For a provider from a
  filesystem mirror (the emulator) it can only compute the local platform's checksum and warns
  "Incomplete lock file information for providers" on every init into a fresh directory. With a lock
  file already selecting that package it says nothing. `ALICLOUD_ML_TF_LOCK_FILE` names such a file
  (`alicloud-ml emulator install` writes one beside its CLI config); it is copied into every stack
  directory that has none. It only pins which provider package Terraform uses: `cdk.tf.json`, what
  the app synthesizes, does not depend on it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Set by the cdktf and cdktn CLIs (and only by them) when they run the app.
CLI_MARKER_ENV = "CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS"
LOCK_FILE_ENV = "ALICLOUD_ML_TF_LOCK_FILE"
LOCK_FILE_NAME = ".terraform.lock.hcl"


def prepare(staging: Path, previous: Path, environ: os._Environ[str] | dict[str, str] = os.environ) -> None:
    """Ready `staging` to replace `previous`: seed lock files, and keep gone stacks for the CLI to delete."""
    stacks = staging / "stacks"
    lock = environ.get(LOCK_FILE_ENV, "").strip()
    if lock and Path(lock).is_file() and stacks.is_dir():
        for stack in stacks.iterdir():
            if stack.is_dir() and not (stack / LOCK_FILE_NAME).exists():
                shutil.copyfile(lock, stack / LOCK_FILE_NAME)
    old = previous / "stacks"
    if environ.get(CLI_MARKER_ENV) and old.is_dir():
        stacks.mkdir(parents=True, exist_ok=True)
        for stack in old.iterdir():
            if stack.is_dir() and not (stacks / stack.name).exists():
                stack.rename(stacks / stack.name)
