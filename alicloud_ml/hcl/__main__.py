"""`python -m alicloud_ml.hcl [--check] [--out DIR] [MODULE ...]`: regenerate (or check) the HCL modules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alicloud_ml.hcl import MODULES_DIR, drift, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alicloud_ml.hcl", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when modules/ differs from a fresh generation")
    parser.add_argument("--out", type=Path, default=MODULES_DIR, help="output directory (default: modules/)")
    parser.add_argument("modules", nargs="*", help="only these modules (default: all)")
    args = parser.parse_args(argv)
    from alicloud_ml.errors import InputError, InputErrors

    try:
        return _run(args)
    except (InputError, InputErrors) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.check:
        stale = drift(args.out)
        for rel in stale:
            print(f"out of date: {args.out / rel}", file=sys.stderr)
        if stale:
            print("run `make modules` and commit the result", file=sys.stderr)
        return 1 if stale else 0
    out = write(args.out, args.modules or None)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
