from __future__ import annotations

import pytest
from conftest import synth

from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.errors import InputError, InputErrors


def test_network_carves_one_24_per_zone_starting_at_10_0_1_0(stack):
    MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b", "cn-shanghai-g"]})

    out = synth(stack)

    assert out.one("alicloud_vpc")["cidr_block"] == "10.0.0.0/16"
    vswitches = sorted((v["zone_id"], v["cidr_block"]) for v in out.resources("alicloud_vswitch").values())
    assert vswitches == [("cn-shanghai-b", "10.0.1.0/24"), ("cn-shanghai-g", "10.0.2.0/24")]


def test_network_egress_uses_enhanced_nat_with_eip_and_snat_per_vswitch(stack, network):
    out = synth(stack)

    nat = out.one("alicloud_nat_gateway")
    assert (nat["nat_type"], nat["internet_charge_type"]) == ("Enhanced", "PayByLcu")
    assert out.one("alicloud_eip_association")["instance_type"] == "Nat"
    snat = out.one("alicloud_snat_entry")
    assert snat["snat_table_id"].startswith("${alicloud_nat_gateway.") and snat["snat_table_id"].endswith(".snat_table_ids}")
    assert snat["source_vswitch_id"].startswith("${alicloud_vswitch.")


def test_network_without_nat_creates_no_egress_resources(stack):
    net = MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b"],
                                             "create_nat_gateway": False})

    out = synth(stack)

    assert not net.has_nat
    assert out.resources("alicloud_nat_gateway") == {} and out.resources("alicloud_snat_entry") == {}


def test_network_rejects_vswitch_outside_vpc_naming_path_field_and_accepted(stack):
    with pytest.raises(InputError) as err:
        MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b"],
                                           "vswitch_cidrs": ["192.168.1.0/24"]})

    message = str(err.value)
    assert "test/Network" in message and "vswitch_cidrs[0]" in message and "accepted: a subnet of 10.0.0.0/16" in message


def test_network_rejects_overlapping_vswitches(stack):
    with pytest.raises(InputError, match=r"vswitch_cidrs\[1\]: 10.0.1.128/25 overlaps vswitch_cidrs\[0\]"):
        MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b", "cn-shanghai-g"],
                                           "vswitch_cidrs": ["10.0.1.0/24", "10.0.1.128/25"]})


def test_network_rejects_zone_outside_region_and_reports_every_problem(stack):
    with pytest.raises(InputErrors) as err:
        MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-hangzhou-b"],
                                           "vswitch_cidrs": ["10.0.1.0/24", "10.0.2.0/24"]})

    message = str(err.value)
    assert message.startswith("2 problems in test/Network")
    assert "zones[0]: zone 'cn-hangzhou-b' is not in region 'cn-shanghai'; accepted: cn-shanghai-<letter>" in message
    assert "vswitch_cidrs: 2 CIDRs for 1 zones" in message


def test_network_rejects_unknown_prop_as_typo(stack):
    with pytest.raises(InputError, match=r"test/Network: vpc_cdir: unknown field"):
        MlNetwork(stack, "Network", props={"region": "cn-shanghai", "zones": ["cn-shanghai-b"], "vpc_cdir": "10.0.0.0/8"})


@pytest.mark.parametrize(("region", "zone"), [("ap-southeast-1", "ap-southeast-1a"), ("eu-central-1", "eu-central-1b"),
                                              ("me-east-1", "me-east-1a"), ("us-west-1", "us-west-1a"),
                                              ("cn-hangzhou", "cn-hangzhou-i"), ("cn-hongkong", "cn-hongkong-b")])
def test_network_accepts_real_zone_ids_of_both_forms(stack, region, zone):
    MlNetwork(stack, "Network", props={"region": region, "zones": [zone]})

    assert synth(stack).one("alicloud_vswitch")["zone_id"] == zone


@pytest.mark.parametrize(("region", "zone", "accepted"), [
    ("ap-southeast-1", "ap-southeast-1-a", "ap-southeast-1<letter>, e.g. ap-southeast-1a"),
    ("ap-southeast-1", "ap-southeast-2a", "ap-southeast-1<letter>"),
    ("cn-hongkong", "cn-hongkongb", "cn-hongkong-<letter>, e.g. cn-hongkong-a"),
])
def test_network_rejects_zone_ids_of_the_wrong_form_or_region(stack, region, zone, accepted):
    with pytest.raises(InputError) as err:
        MlNetwork(stack, "Network", props={"region": region, "zones": [zone]})

    assert f"zone {zone!r} is not in region {region!r}; accepted: {accepted}" in str(err.value)
