"""`alicloud_ml.synth`: gated synth publishes atomically; violations and bad input leave the old output alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alicloud_ml._cdk import TerraformStack
from alicloud_ml.errors import InputError, PolicyViolation
from alicloud_ml.policies import suppress
from alicloud_ml.provider import AlicloudProvider
from alicloud_ml.provider.ecs import EcsDisk, SecurityGroup, SecurityGroupRule
from alicloud_ml.synth import run_app, synthesize


def stack_with_rule(cidr: str):
    def build(app):
        stack = TerraformStack(app, "team")
        suppress(stack, "ALIML_015", reason="throwaway test stack with local state in a temp dir")
        AlicloudProvider(stack, "alicloud", region="cn-shanghai")
        sg = SecurityGroup(stack, "Sg", security_group_name="team", vpc_id="vpc-123")
        SecurityGroupRule(stack, "Ingress", type="ingress", ip_protocol="all", port_range="-1/-1",
                          security_group_id=sg.id, cidr_ip=cidr, nic_type="intranet")
    return build


@pytest.fixture()
def previous(tmp_path: Path) -> Path:
    out = tmp_path / "cdktf.out"
    out.mkdir()
    (out / "marker").write_text("previous synth")
    return out


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".cdktf.out"))


def test_violation_raises_with_findings_and_keeps_the_previous_output(previous):
    with pytest.raises(PolicyViolation) as err:
        synthesize(stack_with_rule("0.0.0.0/0"), previous, log=lambda _: None)
    assert "ALIML_003" in str(err.value) and "team/Ingress" in str(err.value)
    assert "cdktf.out/stacks/team/cdk.tf.json" in str(err.value)  # named as published, not the staging dir
    assert (previous / "marker").read_text() == "previous synth"
    assert leftovers(previous.parent) == []


def test_bad_input_raises_input_error_and_keeps_the_previous_output(previous):
    def build(app):
        SecurityGroup(TerraformStack(app, "team"), "Sg", security_group_type="enterprize")

    with pytest.raises(InputError) as err:
        synthesize(build, previous, log=lambda _: None)
    assert "team/Sg: security_group_type: invalid value 'enterprize'; accepted: normal, enterprise" in str(err.value)
    assert (previous / "marker").exists()
    assert leftovers(previous.parent) == []


def test_clean_synth_replaces_the_output_directory(previous):
    synthesize(stack_with_rule("10.0.0.0/16"), previous, log=lambda _: None)
    assert not (previous / "marker").exists()
    doc = json.loads((previous / "stacks" / "team" / "cdk.tf.json").read_text())
    assert doc["resource"]["alicloud_security_group_rule"]["Ingress"]["cidr_ip"] == "10.0.0.0/16"
    assert leftovers(previous.parent) == []


def test_findings_below_the_threshold_publish_and_are_reported(previous):
    def build(app):
        stack = TerraformStack(app, "team")
        suppress(stack, "ALIML_015", reason="throwaway test stack with local state in a temp dir")
        AlicloudProvider(stack, "alicloud", region="cn-shanghai")
        EcsDisk(stack, "Kept", zone_id="cn-shanghai-b", size=100)  # ALIML_011 (medium): kept after its instance

    lines: list[str] = []
    synthesize(build, previous, fail_on="high", log=lines.append)
    assert (previous / "stacks" / "team" / "cdk.tf.json").is_file()
    assert "policy gate PASS" in "\n".join(lines) and "ALIML_011" in "\n".join(lines)


def test_run_app_maps_outcomes_to_exit_codes(tmp_path, capsys):
    assert run_app(stack_with_rule("10.0.0.0/16"), tmp_path / "a") == 0
    assert run_app(stack_with_rule("0.0.0.0/0"), tmp_path / "b") == 1
    assert "ALIML_003" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()
