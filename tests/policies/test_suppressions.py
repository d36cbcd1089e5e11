"""Construct-scoped suppressions: validated at the call, synthesized into `cdk.tf.json`, applied by the gate."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from alicloud_ml.errors import InputError
from tests.policies import fixtures as fx


def _synth_stack(tmp_path: Path, build) -> Path:
    from constructs import Construct

    from alicloud_ml._cdk import App, TerraformResource, TerraformStack

    class Raw(TerraformResource):
        def __init__(self, scope, id, rtype, attrs):
            super().__init__(scope, id, terraform_resource_type=rtype)
            self._attrs = attrs

        def _synthesize_attributes(self):  # jsii protected member: the underscore is required
            return self._attrs

    out = tmp_path / "cdktf.out"
    app = App(outdir=str(out))
    stack = TerraformStack(app, "ml-dev")
    stack.add_override("terraform.backend", fx.hardened_backend())
    build(stack, Construct, Raw)
    app.synth()
    return out


def _untainted_pool() -> dict:
    return fx.gpu_pool(taints=None)


def test_suppress_rejects_a_reason_under_10_characters_naming_construct_path_and_rule(tmp_path):
    from alicloud_ml.policies import suppress

    def build(stack, Construct, Raw):
        group = Construct(stack, "Inference")
        suppress(group, "ALIML_001", reason="because")

    with pytest.raises(InputError) as err:
        _synth_stack(tmp_path, build)
    assert "ml-dev/Inference" in str(err.value) and "ALIML_001" in str(err.value)
    assert "at least 10 characters" in str(err.value)


def test_suppress_rejects_unknown_check_ids_and_bad_dates(tmp_path):
    from alicloud_ml.policies.suppressions import make_suppression

    with pytest.raises(InputError, match="unknown check id 'ALIML_999'"):
        make_suppression("ml-dev/X", "ALIML_999", "a reason long enough")
    with pytest.raises(InputError, match="accepted: an ISO date"):
        make_suppression("ml-dev/X", "ALIML_001", "a reason long enough", expires="next year")


def test_suppression_on_a_parent_covers_resources_added_later_and_survives_into_the_json(tmp_path, warm_gate):
    from alicloud_ml.policies import suppress

    def build(stack, Construct, Raw):
        group = Construct(stack, "Inference")
        suppress(group, "ALIML_001", reason="serving pool shares nodes with CPU jobs on purpose", expires="2099-12-31")
        Raw(group, "GpuPool", "alicloud_cs_kubernetes_node_pool", _untainted_pool())
        Raw(stack, "TrainPool", "alicloud_cs_kubernetes_node_pool", _untainted_pool())
        Raw(stack, "Vpc", "alicloud_vpc", {"vpc_name": "ml", "cidr_block": "10.0.0.0/8"})

    out = _synth_stack(tmp_path, build)
    doc = json.loads((out / "stacks" / "ml-dev" / "cdk.tf.json").read_text())
    pools = doc["resource"]["alicloud_cs_kubernetes_node_pool"]
    covered = next(v for k, v in pools.items() if k.startswith("Inference_GpuPool"))
    assert covered["//"]["alicloud_ml"]["suppressions"][0]["id"] == "ALIML_001"
    assert "alicloud_ml" not in pools["TrainPool"]["//"]

    report = warm_gate.run_gate(out)
    taint = {f.construct_path: f for f in report.findings if f.check_id == "ALIML_001"}
    assert taint["ml-dev/Inference/GpuPool"].status == "suppressed"
    assert taint["ml-dev/Inference/GpuPool"].suppression_reason.startswith("serving pool")
    assert taint["ml-dev/TrainPool"].status == "failed"
    assert [f.construct_path for f in report.blocking if f.check_id == "ALIML_001"] == ["ml-dev/TrainPool"]
    assert [(u.suppression.scope, u.status) for u in report.suppressions] == [("ml-dev/Inference", "applied")]


def test_stack_suppression_covers_stack_level_findings(tmp_path, warm_gate):
    from alicloud_ml.policies import suppress

    def build(stack, Construct, Raw):
        Raw(stack, "Vpc", "alicloud_vpc", {"vpc_name": "ml", "cidr_block": "10.0.0.0/8"})
        stack.add_override("terraform.backend", None)
        suppress(stack, "ALIML_015", reason="dev stack keeps local state for the offline emulator")

    out = _synth_stack(tmp_path, build)
    report = warm_gate.run_gate(out)
    backend = [f for f in report.findings if f.check_id == "ALIML_015"]
    assert [(f.address, f.status) for f in backend] == [("terraform.backend", "suppressed")]


def test_expired_suppression_is_a_blocking_finding(tmp_path, warm_gate):
    reason = {"id": "ALIML_001", "reason": "accepted until the taint rollout", "expires": "2024-01-31",
              "scope": "ml-dev/Fixture/fail_untainted"}
    doc = fx.stack_doc({"alicloud_cs_kubernetes_node_pool": {
        "fail_untainted": {**_untainted_pool(), "//": {"alicloud_ml": {"suppressions": [reason]}}}}})
    out = fx.write_outdir(tmp_path, {"ml-dev": doc})
    report = warm_gate.run_gate(out, today=dt.date(2025, 6, 1))
    finding = next(f for f in report.findings if f.check_id == "ALIML_001")
    assert finding.status == "expired_suppression"
    assert "expired 2024-01-31" in finding.suppression_reason
    assert finding in report.blocking and not report.ok
    assert report.suppressions[0].status == "expired"
    # the same suppression before its expiry keeps the gate green
    assert warm_gate.run_gate(out, today=dt.date(2024, 1, 1)).ok


def test_suppression_with_a_short_reason_hand_edited_into_the_json_fails_the_gate(tmp_path, warm_gate):
    doc = fx.stack_doc({"alicloud_cs_kubernetes_node_pool": {
        "fail_untainted": {**_untainted_pool(), "//": {"alicloud_ml": {"suppressions": [{"id": "ALIML_001", "reason": "ok"}]}}}}})
    report = warm_gate.run_gate(fx.write_outdir(tmp_path, {"ml-dev": doc}))
    assert not report.ok
    assert any("ml-dev/Fixture/fail_untainted" in e and "at least 10 characters" in e for e in report.parse_errors)
