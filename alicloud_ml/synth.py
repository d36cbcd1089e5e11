"""Synthesize a cdktf app, gate it, and publish the output directory atomically.

`main.py` (what `cdktf synth/deploy` runs) and `alicloud-ml synth` both come through here, so
every synth is gated the same way: the app is written into a staging directory beside the
output, the policy gate scans it, and only a clean result replaces the output directory.
A failed synth or a policy violation leaves the previous output untouched and nothing for
Terraform to deploy.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from alicloud_ml.errors import AlicloudMlError, InputError, InputErrors, PolicyViolation

DEFAULT_OUTDIR = "cdktf.out"
EXIT_OK, EXIT_POLICY, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 70


def resolve_outdir(outdir: str | Path | None = None) -> Path:
    """The explicit outdir, else `CDKTF_OUTDIR` (set by the cdktf CLI), else `cdktf.out`."""
    return Path(outdir or os.environ.get("CDKTF_OUTDIR") or DEFAULT_OUTDIR).resolve()


def _publish(staging: Path, outdir: Path) -> None:
    """Replace `outdir` with `staging` by renames, so readers never see a half-written tree."""
    from alicloud_ml.outdir import prepare

    prepare(staging, outdir)  # lock files for Terraform, gone stacks for the CDK CLI to delete
    retired = outdir.with_name(f".{outdir.name}.old-{os.getpid()}")
    if outdir.exists():
        outdir.rename(retired)
    staging.rename(outdir)
    shutil.rmtree(retired, ignore_errors=True)


def _gate(staging: Path, target: Path, fail_on: str, log: Callable[[str], None]) -> None:
    """Gate the staging tree, reporting files under the name they get once published."""
    from alicloud_ml.policies.formats import render_table
    from alicloud_ml.policies.gate import run_gate

    report = run_gate(staging, fail_on)
    text = render_table(report).replace(staging.name, target.name)
    if not report.ok:
        raise PolicyViolation(text)
    log(text)


def synthesize(
    build: Callable[[Any], object],
    outdir: str | Path | None = None,
    *,
    gate: bool = True,
    fail_on: str = "high",
    log: Callable[[str], None] | None = None,
) -> Path:
    """Build the app with `build(app)`, synthesize, gate, publish; returns the output directory.

    Raises `InputError(s)` for bad input and `PolicyViolation` when the gate blocks.
    """
    from alicloud_ml._bulk import bulk_synthesis
    from alicloud_ml._cdk import App
    from alicloud_ml.constructs.state import OUTDIR_CONTEXT

    log = log or print  # progress on stdout (the cdktf CLI labels every stderr line as an error)
    target = resolve_outdir(outdir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.staging-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    if gate:
        from alicloud_ml.policies.gate import answered_from_cache, prewarm

        if not (target.is_dir() and answered_from_cache(target)):
            prewarm()  # checkov's import overlaps with building and synthesizing the app
    try:
        started = time.perf_counter()
        with bulk_synthesis() as bulk:  # generated resources' attributes are merged per stack, not per callback
            app = App(outdir=str(staging), context={OUTDIR_CONTEXT: str(target)})
            build(app)
        bulk.prepare(app)
        app.synth()
        bulk.complete(app, staging)
        stacks = len(list(staging.glob("stacks/*/cdk.tf.json")))
        log(f"synthesized {stacks} stack(s) in {time.perf_counter() - started:.1f}s")
        if gate:
            started = time.perf_counter()
            _gate(staging, target, fail_on, log)
            log(f"policy gate passed (fail-on {fail_on}) in {time.perf_counter() - started:.1f}s")
        _publish(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"wrote {target}")
    return target


def run_app(build: Callable[[Any], object], outdir: str | Path | None = None, **options: Any) -> int:
    """`synthesize` for a script entry point: prints problems and returns the exit code."""
    from alicloud_ml.outdir import CLI_MARKER_ENV

    # the CDK CLI labels every stderr line `[ERROR] default -`: under it, problems go to stdout, unlabelled
    problems = sys.stdout if os.environ.get(CLI_MARKER_ENV) else sys.stderr
    try:
        synthesize(build, outdir, **options)
    except (InputError, InputErrors) as exc:
        print(f"error: {exc}", file=problems)
        return EXIT_INPUT
    except PolicyViolation as exc:
        print(str(exc), file=problems)
        return EXIT_POLICY
    except AlicloudMlError as exc:
        print(f"error: {exc}", file=problems)
        return EXIT_INPUT
    return EXIT_OK


def exit_now(code: int) -> NoReturn:
    """End a finished command-line run without the interpreter's teardown.

    Destroying checkov's module graph at exit takes about a second; by now every output is
    published and the streams are flushed, so only the registered exit handlers (jsii stops its
    node runtime there) still need to run.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(code)
