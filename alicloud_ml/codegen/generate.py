"""Render the templates: the bindings package (one module per type) and the toolkit's view of it.

Two outputs of one generator, from the same classes:
- `packages/cdktf-cdktf-provider-alicloud/cdktf_cdktf_provider_alicloud/`: one module per resource and
  data source type named as cdktf's prebuilt providers name them (`vswitch`, `data_alicloud_zones`),
  plus `provider` and `_index` (the hand-written runtime, `_*.py`, lives beside them);
- `alicloud_ml/provider/`: the toolkit's modules per service (`alicloud_ml.provider.vpc`), which
  re-export the classes from the bindings.

Both are generated, never committed: `make install`, editable installs and wheel builds run this (see
the two setup.py files), and the result only depends on the templates and the schema archive.
`--check` compares instead of writing.
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
PACKAGE = "cdktf_cdktf_provider_alicloud"
BINDINGS_DIR = Path(__file__).resolve().parents[2] / "packages" / "cdktf-cdktf-provider-alicloud" / PACKAGE


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
    )
    env.filters["kind_source"] = model._kind_source
    return env


def _services() -> dict[str, list[model.ResourceClass]]:
    return {module: model.service_classes(module) for module in model.module_types()}


def render() -> dict[str, str]:
    """Every generated file of the toolkit's view (`alicloud_ml/provider/`) as {file name: text}."""
    env, version, services = _environment(), schema.provider_version(), _services()
    template = env.get_template("view_service.py.jinja")
    files = {
        f"{service}.py": template.render(service=service, resources=classes, version=version,
                                         subcategory=model.subcategory_title(service))
        for service, classes in services.items()
    }
    files["provider.py"] = env.get_template("view_provider.py.jinja").render(p=model.provider_class(), version=version)
    files["__init__.py"] = env.get_template("__init__.py.jinja").render(services=services, version=version)
    return files


def render_bindings() -> dict[str, str]:
    """Every generated file of the bindings package as {file name: text}."""
    env, version = _environment(), schema.provider_version()
    types = [r for classes in _services().values() for r in classes]
    module, alias = env.get_template("type.py.jinja"), env.get_template("alias_module.py.jinja")
    files: dict[str, str] = {}
    for r in types:
        files[f"{r.module}.py"] = module.render(r=r, names=list(r.exports), version=version)
        if r.convert_module:
            files[f"{r.convert_module}.py"] = alias.render(r=r, version=version)
    p = model.provider_class()
    files["provider.py"] = env.get_template("provider.py.jinja").render(p=p, names=list(p.exports), version=version)
    files["_index.py"] = env.get_template("index.py.jinja").render(types=types, version=version)
    return files


def _generated(path: Path) -> bool:
    """Files a generation owns in the bindings package: everything but the hand-written runtime (`_*.py`)."""
    return path.name == "_index.py" or not path.name.startswith("_")


def drift(out_dir: Path = OUT_DIR, bindings_dir: Path = BINDINGS_DIR) -> list[str]:
    """Generated files that differ from (or are missing in, or are extra in) the two output directories."""
    problems = []
    for directory, files in ((out_dir, render()), (bindings_dir, render_bindings())):
        problems += [str(directory / name) for name, text in files.items()
                     if not (directory / name).is_file() or (directory / name).read_text() != text]
        problems += sorted(str(p) for p in directory.glob("*.py") if p.name not in files and
                           (directory is out_dir or _generated(p)))
    return problems


def _write(out_dir: Path, files: dict[str, str], owned: bool = True) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.py"):
        if stale.name not in files and (owned or _generated(stale)):
            stale.unlink()
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return len(files)


def write(out_dir: Path = OUT_DIR) -> int:
    """Write the toolkit's view into `out_dir` (removing stale files); returns how many were written."""
    return _write(out_dir, render())


def write_bindings(out_dir: Path = BINDINGS_DIR) -> int:
    """Write the per-type modules into the bindings package `out_dir`, keeping its hand-written runtime."""
    return _write(out_dir, render_bindings(), owned=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the provider bindings from the pinned provider schema.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the generated files differ from a fresh "
                                                             "generation (e.g. after editing the templates)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="the toolkit's view. Default: alicloud_ml/provider")
    parser.add_argument("--bindings-out", type=Path, default=BINDINGS_DIR,
                        help=f"the bindings package. Default: packages/cdktf-cdktf-provider-alicloud/{PACKAGE}")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = drift(args.out, args.bindings_out)
        for name in out_of_date:
            print(f"{name} is out of date: run `make bindings`", file=sys.stderr)
        return 1 if out_of_date else 0
    print(f"generating the bindings of aliyun/alicloud {schema.provider_version()} into {args.bindings_out} "
          f"and {args.out} ...", flush=True)
    count = write_bindings(args.bindings_out) + write(args.out)
    print(f"wrote {count} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
