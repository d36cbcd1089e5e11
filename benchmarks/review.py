"""Benchmark: `alicloud-ml review` on two 5,000-resource synths (goal: median ≤ 0.5 s).

Generates a base and a head cdktf.out (VPCs, vswitches and security groups referencing them,
security-group rules, GPU node pools, CPFS and EAS services; the head changes ~2 % of them,
including a VPC replacement that propagates to its vswitches and pools), then times the whole
review in-process: load both synths, diff, price both sides, render Markdown and JSON. The policy
gate is excluded (`--no-policy`); it is measured by the gate's own benchmark.
Run: `.venv/bin/python benchmarks/review.py [--resources N] [--runs N]`.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Goals  # noqa: E402


def _body(path: str, **attrs: Any) -> dict[str, Any]:
    return {"//": {"metadata": {"path": path, "uniqueId": path.replace("/", "_")}}, **attrs}


def platform(n: int) -> dict[str, dict[str, dict[str, Any]]]:
    """About `n` resources in groups of 10: vpc, 2 vswitches, sg, 3 rules, node pool, CPFS, EAS."""
    res: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in (
        "alicloud_vpc", "alicloud_vswitch", "alicloud_security_group", "alicloud_security_group_rule",
        "alicloud_cs_kubernetes_node_pool", "alicloud_nas_file_system", "alicloud_pai_service")}
    for g in range(n // 10):
        p = f"bench/Team{g}"
        vpc = f"${{alicloud_vpc.Vpc{g}.id}}"
        res["alicloud_vpc"][f"Vpc{g}"] = _body(f"{p}/Vpc/Resource", vpc_name=f"team{g}", cidr_block="10.0.0.0/16")
        for z in range(2):
            res["alicloud_vswitch"][f"Vsw{g}_{z}"] = _body(f"{p}/Vsw{z}/Resource", vpc_id=vpc,
                                                           cidr_block=f"10.0.{z}.0/24", zone_id="cn-shanghai-l")
        res["alicloud_security_group"][f"Sg{g}"] = _body(f"{p}/Sg/Resource", vpc_id=vpc, security_group_name=f"t{g}")
        for r in range(3):
            res["alicloud_security_group_rule"][f"Rule{g}_{r}"] = _body(
                f"{p}/Rule{r}/Resource", type="ingress", ip_protocol="tcp", port_range=f"{8000 + r}/{8000 + r}",
                cidr_ip="10.0.0.0/16", security_group_id=f"${{alicloud_security_group.Sg{g}.id}}")
        res["alicloud_cs_kubernetes_node_pool"][f"Pool{g}"] = _body(
            f"{p}/GpuPool/Resource", node_pool_name=f"pool{g}", cluster_id="${alicloud_cs_managed_kubernetes.C.id}",
            vswitch_ids=[f"${{alicloud_vswitch.Vsw{g}_0.id}}"], instance_types=["ecs.gn7i-c16g1.4xlarge"],
            security_group_ids=[f"${{alicloud_security_group.Sg{g}.id}}"], scaling_config=[{"min_size": 0, "max_size": 4}],
            desired_size="1", taints=[{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}])
        res["alicloud_nas_file_system"][f"Cpfs{g}"] = _body(
            f"{p}/Cpfs/Resource", file_system_type="cpfs", protocol_type="cpfs", storage_type="advance_100",
            capacity=3600, zone_id="cn-shanghai-l", vpc_id=vpc, vswitch_id=f"${{alicloud_vswitch.Vsw{g}_0.id}}")
        res["alicloud_pai_service"][f"Eas{g}"] = _body(f"{p}/Eas/Resource", service_config=json.dumps({
            "metadata": {"name": f"m{g}", "instance": 2}, "cloud": {"computing": {"instance_type": "ecs.gn7i-c8g1.2xlarge"}},
            "autoscaler": {"min": 1, "max": 4}}))
    return res


def changed(base: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, dict[str, Any]]]:
    head = copy.deepcopy(base)
    groups = len(base["alicloud_vpc"])
    for g in range(0, groups, 50):  # 2 % of groups: scale, autoscaler, capacity changes
        head["alicloud_cs_kubernetes_node_pool"][f"Pool{g}"]["desired_size"] = "2"
        head["alicloud_nas_file_system"][f"Cpfs{g}"]["capacity"] = 7200
        cfg = json.loads(head["alicloud_pai_service"][f"Eas{g}"]["service_config"])
        cfg["autoscaler"]["max"] = 8
        head["alicloud_pai_service"][f"Eas{g}"]["service_config"] = json.dumps(cfg)
    head["alicloud_vpc"]["Vpc1"]["ipv6_cidr_block"] = "2408:4000::/56"   # replacement that propagates
    head["alicloud_nas_file_system"]["Cpfs2"]["storage_type"] = "advance_200"
    del head["alicloud_security_group_rule"]["Rule3_0"]
    head["alicloud_cs_kubernetes_node_pool"]["NewPool"] = copy.deepcopy(head["alicloud_cs_kubernetes_node_pool"]["Pool0"])
    return head


def write(root: Path, resources: dict[str, Any]) -> Path:
    (root / "stacks/bench").mkdir(parents=True)
    (root / "stacks/bench/cdk.tf.json").write_text(json.dumps({
        "//": {"metadata": {"stackName": "bench"}}, "provider": {"alicloud": [{"region": "cn-shanghai"}]},
        "resource": resources}))
    (root / "manifest.json").write_text(json.dumps({"stacks": {"bench": {"synthesizedStackPath": "stacks/bench/cdk.tf.json"}}}))
    return root


def review_once(base: Path, head: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    from alicloud_ml.catalog.pricing import PriceBook
    from alicloud_ml.review import compose, markdown, report
    from alicloud_ml.review.cost import CostModel
    from alicloud_ml.review.diff import diff_synth
    from alicloud_ml.review.policy import not_run
    from alicloud_ml.synthesized import load_synth

    changes = diff_synth(load_synth(base), load_synth(head))
    result = compose.build(changes, CostModel(PriceBook()), {"kind": "synth"}, not_run("benchmark"))
    text = markdown.render(result)
    report.render_json(result)
    elapsed = time.perf_counter() - started
    return elapsed, sum(len(s.changes.changes) for s in result.stacks), len(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base_res = platform(args.resources)
        base = write(Path(tmp) / "base", base_res)
        head = write(Path(tmp) / "head", changed(base_res))
        review_once(base, head)  # warm imports and the schema cache, as a CLI process would once
        runs = [review_once(base, head) for _ in range(args.runs)]
    times = sorted(r[0] for r in runs)
    n, chars = runs[0][1], runs[0][2]
    print("| resources (per side) | runs | median s | min s | max s | markdown chars | goal |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    print(f"| {n:,} | {len(times)} | {statistics.median(times):.3f} | {times[0]:.3f} | {times[-1]:.3f} | {chars:,} | ≤ 0.5 s |")
    goals = Goals()
    goals.add(f"review of {n:,} resources", statistics.median(times), at_most=0.5, unit="s")
    return goals.finish("review goals")


if __name__ == "__main__":
    raise SystemExit(main())
