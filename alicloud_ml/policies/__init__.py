"""The policy pack and the synth gate.

- `suppress(construct, "ALIML_004", reason="…", expires="2027-03-31")`: construct-scoped suppression.
- `gate.run_gate(path, fail_on="high")`, `gate.enforce(outdir)`, `gate.prewarm()`: see `gate.py`.

This package imports neither checkov nor cdktf at import time.
"""

from alicloud_ml.policies.model import Severity
from alicloud_ml.policies.suppressions import Suppression, suppress

__all__ = ["Severity", "Suppression", "suppress"]
