"""What the policy gate costs: a gated synth of every environment vs a bare checkov CLI run.

    .venv/bin/python benchmarks/gate.py [--repeat 3] [--resources 200] [--generated]

Measured in the same run, on the same output, wall-clock, median of --repeat runs:
  gated synth   `python main.py` (build every env, synth, gate in-process with checkov's import
                overlapped by prewarm(), atomic publish): what `cdktf synth` costs
  ungated synth the same with ALICLOUD_ML_GATE=0 (to show the gate's own share)
  bare checkov  `checkov -d <out> --framework terraform_json --skip-download` (built-in checks only)
  in-process    `run_gate(out)` once checkov is imported (what each further gate costs in a
                long-lived process)
Goal: gated synth / bare checkov <= 1.0. When `main.py` or `stacks/` is missing, it benchmarks
`alicloud-ml check` on a generated cdktf.out of --resources realistic resources instead, and says so.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _timed(cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return elapsed


def _median(fn, repeat: int) -> float:
    return statistics.median(fn() for _ in range(repeat))


def generated_outdir(root: Path, resources: int) -> Path:
    """A cdktf.out of `resources` realistic resources (GPU pools, SG rules, EAS, disks, CPFS) in 3 stacks."""
    sys.path.insert(0, str(ROOT))
    from tests.policies import fixtures as fx

    per_stack = max(1, resources // 3)
    docs = {}
    for stack in ("ml-dev", "ml-staging", "ml-prod"):
        body: dict = {}
        for i in range(per_stack):
            kind = i % 5
            if kind == 0:
                body.setdefault("alicloud_cs_kubernetes_node_pool", {})[f"pool_{i}"] = fx.gpu_pool()
            elif kind == 1:
                body.setdefault("alicloud_security_group_rule", {})[f"rule_{i}"] = fx.sg_rule()
            elif kind == 2:
                body.setdefault("alicloud_pai_service", {})[f"eas_{i}"] = fx.eas_service()
            elif kind == 3:
                body.setdefault("alicloud_ecs_disk", {})[f"disk_{i}"] = {"zone_id": fx.ZONE, "size": 500,
                                                                       "delete_with_instance": True}
            else:
                body.setdefault("alicloud_nas_file_system", {})[f"cpfs_{i}"] = fx.cpfs()
        docs[stack] = fx.stack_doc(body, stack)
    return fx.write_outdir(root, docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--resources", type=int, default=200, help="size of the generated output (fallback mode)")
    parser.add_argument("--generated", action="store_true", help="benchmark a generated output even if main.py exists")
    args = parser.parse_args()
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", CHECKPOINT_DISABLE="1")
    env.pop("ALICLOUD_ML_ENVS", None)
    real = not args.generated and (ROOT / "main.py").is_file() and (ROOT / "stacks" / "ml_platform.py").is_file()
    with tempfile.TemporaryDirectory(prefix="gate-bench-") as tmp:
        out = Path(tmp) / "cdktf.out"
        rows: list[tuple[str, float]] = []
        if real:
            synth_env = dict(env, CDKTF_OUTDIR=str(out))
            rows.append(("gated synth (python main.py)", _median(
                lambda: _timed([sys.executable, "main.py"], dict(synth_env, ALICLOUD_ML_GATE="1")), args.repeat)))
            rows.append(("ungated synth (ALICLOUD_ML_GATE=0)", _median(
                lambda: _timed([sys.executable, "main.py"], dict(synth_env, ALICLOUD_ML_GATE="0")), args.repeat)))
            subject = "every env via python main.py"
        else:
            generated_outdir(Path(tmp), args.resources)
            rows.append(("gate only (alicloud-ml check)", _median(
                lambda: _timed([str(BIN / "alicloud-ml"), "check", str(out), "--format", "json"], env, (0, 1)),
                args.repeat)))
            subject = f"GENERATED output of {args.resources} resources (main.py/stacks missing or --generated)"
        bare = _median(lambda: _timed([str(BIN / "checkov"), "-d", str(out), "--framework", "terraform_json",
                                       "--skip-download", "--compact", "--quiet"], env, (0, 1)), args.repeat)
        rows.append(("bare checkov CLI", bare))
        sys.path.insert(0, str(ROOT))
        from alicloud_ml.policies.gate import run_gate

        started = time.perf_counter()
        report = run_gate(out)
        first = time.perf_counter() - started
        rows.append(("in-process run_gate, first (incl. checkov import)", first))
        rows.append(("in-process run_gate, warm", _median(lambda: _time_gate(run_gate, out), args.repeat)))
        resources = report.resources_scanned
    print(f"policy gate benchmark: {subject}; {len(report.stacks)} stacks, {resources} resources; "
          f"median of {args.repeat}; {os.cpu_count()} cores")
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:7.2f} s")
    print(f"  {'ratio ' + rows[0][0] + ' / bare checkov':<{width}}  {rows[0][1] / bare:7.2f}   (goal <= 1.00)")
    print(json.dumps({"subject": subject, "stacks": len(report.stacks), "resources": resources,
                      "seconds": {name: round(s, 3) for name, s in rows}, "ratio": round(rows[0][1] / bare, 3)}))


def _time_gate(run_gate, out: Path) -> float:
    started = time.perf_counter()
    run_gate(out)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
