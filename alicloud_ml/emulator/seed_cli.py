"""`python -m alicloud_ml.emulator seed FILE`: put a seed file's objects into an emulated cloud.

Exit 0 with one line per object (`created`/`exists`, address, id, region); exit 2 on a seed file the
emulated cloud cannot take, with the file, entry, field and what is accepted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """\
example:
  python -m alicloud_ml.emulator seed tests/emulator/fidelity/provider-test-account.toml --region cn-hangzhou

exit codes: 0 seeded (or already there), 2 bad seed file or refused by the emulated cloud
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m alicloud_ml.emulator seed", epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Create the objects a seed file lists (TOML or JSON) in the emulated "
                                            "cloud, as if they existed in the account before Terraform ran.")
    p.add_argument("file", type=Path, help="seed file (.toml, or .json with the same structure)")
    p.add_argument("--state", type=Path, metavar="DIR",
                   help="emulated cloud directory (default: $ALICLOUD_ML_EMULATOR_STATE, else ./.alicloud-ml/emulator)")
    p.add_argument("--region", action="append", metavar="REGION",
                   help="create the objects in this region instead of the file's `regions` (repeatable)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from alicloud_ml.emulator.seed import SeedError, seed_file

    try:
        seeded = seed_file(args.file, args.state, args.region)
    except SeedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for s in seeded:
        print(f"{'exists ' if s.existing else 'created'} {s.address:<48} {s.id:<32} {s.region}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
