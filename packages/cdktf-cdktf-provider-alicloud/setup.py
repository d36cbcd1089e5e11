"""Build hook: generate the per-type modules of `cdktf_cdktf_provider_alicloud` whenever the package is built.

The modules (~2,000 files) are generated from the provider schema archive by the generator in
alicloud-ml-cdk (`alicloud_ml/codegen`), so they are not committed. Built from the repository, the
generator is two folders up; an sdist carries a copy of it and of the schema under `_generator/`. A
wheel gets the modules generated into its build directory, an editable install into the source tree.
"""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
PACKAGE = "cdktf_cdktf_provider_alicloud"
#: What generating needs from the repository: the generator, its templates and the schema archive.
GENERATOR_FILES = ("alicloud_ml/__init__.py", "alicloud_ml/schema/__init__.py", "alicloud_ml/schema/alicloud-*.zip",
                   "alicloud_ml/codegen/*.py", "alicloud_ml/codegen/templates/*.jinja")


def _generator_root() -> Path:
    for candidate in (ROOT / "_generator", ROOT.parents[1]):
        if (candidate / "alicloud_ml" / "codegen" / "generate.py").is_file():
            return candidate
    raise SystemExit(f"cannot build {PACKAGE}: the generator (alicloud_ml/codegen) is neither in _generator/ "
                     "nor two folders up; build from the alicloud-ml-cdk repository or from this package's sdist")


class build_py_with_bindings(build_py):  # noqa: N801 - setuptools command naming
    def run(self) -> None:
        super().run()
        sys.path[:0] = [str(_generator_root()), str(ROOT)]
        try:
            from alicloud_ml.codegen.generate import write_bindings
        finally:
            del sys.path[:2]
        target = ROOT if getattr(self, "editable_mode", False) else Path(self.build_lib)
        self.announce(f"generating the per-type modules into {target / PACKAGE}", level=2)
        write_bindings(target / PACKAGE)


class sdist_with_generator(sdist):  # noqa: N801
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        source = _generator_root()
        for pattern in GENERATOR_FILES:
            for path in sorted(source.glob(pattern)):
                target = Path(base_dir) / "_generator" / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)


setup(cmdclass={"build_py": build_py_with_bindings, "sdist": sdist_with_generator})
