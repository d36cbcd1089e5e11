"""The reference platform: every environment synthesizes through `python main.py` and passes the gate
with zero unsuppressed findings at any severity."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _missing() -> list[str]:
    needed = [ROOT / "main.py", ROOT / "stacks" / "ml_platform.py"]
    missing = [str(p.relative_to(ROOT)) for p in needed if not p.is_file()]
    if not list((ROOT / "stacks" / "envs").glob("*.toml")):
        missing.append("stacks/envs/*.toml")
    return missing


def test_reference_platform_all_envs_pass_with_zero_unsuppressed_findings(tmp_path, warm_gate):
    missing = _missing()
    if missing:
        pytest.skip(f"reference platform not written yet (missing {', '.join(missing)}); this test synthesizes it "
                    "through `python main.py` once the constructs and stacks land")
    out = tmp_path / "cdktf.out"
    env = dict(os.environ, CDKTF_OUTDIR=str(out), ALICLOUD_ML_FAIL_ON="low")
    env.pop("ALICLOUD_ML_ENVS", None)
    env.pop("ALICLOUD_ML_GATE", None)
    proc = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    report = warm_gate.run_gate(out, fail_on="low")
    assert report.parse_errors == []
    assert [(f.check_id, f.stack, f.construct_path, f.message) for f in report.failed] == []
    assert {p.stem for p in (ROOT / "stacks" / "envs").glob("*.toml")} <= {s.rsplit("-", 1)[-1] for s in report.stacks}
