"""Gate-test fixtures: checkov is imported once per session (about 3 s), every scan after that is cheap."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def warm_gate():
    from alicloud_ml.policies import gate

    gate.prewarm()
    gate.ensure_checkov()
    return gate
