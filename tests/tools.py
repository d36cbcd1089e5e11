"""External tools the suite drives (terraform, git): a missing one skips on a laptop and fails in CI;
and the toolkit's own CLI run in-process (`run_cli`).

CI (`CI` set, as every CI system and `.ci/run`'s environment do) must never turn a missing
prerequisite into a green run of skipped tests.
"""

from __future__ import annotations

import os
import shutil

import pytest


def missing(tool: str) -> bool:
    return shutil.which(tool) is None


def needs(tool: str) -> pytest.MarkDecorator:
    """Mark a test or module that runs `tool`: skipped when it is missing, unless `CI` is set (then it fails)."""
    return pytest.mark.skipif(missing(tool) and not os.environ.get("CI"),
                              reason=f"{tool} is not on PATH (with CI set this fails instead)")


def require(tool: str) -> None:
    """Inside a test or fixture: skip when `tool` is missing, fail when `CI` is set."""
    if missing(tool):
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not on PATH, and CI must not skip what needs it")
        pytest.skip(f"{tool} is not on PATH")


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the `alicloud-ml` console entry point in-process; returns (exit code, stdout, stderr)."""
    from alicloud_ml.cli import main

    with pytest.raises(SystemExit) as exc:
        main(argv)
        raise SystemExit(0)
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err  # type: ignore[return-value]
