"""Build hook: generate the L1 bindings (`alicloud_ml/provider/`) whenever the package is built.

The bindings are ~250k lines generated from the schema archive and the templates, so they are not
committed. A wheel (built directly or from the sdist) gets them generated into its build directory;
an editable install (`pip install -e .`) gets them generated into the source tree, where the
editable import finder looks. Everything else is configured in pyproject.toml.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class build_py_with_bindings(build_py):  # noqa: N801 - setuptools command naming
    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(ROOT))  # the generator is part of the package being built
        try:
            from alicloud_ml.codegen.generate import write
        finally:
            sys.path.pop(0)
        target = ROOT if getattr(self, "editable_mode", False) else Path(self.build_lib)
        out_dir = target / "alicloud_ml" / "provider"
        self.announce(f"generating L1 bindings into {out_dir}", level=2)
        write(out_dir)


setup(cmdclass={"build_py": build_py_with_bindings})
