"""Measure `terraform apply` throughput against the emulator at growing stack sizes.

Usage: .venv/bin/python benchmarks/emulator_apply.py [--sizes 100,1000] [--runs 3] [--profile DIR] [--startup N]

Each run applies a fresh stack (new working directory, new emulated cloud) of N resources,
built from units of ten: a VPC, four vswitches, a security group with two rules, an OSS bucket
and a RAM role, so references, CIDR checks and name-derived ids are all exercised. The time is
the wall clock of the whole `terraform apply -auto-approve` (plan, apply, provider start-ups);
the table shows the median of the runs (emulator and terraform_data runs alternate, so drifting machine
load affects both alike). The terraform_data column applies the same number of
Terraform's built-in `terraform_data` resources with the same dependency shape, which need no provider
at all: Terraform's own ceiling on this machine (its local state is rewritten after every resource, so
its cost grows with the square of the stack size). `ratio` is emulator throughput over that ceiling
(1.00 = the emulator costs nothing on top of Terraform). `ceiling` is the best ratio any provider declaring this schema
can reach: what Terraform spends per apply only to start it and decode its schema, measured with no alicloud
resource at all, added to the terraform_data time. With --profile, the provider processes write cProfile
files to DIR (open with `python -m pstats DIR/emulator-<pid>.prof`). With --startup N, it first times N provider
starts (exec of the installed launcher to the go-plugin handshake line on stdout, as Terraform sees it) through the
warm fork server and in-process (ALICLOUD_ML_EMULATOR_DAEMON=0); Terraform starts the provider ~4 times per apply.
Goals (the share of the ceiling the emulator reaches, `ratio / ceiling`): >= 0.85 at 100 resources, >= 0.95 at 1,000.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Goals, alternate, machine, median  # noqa: E402

from alicloud_ml.emulator.install import install, launcher_path  # noqa: E402
from alicloud_ml.emulator.launch import DISABLE_ENV  # noqa: E402
from alicloud_ml.emulator.server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE  # noqa: E402

UNIT = 10


def stack(n: int) -> dict[str, Any]:
    """A stack of exactly n resources (n a multiple of ten)."""
    resources: dict[str, dict[str, Any]] = {t: {} for t in (
        "alicloud_vpc", "alicloud_vswitch", "alicloud_security_group", "alicloud_security_group_rule",
        "alicloud_oss_bucket", "alicloud_ram_role")}
    for u in range(n // UNIT):
        vpc = f"v{u}"
        resources["alicloud_vpc"][vpc] = {"vpc_name": vpc, "cidr_block": "10.0.0.0/16"}
        for z in range(4):
            resources["alicloud_vswitch"][f"{vpc}_s{z}"] = {
                "vpc_id": f"${{alicloud_vpc.{vpc}.id}}", "cidr_block": f"10.0.{z}.0/24",
                "zone_id": f"cn-shanghai-{'bcdg'[z]}"}
        resources["alicloud_security_group"][f"{vpc}_sg"] = {"vpc_id": f"${{alicloud_vpc.{vpc}.id}}"}
        for r, ports in enumerate(("22/22", "443/443")):
            resources["alicloud_security_group_rule"][f"{vpc}_r{r}"] = {
                "type": "ingress", "ip_protocol": "tcp", "port_range": ports, "cidr_ip": "10.0.0.0/8",
                "security_group_id": f"${{alicloud_security_group.{vpc}_sg.id}}"}
        resources["alicloud_oss_bucket"][f"b{u}"] = {"bucket": f"bench-bucket-{u}"}
        resources["alicloud_ram_role"][f"role{u}"] = {"role_name": f"bench-role-{u}"}
    return {
        "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.289.0"}}},
        "provider": {"alicloud": {"region": "cn-shanghai"}},
        "resource": resources,
    }


def baseline_stack(n: int) -> dict[str, Any]:
    """The same stack as `terraform_data` resources (Terraform's built-in, no provider at all), with the
    same dependency shape: each one's input references the resources the alicloud one references."""
    data: dict[str, Any] = {}
    for type_name, blocks in stack(n)["resource"].items():
        for name, config in blocks.items():
            refs = sorted(set(re.findall(r"\$\{(alicloud_\w+)\.(\w+)\.id\}", json.dumps(config))))
            data[f"{type_name}_{name}"] = {"input": {"name": name, "refs": [
                f"${{terraform_data.{t}_{r}.output}}" for t, r in refs]}}
    return {"resource": {"terraform_data": data}}


def _terraform(args: list[str], cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(["terraform", *args, "-no-color"], cwd=cwd, env=env, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise SystemExit(f"terraform {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def one_run(n: int, cli_config: Path, scratch: Path, profile: str | None, baseline: bool = False,
            doc: dict[str, Any] | None = None) -> float:
    work = Path(tempfile.mkdtemp(prefix=f"apply-{n}-", dir=scratch))
    (work / "main.tf.json").write_text(json.dumps(doc or (baseline_stack(n) if baseline else stack(n))))
    env = {k: v for k, v in os.environ.items() if k not in ("TF_PLUGIN_CACHE_DIR", "TF_LOG")}
    env.update(TF_CLI_CONFIG_FILE=str(cli_config), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
               ALICLOUD_ML_EMULATOR_STATE=str(work / "cloud"))
    if profile:
        env["ALICLOUD_ML_EMULATOR_PROFILE"] = profile
    _terraform(["init", "-input=false"], work, env)
    start = time.perf_counter()
    _terraform(["apply", "-auto-approve", "-input=false"], work, env)
    elapsed = time.perf_counter() - start
    shutil.rmtree(work, ignore_errors=True)
    return elapsed


def provider_overhead(cli_config: Path, scratch: Path, runs: int) -> float:
    """Seconds an apply costs only because it declares alicloud (Terraform starting the provider and decoding
    its schema), with no alicloud resource: one `terraform_data` with the provider declared, minus without.
    No provider with this schema can beat it, so it bounds the ratio: base / (base + overhead)."""
    one = baseline_stack(UNIT)["resource"]["terraform_data"]
    bare = {"resource": {"terraform_data": dict(list(one.items())[:1])}}
    declared = {**{k: v for k, v in stack(UNIT).items() if k != "resource"}, **bare}
    with_provider, without = [], []
    for _ in range(runs):
        with_provider.append(one_run(1, cli_config, scratch, None, doc=declared))
        without.append(one_run(1, cli_config, scratch, None, doc=bare))
    return max(0.0, statistics.median(with_provider) - statistics.median(without))


def startup_times(cli_config: Path, scratch: Path, n: int, daemon: bool) -> list[float]:
    """Seconds from exec of the launcher to the handshake line, n times (the first through a cold daemon)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TF_")}
    env.update({MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS": "6",
                "ALICLOUD_ML_EMULATOR_STATE": str(scratch / "startup-cloud"), DISABLE_ENV: "1" if daemon else "0"})
    times = []
    for _ in range(n):
        start = time.perf_counter()
        process = subprocess.Popen([str(launcher_path(cli_config.parent))], stdout=subprocess.PIPE, env=env)
        assert process.stdout is not None
        line = process.stdout.readline()
        times.append(time.perf_counter() - start)
        process.kill()
        process.wait()
        if not line.startswith(b"1|6|unix|"):
            raise SystemExit(f"no handshake from the provider: {line!r}")
    return times


#: Goals: the share of the ceiling the emulator reaches, by stack size (issue 24).
CEILING_SHARE_GOALS = {100: 0.85, 1000: 0.95}


def _pair(n: int, cli_config: Path, scratch: Path, profile: str | None, baseline: bool, runs: int) -> tuple[list[float],
                                                                                                      list[float]]:
    """Emulator and terraform_data apply times of n resources, alternated (a change in load hits both alike)."""
    sides = {"emulator": lambda: one_run(n, cli_config, scratch, profile)}
    if baseline:
        sides["terraform_data"] = lambda: one_run(n, cli_config, scratch, None, True)
    measured = alternate(sides, runs)
    return measured["emulator"], measured.get("terraform_data", [])


def smoke_ratio(n: int = 100, runs: int = 3) -> float:
    """terraform_data time / emulator time at n resources, medians of alternated runs (the CI smoke in `make test`)."""
    with tempfile.TemporaryDirectory(prefix="emulator-bench-") as tmp:
        scratch = Path(tmp)
        times, bases = _pair(n, install(scratch / "install"), scratch, None, True, runs)
    return median(bases) / median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="Comma-separated resource counts. Default: 100,1000")
    parser.add_argument("--runs", type=int, default=3, help="Runs per size; the median is shown. Default: 3")
    parser.add_argument("--profile", default=None, help="Directory for provider cProfile output. Default: off")
    parser.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=True,
                        help="Also time N terraform_data resources (Terraform alone, no provider). Default: on")
    parser.add_argument("--startup", type=int, default=0, help="First time N provider start-ups. Default: 0")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    if shutil.which("terraform") is None:
        print("terraform is not on PATH", file=sys.stderr)
        return 2
    goals = Goals()
    print(f"emulator apply benchmark; {machine()}")
    with tempfile.TemporaryDirectory(prefix="emulator-bench-") as tmp:
        scratch = Path(tmp)
        cli_config = install(scratch / "install")
        for daemon in (True, False) if args.startup else ():
            times = startup_times(cli_config, scratch, args.startup, daemon)
            print(f"provider start, {'fork server' if daemon else 'in-process'}: median "
                  f"{statistics.median(times) * 1000:.0f} ms, first {times[0] * 1000:.0f} ms ({len(times)} starts)")
        overhead = provider_overhead(cli_config, scratch, max(args.runs, 5)) if args.baseline else 0.0
        if args.baseline:
            print(f"declaring alicloud costs Terraform {overhead:.2f} s per apply (start-ups + schema decode, no "
                  "resources): the ceiling column is the best ratio any provider with this schema can reach")
        print(f"{'resources':>9}  {'runs':>4}  {'median s':>8}  {'resources/s':>11}  "
              f"{'terraform_data/s':>16}  {'ratio':>5}  {'ceiling':>7}  {'share':>5}  all runs (s)")
        for n in sizes:
            n -= n % UNIT
            times, bases = _pair(n, cli_config, scratch, args.profile, args.baseline, args.runs)
            med = median(times)
            floor = ratio = ceiling = share = "-"
            if args.baseline:
                base = median(bases)
                reach = base / (base + overhead)
                floor, ratio, ceiling, share = (f"{n / base:.1f}", f"{base / med:.2f}", f"{reach:.2f}",
                                                f"{base / med / reach:.2f}")
                if n in CEILING_SHARE_GOALS:
                    goals.add(f"share of the ceiling at {n} resources", base / med / reach,
                              at_least=CEILING_SHARE_GOALS[n])
            print(f"{n:>9}  {args.runs:>4}  {med:>8.2f}  {n / med:>11.1f}  {floor:>16}  {ratio:>5}  {ceiling:>7}  "
                  f"{share:>5}  " + " ".join(f"{t:.2f}" for t in times), flush=True)
    return goals.finish("emulator goals") if goals.items else 0


if __name__ == "__main__":
    raise SystemExit(main())
