"""Benchmark: what importing the toolkit and its generated provider bindings costs, and how big they are.

Each figure is the median of fresh interpreters (imports are per process), with bytecode caches
written once beforehand (as `pip install` does; these machines set PYTHONDONTWRITEBYTECODE, which
would make every run compile the sources). Rows:
- `import alicloud_ml` (must stay cheap: the CLI and the gate import it);
- starting the CDK runtime (`alicloud_ml._cdk`: cdktf + jsii + node);
- the bindings' shared runtime (`cdktf_cdktf_provider_alicloud.provider`: what any first type brings);
- one type module of `cdktf_cdktf_provider_alicloud` beyond that: the smallest, `vswitch` and the
  largest (`cs_kubernetes_node_pool`). Goal: no more than a service module cost before the bindings
  became one module per type (0.043 s for the smallest, `pai_flow`; docs/bindings.md, 2026-12);
- a class through the toolkit's per-service view (`from alicloud_ml.provider.ecs import Instance`);
- every type module (all 1,964 resource and data source classes);
- the anchor: the prebuilt cdktf AWS provider (`cdktf-cdktf-provider-aws`), whose modules all load
  one jsii assembly of the whole provider. It is measured when `ALICLOUD_ML_BENCH_AWS_PYTHON` names a
  Python with that package installed (it is ~500 MB, so `make bench` does not install it).
Then the size of the bindings wheel (built offline with `.venv/build-env`) and of its installed files,
against `cdktf get`'s 165 MB for the same provider (measured 2026-12, docs/bindings.md).

Run: `.venv/bin/python benchmarks/imports.py [--runs N] [--no-wheel]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Goals  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BINDINGS_PROJECT = REPO / "packages" / "cdktf-cdktf-provider-alicloud"
SERVICE_MODULE_BEFORE = 0.043  # seconds: the smallest service module's import before (docs/bindings.md, 2026-12)
CDKTF_GET_MB = 165.0  # what `cdktf get` writes for aliyun/alicloud 1.289.0 (docs/bindings.md, measured 2026-12)

OURS = textwrap.dedent(
    """
    import json, sys, time, importlib
    t0 = time.perf_counter()
    import alicloud_ml
    t_pkg = time.perf_counter() - t0
    import alicloud_ml._cdk
    t_cdk = time.perf_counter() - t0
    t1 = time.perf_counter()
    import cdktf_cdktf_provider_alicloud.provider
    t_runtime = time.perf_counter() - t1
    t2 = time.perf_counter()
    importlib.import_module("cdktf_cdktf_provider_alicloud." + sys.argv[1])
    t_type = time.perf_counter() - t2
    t3 = time.perf_counter()
    from alicloud_ml.provider.ecs import Instance
    t_view = time.perf_counter() - t3
    schema_loaded = "alicloud_ml.schema" in sys.modules
    t4 = time.perf_counter()
    if sys.argv[2] == "all":
        from cdktf_cdktf_provider_alicloud._index import DATA_SOURCE_CLASSES, RESOURCE_CLASSES
        for module, _ in [*RESOURCE_CLASSES.values(), *DATA_SOURCE_CLASSES.values()]:
            importlib.import_module("cdktf_cdktf_provider_alicloud." + module)
    t_all = time.perf_counter() - t4 + t_type
    print(json.dumps({"pkg": t_pkg, "cdk": t_cdk, "runtime": t_runtime, "type": t_type, "view": t_view,
                      "all": t_all, "schema": schema_loaded}))
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


def _env() -> dict[str, str]:
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(python: str, code: str, *args: str) -> dict[str, float]:
    out = subprocess.run([python, "-c", code, *args], capture_output=True, text=True, env=_env(), check=True,
                         timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def _wheel_sizes() -> tuple[float, float]:
    """(wheel MB, installed MB) of cdktf-cdktf-provider-alicloud, built offline from this checkout."""
    build_python = REPO / ".venv" / "build-env" / "bin" / "python"
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([str(build_python), "-m", "build", "--wheel", "--no-isolation", "--outdir", out,
                        str(BINDINGS_PROJECT)], capture_output=True, check=True, timeout=900)
        (wheel,) = Path(out).glob("*.whl")
        with zipfile.ZipFile(wheel) as zf:
            installed = sum(info.file_size for info in zf.infolist())
        return wheel.stat().st_size / 1e6, installed / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-wheel", action="store_true", help="skip building the wheel (about a minute)")
    args = parser.parse_args()
    from cdktf_cdktf_provider_alicloud._index import DATA_SOURCE_CLASSES, RESOURCE_CLASSES

    package = BINDINGS_PROJECT / "cdktf_cdktf_provider_alicloud"
    modules = {module for module, _ in [*RESOURCE_CLASSES.values(), *DATA_SOURCE_CLASSES.values()]}
    sizes = {m: (package / f"{m}.py").stat().st_size for m in modules}
    smallest, largest = min(sizes, key=sizes.get), max(sizes, key=sizes.get)  # type: ignore[arg-type]
    _run(sys.executable, OURS, largest, "all")  # writes the bytecode caches once, as an install does
    samples = {m: [_run(sys.executable, OURS, m, "one") for _ in range(args.runs)] for m in (smallest, "vswitch", largest)}
    every = [s for runs in samples.values() for s in runs]
    rows: list[tuple[str, float, str]] = [
        ("import alicloud_ml", statistics.median(s["pkg"] for s in every), "budget 50 ms"),
        ("start the CDK runtime (cdktf + jsii + node)", statistics.median(s["cdk"] for s in every), "once per process"),
        ("the bindings' runtime (+ provider module), once", statistics.median(s["runtime"] for s in every),
         "once per process"),
    ]
    worst = 0.0
    for module, runs in samples.items():
        seconds = _median(runs, "type")
        worst = max(worst, seconds)
        rows.append((f"import cdktf_cdktf_provider_alicloud.{module} ({sizes[module] // 1024} KB)", seconds,
                     f"goal <= {SERVICE_MODULE_BEFORE} s (a service module before)"))
    rows.append(("from alicloud_ml.provider.ecs import Instance (the view)", statistics.median(s["view"] for s in every),
                 "loads one type module"))
    everything = [_run(sys.executable, OURS, "vpc", "all") for _ in range(max(args.runs // 2, 1))]
    rows.append((f"import all {len(sizes)} type modules", _median(everything, "all"), "not needed in practice"))
    aws_python = os.environ.get("ALICLOUD_ML_BENCH_AWS_PYTHON")
    anchor = None
    if aws_python:
        anchor = _median([_run(aws_python, AWS) for _ in range(args.runs)], "module")
        rows.append(("anchor: import cdktf_cdktf_provider_aws.vpc (prebuilt provider)", anchor, "same machine, same run"))
    schema_loaded = any(s["schema"] for s in every)

    print(f"Import cost, median of {args.runs} fresh interpreters")
    print(f"{'what':<72} {'seconds':>9}  note")
    for what, seconds, note in rows:
        print(f"{what:<72} {seconds:>9.4f}  {note}")
    print(f"schema archive read by an import of the bindings: {'yes' if schema_loaded else 'no'}")
    print(f"ratio largest type module / a service module before: {worst / SERVICE_MODULE_BEFORE:.2f} (goal <= 1)")
    if anchor is not None:
        print(f"ratio anchor / our largest type module: {anchor / worst:.0f}x")
    else:
        print("anchor not measured: set ALICLOUD_ML_BENCH_AWS_PYTHON to a python with cdktf-cdktf-provider-aws")
    if not args.no_wheel:
        wheel_mb, installed_mb = _wheel_sizes()
        print(f"cdktf-cdktf-provider-alicloud wheel: {wheel_mb:.1f} MB, installed {installed_mb:.1f} MB "
              f"(cdktf get: {CDKTF_GET_MB:.0f} MB, ratio {CDKTF_GET_MB / installed_mb:.0f}x)")
    goals = Goals()
    goals.add("import alicloud_ml", rows[0][1] * 1000, at_most=50, unit="ms")
    goals.add("largest type module / a service module before", worst / SERVICE_MODULE_BEFORE, at_most=1)
    goals.add("an import of the bindings reads the schema archive", float(schema_loaded), at_most=0)
    return goals.finish("import goals")


if __name__ == "__main__":
    raise SystemExit(main())
