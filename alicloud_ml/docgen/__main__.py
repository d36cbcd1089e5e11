"""`python -m alicloud_ml.docgen [--check] [DIR]`: write the generated docs (default `docs/`), or with
--check exit 1 naming the stale ones."""

from __future__ import annotations

import sys
from pathlib import Path

from alicloud_ml.docgen import render_all, stale


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    docs_dir = Path(args[0]) if args else Path("docs")
    if check:
        names = stale(docs_dir)
        for name in names:
            print(f"{docs_dir / name} is stale: run `make docs`", file=sys.stderr)
        return 1 if names else 0
    docs_dir.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (docs_dir / name).write_text(text, encoding="utf-8")
        print(f"wrote {docs_dir / name}")
    from alicloud_ml.docgen import diagrams

    for path in diagrams.write(docs_dir, Path.cwd()):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
