"""One warm emulator daemon per checkout: two names of the same interpreter reach the same daemon."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LAUNCH = Path(__file__).resolve().parents[2] / "alicloud_ml" / "emulator" / "launch.py"


def socket_seen_by(python: Path) -> str:
    code = f"import runpy; print(runpy.run_path({str(LAUNCH)!r}, run_name='probe')['socket_path']())"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(python), "-c", code], env=env, capture_output=True, text=True, check=True,
                          timeout=60).stdout.strip()


def test_two_paths_to_one_interpreter_share_the_daemon_socket(tmp_path):
    alias = tmp_path / "python-alias"
    alias.symlink_to(Path(sys.executable))

    assert socket_seen_by(Path(sys.executable)) == socket_seen_by(alias)
