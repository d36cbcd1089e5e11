"""`modules/` is generated from the constructs: the committed tree equals a fresh generation, fmt-clean."""

from __future__ import annotations

import subprocess


from alicloud_ml.hcl import MODULES_DIR, drift
from alicloud_ml.hcl.modules import SPECS
from tests.tools import needs

pytestmark = needs("terraform")


def test_committed_modules_equal_a_fresh_generation():
    # GIVEN the committed modules/  WHEN the generator runs again  THEN nothing differs
    assert drift() == [], "modules/ is out of date: run `make modules` and commit the result"


def test_every_module_has_its_files_and_is_fmt_clean():
    # GIVEN every generated module (the listed ones plus the composition)
    for name in [*SPECS, "ml-platform"]:
        for rel in ("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md", "examples/basic/main.tf"):
            assert (MODULES_DIR / name / rel).is_file(), f"{name}/{rel} missing"
        # THEN the provider is pinned to the version the constructs were written against
        assert 'version = "1.289.0"' in (MODULES_DIR / name / "versions.tf").read_text()
    # AND terraform fmt has nothing to change
    result = subprocess.run(["terraform", "fmt", "-check", "-recursive", str(MODULES_DIR)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout
