"""What the policy gate costs: a gated synth of every environment against a bare checkov CLI run on the same output.

    .venv/bin/python benchmarks/gate.py [--repeat 3]

Measured in one run, on the same output, wall clock, the four sides alternating, medians:
  gated synth, warm   `python main.py` (build every env, synth, gate, publish) with the caches filled by a
                      synth of the same content: function packages and the gate's verdicts (what `make synth`
                      and `cdktf deploy` cost when you run them again)
  gated synth, cold   the same with ALICLOUD_ML_GATE_CACHE=0: every stack scanned, checkov imported ahead
                      (what the first synth of new content costs)
  ungated synth       ALICLOUD_ML_GATE=0 (the gate's own share)
  bare checkov        `checkov -d <out> --framework terraform_json --skip-download` (built-in checks only)
Goals: warm gated synth <= 0.8 x bare checkov and <= 3 s; cold gated synth <= 1.0 x bare checkov.
The caches live in a temporary directory; the functions' python3.12 wheels are read from the user's cache
(`make install` fetched them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Goals, alternate, machine, median, timed  # noqa: E402

sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
WARM_RATIO, WARM_SECONDS, COLD_RATIO = 0.80, 3.0, 1.00


def environment(tmp: Path) -> dict[str, str]:
    """The synth's environment: output and caches in `tmp`, the user's python3.12 wheels, every env."""
    from alicloud_ml.constructs._fc_runtime import RUNTIME_CACHE_ENV, runtime_cache

    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", CHECKPOINT_DISABLE="1",
               CDKTF_OUTDIR=str(tmp / "cdktf.out"), ALICLOUD_ML_CACHE_DIR=str(tmp / "cache"))
    env[RUNTIME_CACHE_ENV] = str(runtime_cache())
    for name in ("ALICLOUD_ML_ENVS", "ALICLOUD_ML_GATE", "ALICLOUD_ML_GATE_CACHE"):
        env.pop(name, None)
    return env


def _run(cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> None:
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")


def sides(env: dict[str, str], *, cold: bool = True, ungated: bool = True) -> dict[str, object]:
    """The measured commands, by row name (their first run fills the caches the warm side reads)."""
    synth = [sys.executable, "main.py"]
    out = env["CDKTF_OUTDIR"]
    _run(synth, env)  # fills the package and gate caches: what a warm synth finds
    chosen = {"gated synth, warm": lambda: timed(lambda: _run(synth, env))}
    if cold:
        chosen["gated synth, cold (gate cache off)"] = lambda: timed(lambda: _run(synth, dict(env, ALICLOUD_ML_GATE_CACHE="0")))
    if ungated:
        chosen["ungated synth"] = lambda: timed(lambda: _run(synth, dict(env, ALICLOUD_ML_GATE="0")))
    chosen["bare checkov CLI"] = lambda: timed(lambda: _run(
        [str(BIN / "checkov"), "-d", out, "--framework", "terraform_json", "--skip-download", "--compact", "--quiet"],
        env, (0, 1)))
    return chosen


def smoke_ratio(repeat: int = 3) -> float:
    """Warm gated synth / bare checkov, medians of `repeat` alternated runs (the CI smoke in `make test`)."""
    with tempfile.TemporaryDirectory(prefix="gate-bench-") as tmp:
        runs = alternate(sides(environment(Path(tmp)), cold=False, ungated=False), repeat)  # type: ignore[arg-type]
    return median(runs["gated synth, warm"]) / median(runs["bare checkov CLI"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gate-bench-") as tmp:
        runs = alternate(sides(environment(Path(tmp))), args.repeat)  # type: ignore[arg-type]
    seconds = {name: median(values) for name, values in runs.items()}
    bare = seconds["bare checkov CLI"]
    print(f"policy gate benchmark: every env via python main.py; median of {args.repeat} alternated runs; {machine()}")
    width = max(len(name) for name in seconds)
    for name, value in seconds.items():
        print(f"  {name:<{width}}  {value:6.2f} s   runs: {' '.join(f'{v:.2f}' for v in runs[name])}")
    goals = Goals()
    goals.add("gated synth, warm / bare checkov", seconds["gated synth, warm"] / bare, at_most=WARM_RATIO)
    goals.add("gated synth, warm", seconds["gated synth, warm"], at_most=WARM_SECONDS, unit="s")
    goals.add("gated synth, cold / bare checkov", seconds["gated synth, cold (gate cache off)"] / bare,
              at_most=COLD_RATIO)
    return goals.finish("gate goals")


if __name__ == "__main__":
    raise SystemExit(main())
