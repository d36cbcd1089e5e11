"""Render the templates into `alicloud_ml/provider/`; `--check` compares instead of writing.

The bindings are generated, never committed: `make install`, editable installs and wheel builds
run this (see setup.py), and the result only depends on the templates and the schema archive.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jinja2

from alicloud_ml import schema
from alicloud_ml.codegen import model

TEMPLATES = Path(__file__).with_name("templates")
OUT_DIR = Path(__file__).resolve().parents[1] / "provider"


def render() -> dict[str, str]:
    """Every generated file as {file name: text}."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
    )
    version = schema.provider_version()
    services = {module: model.service_classes(module) for module in model.module_types()}
    template = env.get_template("service.py.jinja")
    files = {
        f"{service}.py": template.render(service=service, resources=classes, version=version,
                                         subcategory=model.subcategory_title(service))
        for service, classes in services.items()
    }
    files["provider.py"] = env.get_template("provider.py.jinja").render(p=model.provider_class(), version=version)
    files["__init__.py"] = env.get_template("__init__.py.jinja").render(services=services, version=version)
    return files


def drift(out_dir: Path = OUT_DIR) -> list[str]:
    """Generated files that differ from (or are missing in, or are extra in) `out_dir`."""
    files = render()
    problems = [name for name, text in files.items() if not (out_dir / name).is_file() or (out_dir / name).read_text() != text]
    problems += sorted(p.name for p in out_dir.glob("*.py") if p.name not in files)
    return problems


def write(out_dir: Path = OUT_DIR) -> int:
    """Write every generated file into `out_dir` (removing stale ones); returns how many were written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = render()
    for stale in out_dir.glob("*.py"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate alicloud_ml/provider/ from the pinned provider schema.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the generated files differ from a fresh "
                                                             "generation (e.g. after editing the templates)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="directory to write. Default: alicloud_ml/provider")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = drift(args.out)
        for name in out_of_date:
            print(f"{args.out / name} is out of date: run `make bindings`", file=sys.stderr)
        return 1 if out_of_date else 0
    print(f"generating the L1 bindings of aliyun/alicloud {schema.provider_version()} into {args.out} ...", flush=True)
    count = write(args.out)
    print(f"wrote {count} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
