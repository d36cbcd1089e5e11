"""Fidelity runs: how much real-world Terraform the emulator plans, applies, re-plans empty and destroys.

Two modes, one lifecycle (`init` -> `validate` -> `apply` -> `plan -detailed-exitcode` -> `destroy`,
each run in its own working directory with its own emulated cloud):

- the **corpus**: the provider's own documentation examples (`tests/emulator/fidelity/examples`,
  extracted by `scripts/extract_fidelity_examples.py`), which nobody here wrote;
- **all types**: every resource type of the schema with `schema.samples.minimal_config(type)`,
  in batches, a failing type attributed by its address in Terraform's diagnostics.

Every failure gets one class (`classify.CLASSES`), so a run is a work list rather than a number.
It lives in the package, not under tests/, so `python -m alicloud_ml.fidelity` works without
pytest, tests import it like any module, and the all-types mode can judge any installed emulator.
"""

from alicloud_ml.fidelity.classify import CLASSES, Outcome
from alicloud_ml.fidelity.terraform import Environment

__all__ = ["CLASSES", "Environment", "Outcome"]
