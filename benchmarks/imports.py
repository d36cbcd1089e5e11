"""Benchmark: what importing the toolkit and its generated provider bindings costs.

Each figure is the median of fresh interpreters (imports are per process). Rows:
- `import alicloud_ml` (must stay cheap: the CLI and the gate import it);
- starting the CDK runtime (`alicloud_ml._cdk`: cdktf + jsii + node);
- importing one service module beyond that: the smallest, a typical one and the largest (`ecs`);
- every service module (all ~1,960 resource and data source classes);
- the anchor: the prebuilt cdktf AWS provider (`cdktf-cdktf-provider-aws`), whose modules all load
  one jsii assembly of the whole provider. It is measured when `ALICLOUD_ML_BENCH_AWS_PYTHON` names a
  Python with that package installed (it is ~500 MB, so `make bench` does not install it).

Run: `.venv/bin/python benchmarks/imports.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap

OURS = textwrap.dedent(
    """
    import json, sys, time
    t0 = time.perf_counter()
    import alicloud_ml
    t_pkg = time.perf_counter() - t0
    import alicloud_ml._cdk
    t_cdk = time.perf_counter() - t0
    import importlib
    t1 = time.perf_counter()
    importlib.import_module("alicloud_ml.provider." + sys.argv[1])
    t_module = time.perf_counter() - t1
    schema_loaded = "alicloud_ml.schema" in sys.modules
    t2 = time.perf_counter()
    if sys.argv[2] == "all":
        from alicloud_ml.provider import SERVICES
        for service in SERVICES:
            importlib.import_module("alicloud_ml.provider." + service)
    t_all = time.perf_counter() - t2 + t_module
    print(json.dumps({"pkg": t_pkg, "cdk": t_cdk, "module": t_module, "all": t_all, "schema": schema_loaded}))
    """
)
AWS = textwrap.dedent(
    """
    import json, time
    t0 = time.perf_counter()
    import cdktf
    t1 = time.perf_counter()
    import cdktf_cdktf_provider_aws.vpc
    print(json.dumps({"cdk": t1 - t0, "module": time.perf_counter() - t1}))
    """
)


def _run(python: str, code: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
    out = subprocess.run([python, "-c", code, *args], capture_output=True, text=True, env=env, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from alicloud_ml.provider import SERVICES

    sizes = {s: os.path.getsize(os.path.join(os.path.dirname(sys.modules["alicloud_ml.provider"].__file__), f"{s}.py"))
             for s in SERVICES}
    smallest, largest = min(sizes, key=sizes.get), max(sizes, key=sizes.get)  # type: ignore[arg-type]
    rows: list[tuple[str, float, str]] = []
    samples = {m: [_run(sys.executable, OURS, m, "one") for _ in range(args.runs)] for m in (smallest, "vpc", largest)}
    pkg = statistics.median(s["pkg"] for runs in samples.values() for s in runs)
    cdk = statistics.median(s["cdk"] for runs in samples.values() for s in runs)
    rows.append(("import alicloud_ml", pkg, "budget 50 ms"))
    rows.append(("start the CDK runtime (cdktf + jsii + node)", cdk, "once per process"))
    for module, runs in samples.items():
        kb = sizes[module] // 1024
        rows.append((f"import alicloud_ml.provider.{module} ({kb} KB source)", _median(runs, "module"),
                     "budget 0.3 s beyond the runtime"))
    everything = [_run(sys.executable, OURS, "vpc", "all") for _ in range(max(args.runs // 2, 1))]
    rows.append((f"import all {len(SERVICES)} service modules", _median(everything, "all"), "not needed in practice"))
    aws_python = os.environ.get("ALICLOUD_ML_BENCH_AWS_PYTHON")
    if aws_python:
        aws = [_run(aws_python, AWS) for _ in range(args.runs)]
        anchor = _median(aws, "module")
        rows.append(("anchor: import cdktf_cdktf_provider_aws.vpc (prebuilt provider)", anchor, "same machine, same run"))
    else:
        anchor = None
    schema_loaded = any(s["schema"] for runs in samples.values() for s in runs)

    print(f"Import cost, median of {args.runs} fresh interpreters")
    print(f"{'what':<68} {'seconds':>9}  note")
    for what, seconds, note in rows:
        print(f"{what:<68} {seconds:>9.3f}  {note}")
    print(f"schema archive read by a service import: {'yes' if schema_loaded else 'no'}")
    if anchor is not None:
        print(f"ratio anchor / our largest module: {anchor / _median(samples[largest], 'module'):.0f}x")
    else:
        print("anchor not measured: set ALICLOUD_ML_BENCH_AWS_PYTHON to a python with cdktf-cdktf-provider-aws")


if __name__ == "__main__":
    main()
