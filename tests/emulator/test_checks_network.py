"""Network checks: vswitch CIDRs, zones in the region, security group rule ports, missing references."""

from __future__ import annotations

from typing import Any

from tests.emulator.conftest import VPC, Workspace, errors, ref


def _vswitch(cidr: str, zone: str = "cn-shanghai-b", vpc: str = ref("alicloud_vpc.main.id")) -> dict[str, Any]:
    return {"vpc_id": vpc, "cidr_block": cidr, "zone_id": zone}


def test_vswitch_outside_vpc_cidr_fails_and_inside_neighbour_is_created(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"inside": _vswitch("10.0.1.0/24"), "outside": _vswitch("10.1.0.0/24")}})
    result = ws.apply(ok=False)
    assert result.returncode == 1
    assert "InvalidCidrBlock.Malformed: vswitch cidr_block 10.1.0.0/24 is not inside VPC vpc-" in errors(result)
    assert "cidr 10.0.0.0/16" in errors(result)
    assert ws.state_list() == {"alicloud_vpc.main", "alicloud_vswitch.inside"}


def test_overlapping_vswitches_fail_and_adjacent_one_is_created(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"first": _vswitch("10.0.1.0/24")}})
    ws.apply()
    ws.write({**VPC, "alicloud_vswitch": {
        "first": _vswitch("10.0.1.0/24"),
        "overlap": _vswitch("10.0.1.128/25", "cn-shanghai-c"),
        "adjacent": _vswitch("10.0.2.0/24", "cn-shanghai-c"),
    }})
    result = ws.apply(ok=False)
    assert "InvalidCidrBlock.Overlapped: vswitch cidr_block 10.0.1.128/25 overlaps vswitch vsw-" in errors(result)
    assert "alicloud_vswitch.adjacent" in ws.state_list()
    assert "alicloud_vswitch.overlap" not in ws.state_list()


def test_zone_outside_provider_region_fails_naming_region_and_zone_in_region_passes(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"good": _vswitch("10.0.1.0/24", "cn-shanghai-g"),
                                          "bad": _vswitch("10.0.2.0/24", "cn-beijing-b")},
              "alicloud_ecs_disk": {"bad": {"availability_zone": "cn-shanghai", "size": 40}}})
    result = ws.apply(ok=False)
    text = errors(result)
    assert "InvalidZoneId.NotFound: alicloud_vswitch zone_id cn-beijing-b is not a zone of region cn-shanghai" in text
    assert "alicloud_ecs_disk availability_zone cn-shanghai is not a zone of region cn-shanghai" in text
    # zone errors are caught at plan time, before anything is created
    assert ws.state_list() == set()
    ws.write({**VPC, "alicloud_vswitch": {"good": _vswitch("10.0.1.0/24", "cn-shanghai-g")}})
    ws.apply()


def test_international_zone_ids_have_no_hyphen_and_other_regions_zones_are_refused(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"hyphen": _vswitch("10.0.1.0/24", "ap-southeast-1-a"),
                                          "sydney": _vswitch("10.0.2.0/24", "ap-southeast-2a")}}, region="ap-southeast-1")
    text = errors(ws.apply(ok=False))
    assert "zone_id ap-southeast-1-a is not a zone of region ap-southeast-1; accepted: ap-southeast-1<letter>, e.g. " \
           "ap-southeast-1a" in text
    assert "zone_id ap-southeast-2a is not a zone of region ap-southeast-1" in text
    ws.write({**VPC, "alicloud_vswitch": {"a": _vswitch("10.0.1.0/24", "ap-southeast-1a"),
                                          "b": _vswitch("10.0.2.0/24", "ap-southeast-1b")}}, region="ap-southeast-1")
    ws.apply()
    assert ws.state_list() == {"alicloud_vpc.main", "alicloud_vswitch.a", "alicloud_vswitch.b"}


def test_vpc_cidr_that_would_orphan_a_vswitch_is_refused(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"a": _vswitch("10.0.1.0/24")}})
    ws.apply()
    ws.write({"alicloud_vpc": {"main": {"vpc_name": "main", "cidr_block": "192.168.0.0/16"}},
              "alicloud_vswitch": {"a": _vswitch("10.0.1.0/24")}})
    result = ws.apply(ok=False)
    assert "InvalidCidrBlock.Conflict: alicloud_vpc cidr_block 192.168.0.0/16 no longer contains vswitch" in \
        errors(result)


def _rule(protocol: str, ports: str | None) -> dict[str, Any]:
    rule = {"type": "ingress", "ip_protocol": protocol, "cidr_ip": "10.0.0.0/8",
            "security_group_id": ref("alicloud_security_group.sg.id")}
    if ports is not None:
        rule["port_range"] = ports
    return rule


BAD_PORTS = [("tcp", "22"), ("tcp", "0/22"), ("udp", "9000/8000"), ("tcp", "1/65536"), ("icmp", "22/22"),
             ("tcp", "-1/-1"), ("gre", "1/1")]


def test_security_group_rules_with_bad_port_ranges_fail_at_plan_naming_each(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_security_group": {"sg": {"vpc_id": ref("alicloud_vpc.main.id")}},
              "alicloud_security_group_rule": {f"bad{i}": _rule(p, r) for i, (p, r) in enumerate(BAD_PORTS)}})
    result = ws.run("plan", "-input=false", ok=False)
    assert result.returncode == 1
    text = errors(result)
    for protocol, ports in BAD_PORTS:
        assert f"InvalidPortRange.Malformed: alicloud_security_group_rule port_range '{ports}' is not valid for " \
               f"ip_protocol {protocol}" in text
    assert text.count("InvalidPortRange.Malformed") == len(BAD_PORTS)


def test_security_group_rules_with_valid_ports_are_created(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_security_group": {"sg": {"vpc_id": ref("alicloud_vpc.main.id")}},
              "alicloud_security_group_rule": {"ssh": _rule("tcp", "22/22"), "range": _rule("udp", "8000/9000"),
                                               "all": _rule("all", "-1/-1"), "icmp": _rule("icmp", None)}})
    ws.apply()
    assert len(ws.state_list()) == 6


def test_unknown_ip_protocol_fails_validate_listing_accepted_values(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_security_group": {"sg": {"vpc_id": ref("alicloud_vpc.main.id")}},
              "alicloud_security_group_rule": {"bad": _rule("tcpp", "22/22")}})
    result = ws.run("validate", ok=False)
    assert "alicloud_security_group_rule: ip_protocol: invalid value 'tcpp'" in errors(result)
    assert "Accepted: tcp, udp, icmp, icmpv6, gre, all" in errors(result)


def test_reference_to_object_missing_from_the_emulated_cloud_fails(ws: Workspace) -> None:
    ws.write({**VPC, "alicloud_vswitch": {"orphan": _vswitch("10.0.1.0/24", vpc="vpc-doesnotexist0000000"),
                                          "ok": _vswitch("10.0.2.0/24")}})
    result = ws.apply(ok=False)
    assert "InvalidVpcId.NotFound: alicloud_vswitch vpc_id vpc-doesnotexist0000000 does not exist" in errors(result)
    assert ws.state_list() == {"alicloud_vpc.main", "alicloud_vswitch.ok"}


def test_vpc_cidr_change_is_in_place_and_vswitch_cidr_change_replaces(ws: Workspace) -> None:
    from tests.emulator.conftest import actions

    ws.write({**VPC, "alicloud_vswitch": {"a": _vswitch("10.0.1.0/24")}})
    ws.apply()
    vpc_id = ws.show()["values"]["root_module"]["resources"][0]["values"]["id"]
    ws.write({"alicloud_vpc": {"main": {"vpc_name": "main", "cidr_block": "10.0.0.0/8"}},
              "alicloud_vswitch": {"a": _vswitch("10.0.2.0/24")}})
    plan = ws.plan_json()
    assert actions(plan) == {"alicloud_vpc.main": ["update"], "alicloud_vswitch.a": ["delete", "create"]}
    replaced = next(rc for rc in plan["resource_changes"] if rc["address"] == "alicloud_vswitch.a")
    assert replaced["action_reason"] == "replace_because_cannot_update"
    ws.apply()
    assert ws.show()["values"]["root_module"]["resources"][0]["values"]["id"] == vpc_id
