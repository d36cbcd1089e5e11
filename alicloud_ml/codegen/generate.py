"""Render the templates into `alicloud_ml/provider/`; `--check` compares instead of writing."""

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
    services = model.services()
    files = {
        f"{service}.py": env.get_template("service.py.jinja").render(service=service, resources=resources, version=version)
        for service, resources in services.items()
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate alicloud_ml/provider/ from the pinned provider schema.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ from a fresh generation")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = drift()
        for name in out_of_date:
            print(f"alicloud_ml/provider/{name} is out of date: run `make bindings`", file=sys.stderr)
        return 1 if out_of_date else 0
    OUT_DIR.mkdir(exist_ok=True)
    files = render()
    for stale in OUT_DIR.glob("*.py"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (OUT_DIR / name).write_text(text)
    print(f"wrote {len(files)} files to {OUT_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
