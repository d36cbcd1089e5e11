"""Policy delta: findings new in head, resolved in head and suppressions added, via the gate API."""

from __future__ import annotations

import copy


from alicloud_ml.review.policy import PolicyItem, delta, policy_delta

from .helpers import POOL, body, platform, write_synth


def _item(check: str, address: str, status: str = "failed", reason: str = "") -> PolicyItem:
    return PolicyItem(check, "high", f"Ensure {check}", "ml-dev", address, f"ml-dev/{address}", "bad", status, reason)


def test_delta_reports_new_resolved_and_newly_suppressed_findings():
    base = [_item("ALIML_001", "pool.a"), _item("ALIML_002", "pool.a"), _item("ALIML_003", "sg.b")]
    head = [_item("ALIML_001", "pool.a"), _item("ALIML_004", "eas.c"),
            _item("ALIML_003", "sg.b", "suppressed", "dev only, expires with the sandbox")]
    d = delta(base, head)
    assert [i.check_id for i in d.new] == ["ALIML_004"]
    assert [i.check_id for i in d.resolved] == ["ALIML_002"]
    assert [(i.check_id, i.suppression_reason) for i in d.suppressions_added] == [
        ("ALIML_003", "dev only, expires with the sandbox")]


def test_expired_suppression_counts_as_a_failing_finding():
    base = [_item("ALIML_001", "pool.a", "suppressed", "until the migration")]
    head = [_item("ALIML_001", "pool.a", "expired_suppression", "until the migration")]
    assert [i.check_id for i in delta(base, head).new] == ["ALIML_001"]


def test_gate_on_base_and_head_finds_a_resolved_taint_finding(tmp_path):
    base = platform()
    head = copy.deepcopy(base)
    (name,) = head[POOL]
    head[POOL][name]["taints"] = [{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}]
    head["alicloud_security_group_rule"] = {"Open": body(
        "ml-dev/Platform/Security/Open/Resource", type="ingress", ip_protocol="all", port_range="-1/-1",
        cidr_ip="0.0.0.0/0", security_group_id="${alicloud_security_group.Platform_Security_Training_Resource_C3.id}")}
    d = policy_delta(write_synth(tmp_path / "base", {"ml-dev": base}), write_synth(tmp_path / "head", {"ml-dev": head}))
    assert d.ran and not d.errors
    assert ("ALIML_001", f"{POOL}.{name}") in {(i.check_id, i.address) for i in d.resolved}
    assert any(i.address == "alicloud_security_group_rule.Open" for i in d.new)
