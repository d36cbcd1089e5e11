"""Benchmark: `import alicloud_ml` time and synth time per resource at 100, 1,000 and 5,000 resources.

Each measurement runs in a fresh interpreter (the jsii runtime is per process), repeated, and
the table shows medians. Run: `.venv/bin/python benchmarks/synth.py [--runs N]`.
The resource mix is realistic: VPCs, vswitches referencing them, security-group rules and
GPU node pools with nested blocks and references.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Goals  # noqa: E402

WORKER = textwrap.dedent(
    """
    import json, sys, tempfile, time
    t0 = time.perf_counter()
    import alicloud_ml
    t_pkg = time.perf_counter() - t0
    from alicloud_ml._cdk import App, TerraformStack
    from alicloud_ml.provider import AlicloudProvider
    from alicloud_ml.provider.vpc import Vpc, Vswitch
    from alicloud_ml.provider.ecs import SecurityGroup, SecurityGroupRule
    from alicloud_ml.provider.ack import CsKubernetesNodePool, CsKubernetesNodePoolTaints, CsKubernetesNodePoolScalingConfig
    t_bindings = time.perf_counter() - t0
    from alicloud_ml._bulk import bulk_synthesis
    from pathlib import Path
    n, mode = int(sys.argv[1]), sys.argv[2]
    bulk_context = bulk_synthesis()
    bulk = bulk_context.__enter__() if mode == "bulk" else None
    app = App(outdir=tempfile.mkdtemp())
    stack = TerraformStack(app, "bench")
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    t1 = time.perf_counter()
    made = 0
    i = 0
    while made < n:
        vpc = Vpc(stack, f"vpc{i}", cidr_block="10.0.0.0/16", vpc_name=f"vpc{i}")
        vsw = Vswitch(stack, f"vsw{i}", vpc_id=vpc.id, cidr_block="10.0.1.0/24", zone_id="cn-shanghai-b")
        sg = SecurityGroup(stack, f"sg{i}", vpc_id=vpc.id, security_group_type="enterprise")
        SecurityGroupRule(stack, f"rule{i}", type="ingress", ip_protocol="all", port_range="-1/-1",
                          security_group_id=sg.id, source_security_group_id=sg.id, nic_type="intranet")
        CsKubernetesNodePool(stack, f"pool{i}", cluster_id="c-bench", node_pool_name=f"gpu{i}", vswitch_ids=[vsw.id],
                             security_group_ids=[sg.id], instance_types=["ecs.gn7i-c8g1.2xlarge"], desired_size="1",
                             taints=[CsKubernetesNodePoolTaints(key="nvidia.com/gpu", value="present", effect="NoSchedule")],
                             scaling_config=CsKubernetesNodePoolScalingConfig(min_size=0, max_size=4))
        made += 5
        i += 1
    if bulk is not None:
        bulk_context.__exit__(None, None, None)
    t2 = time.perf_counter()
    if bulk is not None:
        bulk.prepare(app)
    app.synth()
    if bulk is not None:
        bulk.complete(app, Path(app.outdir))
    t3 = time.perf_counter()
    print(json.dumps({"import_pkg": t_pkg, "import_bindings": t_bindings, "construct": t2 - t1, "synth": t3 - t2, "n": made}))
    """
)


def run_once(n: int, mode: str) -> dict:
    result = subprocess.run([sys.executable, "-c", WORKER, str(n), mode], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median reported); default 3")
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated resource counts")
    args = parser.parse_args()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        for mode in ("bulk", "callback"):
            runs = [run_once(n, mode) for _ in range(args.runs)]
            keys = ("import_pkg", "import_bindings", "construct", "synth")
            rows.append((n, mode, {k: statistics.median(r[k] for r in runs) for k in keys}))
    print(f"synth benchmark, median of {args.runs} runs per size, fresh interpreter each run")
    print("bulk = alicloud_ml.synth (main.py, alicloud-ml synth); callback = a plain app.synth()")
    print(f"{'resources':>9} | {'path':>8} | {'import alicloud_ml':>18} | {'import bindings':>15} | "
          f"{'construct ms/res':>16} | {'synth ms/res':>12} | {'total ms/res':>12}")
    print("-" * 110)
    for n, mode, med in rows:
        construct, synth = med["construct"] / n * 1000, med["synth"] / n * 1000
        print(f"{n:>9} | {mode:>8} | {med['import_pkg'] * 1000:>15.1f} ms | {med['import_bindings']:>13.2f} s | "
              f"{construct:>16.3f} | {synth:>12.3f} | {construct + synth:>12.3f}")
    goals = Goals()
    goals.add("import alicloud_ml", max(med["import_pkg"] for _, _, med in rows) * 1000, at_most=50, unit="ms")
    for n, mode, med in rows:
        if n == 5000 and mode == "bulk":
            goals.add("synth per resource at 5,000 (bulk)", (med["construct"] + med["synth"]) / n * 1000, at_most=1.0,
                      unit="ms")
    return goals.finish("synth goals")


if __name__ == "__main__":
    raise SystemExit(main())
