"""`python -m alicloud_ml.fidelity [corpus|types|all]`: run the fidelity corpus and/or all types, print the table.

    python -m alicloud_ml.fidelity                       # both, as `make fidelity` does
    python -m alicloud_ml.fidelity corpus --only 'alicloud_nas_*' --jobs 2
    python -m alicloud_ml.fidelity types --only alicloud_vpc alicloud_vswitch --json result.json

Exit status 0 unless `--fail-under` is given and a pass rate is below it, so the run is a report first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from alicloud_ml import schema
from alicloud_ml.fidelity import alltypes, corpus, report
from alicloud_ml.fidelity.classify import Outcome
from alicloud_ml.fidelity.terraform import DEFAULT_REGION, Environment


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m alicloud_ml.fidelity",
                                     description="Judge the emulator against the provider's docs examples and "
                                                 "every resource type of the schema.")
    parser.add_argument("mode", nargs="?", choices=("corpus", "types", "all"), default="all")
    parser.add_argument("--corpus", type=Path, default=corpus.DEFAULT_CORPUS, help="corpus directory (index.json)")
    parser.add_argument("--only", nargs="+", default=[], metavar="PATTERN",
                        help="example ids or types to run (glob, e.g. 'alicloud_nas_*')")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="workspaces run at once")
    parser.add_argument("--batch", type=int, default=alltypes.DEFAULT_BATCH, help="types per all-types workspace")
    parser.add_argument("--region", default=DEFAULT_REGION, help="ALICLOUD_REGION for examples without one")
    parser.add_argument("--seed", type=Path, default=corpus.SEED_FILE, metavar="FILE",
                        help="objects the provider's test account holds: an example failing in an empty cloud runs "
                             "again seeded with them (default: the corpus's provider-test-account.toml)")
    parser.add_argument("--no-seed", action="store_true", help="judge every example in an empty cloud only")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON ('-': stdout)")
    parser.add_argument("--fail-under", type=float, metavar="PCT", help="exit 1 when a pass rate is below PCT")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    return parser


def _progress(quiet: bool, total: int) -> Callable[[Outcome], None]:
    done = [0]

    def show(result: Outcome) -> None:
        done[0] += 1
        if not quiet:
            status = "ok" if result.passed else f"FAIL {result.klass} @ {result.step}"
            print(f"  [{done[0]}/{total}] {result.id}: {status} ({result.seconds:.0f}s)", file=sys.stderr, flush=True)
    return show


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="alicloud-ml-fidelity-"))
    out: dict[str, object] = {"provider_version": schema.provider_version(), "region": args.region}
    tables = []
    rates = []
    try:
        seed = None if args.no_seed or args.mode == "types" else args.seed
        env = Environment(work, args.region, seed)
        if args.mode in ("corpus", "all"):
            started = time.monotonic()
            examples = corpus.select(corpus.load(args.corpus), args.only)
            results = corpus.run(env, examples, args.jobs, _progress(args.quiet, len(examples)))
            data = report.summary(results, ml=[e.id for e in examples if e.ml])
            data["wall_seconds"] = round(time.monotonic() - started, 1)
            out["corpus"] = data
            rates.append(data["pass_rate"])
            tables.append(report.table(f"Corpus: {len(examples)} provider docs examples of {len({e.type for e in examples})} types in "
                                       f"{len({e.subcategory for e in examples})} services "
                                       f"({data['wall_seconds']:.0f}s)", data))
        if args.mode in ("types", "all"):
            started = time.monotonic()
            types = [t for t in schema.resource_types() if corpus.matches(t, args.only)]
            progress = None if args.quiet else (lambda line: print(f"  types: {line}", file=sys.stderr, flush=True))
            outcomes = alltypes.run(env, types, args.jobs, args.batch, progress)
            data = report.summary(outcomes.values())
            data["wall_seconds"] = round(time.monotonic() - started, 1)
            out["all_types"] = data
            rates.append(data["pass_rate"])
            tables.append(report.table(f"All types: {len(types)} resource types with a minimal config "
                                       f"({data['wall_seconds']:.0f}s)", data))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n\n".join(tables))
    if args.json:
        text = json.dumps(out, indent=1)
        if str(args.json) == "-":
            print(text)
        else:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(text + "\n")
    if args.fail_under is not None and any(r is None or 100 * r < args.fail_under for r in rates):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
