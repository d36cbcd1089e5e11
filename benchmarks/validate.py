"""Benchmark: `alicloud-ml validate` on each shipped env file, the newcomer's first check.

It must stay well under 2 s and never start the CDK runtime (jsii + node): validation reads only
the props models (alicloud_ml/props/). Each figure is the median wall clock of fresh processes, the
whole command as a user runs it (interpreter start, imports, TOML, pydantic). The floor row is a
bare `python -c pass` on the same interpreter; `jsii loaded` says whether the command started jsii.

Run: `.venv/bin/python benchmarks/validate.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import Goals  # noqa: E402
PROBE = ("import sys\nfrom alicloud_ml.cli import main\n"
         "try:\n    main(['validate', sys.argv[1]])\nfinally:\n    sys.stderr.write('jsii=%s' % ('jsii' in sys.modules))")


def timed(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return elapsed, result.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="Fresh processes per row; the median is shown. Default: 7")
    args = parser.parse_args(argv)
    floor = statistics.median(timed([sys.executable, "-c", "pass"])[0] for _ in range(args.runs))
    print(f"{'command':<46}  {'median s':>8}  {'jsii loaded':>11}")
    print(f"{'python -c pass (floor)':<46}  {floor:>8.3f}  {'-':>11}")
    goals = Goals()
    for env in sorted((ROOT / "stacks" / "envs").glob("*.toml")):
        runs = [timed([sys.executable, "-c", PROBE, str(env.relative_to(ROOT))]) for _ in range(args.runs)]
        if not all("jsii=" in err for _, err in runs):
            raise SystemExit("the probe did not report whether jsii was loaded")
        jsii = "yes" if any("jsii=True" in err for _, err in runs) else "no"
        print(f"{'alicloud-ml validate ' + str(env.relative_to(ROOT)):<46}  "
              f"{statistics.median(t for t, _ in runs):>8.3f}  {jsii:>11}", flush=True)
        goals.add(f"validate {env.name}", statistics.median(t for t, _ in runs), at_most=2.0, unit="s")
        goals.add(f"validate {env.name} starts jsii", float(jsii == "yes"), at_most=0)
    return goals.finish("validate goals")


if __name__ == "__main__":
    raise SystemExit(main())
