from __future__ import annotations

import pytest
from conftest import synth

from alicloud_ml.constructs.security import ServingSecurityGroup, TrainingSecurityGroup
from alicloud_ml.errors import InputError


def _rules(out):
    return {r["description"].split(" ")[0]: r for r in out.resources("alicloud_security_group_rule").values()}


def test_training_group_allows_everything_from_itself_and_high_ports_from_the_vpc(stack, network):
    TrainingSecurityGroup(stack, "Training", network=network, props={"name": "ml-training"})

    out = synth(stack)

    rules = list(out.resources("alicloud_security_group_rule").values())
    self_rule = next(r for r in rules if "source_security_group_id" in r)
    assert (self_rule["ip_protocol"], self_rule["port_range"]) == ("all", "-1/-1")
    assert self_rule["source_security_group_id"] == self_rule["security_group_id"]
    assert self_rule["nic_type"] == "intranet" and self_rule["type"] == "ingress"
    vpc_rule = next(r for r in rules if r.get("cidr_ip"))
    assert (vpc_rule["ip_protocol"], vpc_rule["port_range"], vpc_rule["cidr_ip"]) == ("tcp", "10000/65535", "10.0.0.0/16")
    assert not any(r.get("cidr_ip") == "0.0.0.0/0" for r in rules)


def test_training_group_adds_udp_4791_only_on_roce_fabrics(stack, network):
    TrainingSecurityGroup(stack, "Plain", network=network, props={"name": "plain"})
    TrainingSecurityGroup(stack, "Roce", network=network, props={"name": "roce", "roce_fabric": True})

    out = synth(stack)

    udp = [r for r in out.resources("alicloud_security_group_rule").values() if r["ip_protocol"] == "udp"]
    assert len(udp) == 1 and udp[0]["port_range"] == "4791/4791" and "source_security_group_id" in udp[0]


def test_enterprise_group_keeps_the_explicit_self_rule_and_opens_egress(stack, network):
    ServingSecurityGroup(stack, "Serving", network=network, props={"name": "srv", "security_group_type": "enterprise"})

    out = synth(stack)

    assert out.one("alicloud_security_group")["security_group_type"] == "enterprise"
    rules = list(out.resources("alicloud_security_group_rule").values())
    assert {r["type"] for r in rules} == {"ingress", "egress"}
    assert any(r.get("source_security_group_id") and r["ip_protocol"] == "all" for r in rules)


def test_security_group_rejects_world_open_ingress_naming_field_and_accepted(stack, network):
    with pytest.raises(InputError) as err:
        TrainingSecurityGroup(stack, "Training", network=network, props={
            "name": "train", "ingress_rules": [{"port_range": "22/22", "cidr_ip": "0.0.0.0/0"}]})

    message = str(err.value)
    assert "test/Training: ingress_rules[0].cidr_ip: ingress from 0.0.0.0/0 opens the group" in message
    assert "accepted: a private CIDR" in message
