"""`python -m alicloud_ml.acceptance [run|report|extract]`: replay the provider's acceptance tests.

    python -m alicloud_ml.acceptance run                          # everything (what `make acceptance` runs)
    python -m alicloud_ml.acceptance run --services cs,nas --shard 1/4 --jobs 2
    python -m alicloud_ml.acceptance run --only 'TestAccAliCloudVPC_*'
    python -m alicloud_ml.acceptance run --failed-in alicloud_ml/acceptance/data/results.json   # the last failures
    python -m alicloud_ml.acceptance report --save               # every cached result -> data/results.json
    python -m alicloud_ml.acceptance extract --mirror /path/to/terraform-provider-alicloud.git   # dev only

Results are cached per emulator hash in .alicloud-ml/acceptance/, so a run resumes and shards add up;
`report` reads the cache only. Exit 0 unless `--fail-under` is given and a pass rate is below it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from alicloud_ml.acceptance import replay, report, suite
from alicloud_ml.acceptance.runner import TIMINGS
from alicloud_ml.fidelity.corpus import SEED_FILE
from alicloud_ml.fidelity.terraform import Environment

RESULTS_FILE = suite.DATA_DIR / "results.json"


def _shard(text: str) -> tuple[int, int]:
    try:
        index, count = (int(p) for p in text.split("/"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--shard: expected i/n such as 1/4, got {text!r}") from exc
    if not 1 <= index <= count:
        raise argparse.ArgumentTypeError(f"--shard: i must be between 1 and n, got {text!r}")
    return index, count


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m alicloud_ml.acceptance", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="replay the selected tests (cached results are reused)")
    report_cmd = sub.add_parser("report", help="summarize the cached results of the selected tests")
    for p in (run, report_cmd):
        p.add_argument("--services", default=os.environ.get("SERVICES", ""),
                       help="comma-separated services: type prefixes (cs, nas) or docs subcategories (default: all)")
        p.add_argument("--shard", type=_shard, help="i/n: only the i-th of n shards (stable by test id)")
        p.add_argument("--only", nargs="+", default=[], metavar="GLOB", help="test function names (glob)")
        p.add_argument("--failed-in", type=Path, metavar="SUMMARY",
                       help=f"only the tests a summary lists as failed (e.g. {RESULTS_FILE.name}, or --json's file)")
        p.add_argument("--cache-dir", type=Path, default=replay.DEFAULT_CACHE)
        p.add_argument("--json", type=Path, metavar="FILE", help="also write the summary as JSON")
        p.add_argument("--save", action="store_true", help=f"write the summary to {RESULTS_FILE} (committed)")
        p.add_argument("--fail-under", type=float, metavar="PCT", help="exit 1 when the step pass rate is below")
        p.add_argument("--failures", type=int, default=25, help="top failure causes to print")
    run.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", os.cpu_count() or 2)))
    run.add_argument("--batch", type=int, default=replay.DEFAULT_BATCH, help="tests per working directory")
    run.add_argument("--no-cache", action="store_true", help="replay even tests with a cached result")
    run.add_argument("--quiet", action="store_true", help="no progress line")
    report_cmd.add_argument("--emulator-hash", metavar="HASH",
                            help="read the results cached for this emulator hash (default: the current code's)")
    extract = sub.add_parser("extract", help="(dev) re-extract the tests from the provider's Go source")
    extract.add_argument("--mirror", type=Path, required=True, help="a clone (bare is fine) of the provider")
    extract.add_argument("--tag", default="v" + suite.schema.provider_version())
    extract.add_argument("--out", type=Path, default=None, help="default: the committed archive")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command not in ("run", "report"):
        _parser().print_help()
        return 2
    tests = suite.select(suite.load(), args.services.split(","), args.shard, args.only)
    if args.failed_in is not None:
        try:
            failed = {entry[0] for entry in json.loads(args.failed_in.read_text())["failures"]}
        except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            print(f"{args.failed_in}: not a summary with a 'failures' list ({exc})", file=sys.stderr)
            return 2
        tests = [t for t in tests if t.id in failed]
    if not tests:
        print("no test matches the selection", file=sys.stderr)
        return 2
    emulator = getattr(args, "emulator_hash", None) or replay.emulator_hash()
    cache = replay.Cache(args.cache_dir, emulator)
    started = time.monotonic()
    if args.command == "run":
        work = Path(tempfile.mkdtemp(prefix="alicloud-ml-acceptance-"))
        try:
            env = Environment(work, seed=SEED_FILE)
            results = replay.run(env, tests, None if args.no_cache else cache, args.jobs, args.batch, args.quiet)
            if args.no_cache:
                for test in tests:
                    if test.id in results:
                        cache.put(test, results[test.id])
        finally:
            shutil.rmtree(work, ignore_errors=True)
    else:
        results = {t.id: r for t in tests if (r := replay.not_run(t) or cache.get(t)) is not None}
        missing = len(tests) - len(results)
        if missing:
            print(f"{missing} selected tests have no cached result for emulator {emulator}", file=sys.stderr)
    data = report.stamp(report.summary(tests, results), emulator, args.services,
                        time.monotonic() - started if args.command == "run" else None,  # a report times nothing
                        current=emulator == replay.emulator_hash(),
                        when=None if args.command == "run" or not cache.path.exists()
                        else dt.date.fromtimestamp(cache.path.stat().st_mtime))
    if args.command == "run" and TIMINGS:
        data["terraform_commands"] = {k: {"count": int(v[0]), "seconds": round(v[1])} for k, v in TIMINGS.items()}
    print(report.table(data, args.failures))
    for path in [args.json] + ([RESULTS_FILE] if args.save else []):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data, indent=1) + "\n")
    rate = data["steps"]["rate"]
    if args.fail_under is not None and (rate is None or 100 * rate < args.fail_under):
        return 1
    return 0


def _extract(args: argparse.Namespace) -> int:
    from alicloud_ml.acceptance import extract

    out = args.out or suite.archive_path()
    with tempfile.TemporaryDirectory(prefix="alicloud-ml-provider-") as tmp:
        directory = extract.checkout(args.mirror, args.tag, Path(tmp))
        source = extract.load(directory, lambda line: print(f"  {line}", file=sys.stderr))
        data = extract.extract(source, progress=lambda line: print(f"  {line}", file=sys.stderr))
    extract.write_archive(data, out)
    records = [r for f in data.values() for r in f["tests"]]
    steps = sum(1 for r in records if "steps" in r)
    print(f"{len(records)} test functions: {steps} replayable, {sum('skip' in r for r in records)} skipped upstream, "
          f"{sum('error' in r for r in records)} not evaluable -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
