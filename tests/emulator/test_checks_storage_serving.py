"""CPFS and PAI-EAS checks: what the NAS and EAS APIs would refuse."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.conftest import VPC, Workspace, errors, ref


def _network() -> dict[str, Any]:
    return {
        "alicloud_vpc": {**VPC["alicloud_vpc"], "other": {"cidr_block": "192.168.0.0/16"}},
        "alicloud_vswitch": {"b": {"vpc_id": ref("alicloud_vpc.main.id"), "cidr_block": "10.0.1.0/24",
                                   "zone_id": "cn-shanghai-b"}},
    }


def _cpfs(**overrides: Any) -> dict[str, Any]:
    fs = {"file_system_type": "cpfs", "protocol_type": "cpfs", "storage_type": "advance_100", "capacity": 3600,
          "zone_id": "cn-shanghai-b", "vpc_id": ref("alicloud_vpc.main.id"), "vswitch_id": ref("alicloud_vswitch.b.id")}
    fs.update(overrides)
    return {k: v for k, v in fs.items() if v is not None}


@pytest.mark.parametrize(("overrides", "message"), [
    ({"capacity": 1200}, "InvalidCapacity.TooSmall: alicloud_nas_file_system capacity 1200 GiB is below the CPFS "
                         "minimum; accepted: >= 3600 GiB"),
    ({"storage_type": "Performance"}, "InvalidStorageType.NotSupported: alicloud_nas_file_system storage_type "
                                      "Performance is not valid for a cpfs file system; accepted: advance_100, "
                                      "advance_200"),
    ({"protocol_type": "NFS"}, "protocol_type NFS is not valid for a cpfs file system; accepted: cpfs"),
    ({"vswitch_id": None}, "MissingParameter.VswitchId: alicloud_nas_file_system vswitch_id is required for a cpfs "
                           "file system"),
    ({"zone_id": None}, "MissingParameter.ZoneId: alicloud_nas_file_system zone_id is required"),
])
def test_cpfs_file_system_refused_when_settings_are_wrong(ws: Workspace, overrides: dict[str, Any],
                                                          message: str) -> None:
    ws.write({**_network(), "alicloud_nas_file_system": {"cpfs": _cpfs(**overrides)}})
    result = ws.apply(ok=False)
    assert message in errors(result)
    assert "alicloud_nas_file_system.cpfs" not in ws.state_list()


def test_protocol_service_in_another_vpc_fails_and_same_vpc_one_is_created(ws: Workspace) -> None:
    def service(vpc: str) -> dict[str, Any]:
        return {"file_system_id": ref("alicloud_nas_file_system.cpfs.id"), "protocol_type": "NFS",
                "protocol_spec": "General", "vpc_id": ref(f"alicloud_vpc.{vpc}.id")}

    ws.write({**_network(), "alicloud_nas_file_system": {"cpfs": _cpfs()},
              "alicloud_nas_protocol_service": {"same": service("main"), "other": service("other")}})
    result = ws.apply(ok=False)
    assert "InvalidVpcId.Mismatch: alicloud_nas_protocol_service vpc_id vpc-" in errors(result)
    assert "is not the VPC of file system cpfs-" in errors(result)
    assert "alicloud_nas_protocol_service.same" in ws.state_list()
    assert "alicloud_nas_protocol_service.other" not in ws.state_list()


def _service(config: str) -> dict[str, Any]:
    return {"service_config": config}


@pytest.mark.parametrize(("config", "message"), [
    ('{"metadata": {"name": "svc"', "InvalidParameter.ServiceConfig: alicloud_pai_service service_config is not "
                                    "valid JSON"),
    ('{"metadata": {"instance": 1}}', "MissingParameter.ServiceName: alicloud_pai_service service_config has no "
                                      "metadata.name"),
    ('{"metadata": {"name": "svc"}, "autoscaler": {"min": 5, "max": 2}}',
     "InvalidParameter.Autoscaler: alicloud_pai_service service_config autoscaler.min 5 is greater than "
     "autoscaler.max 2; accepted: min <= max"),
])
def test_eas_service_config_refused_at_plan(ws: Workspace, config: str, message: str) -> None:
    ws.write({"alicloud_pai_service": {"bad": _service(config), "good": _service(GOOD_CONFIG)}})
    result = ws.run("plan", "-input=false", ok=False)
    assert result.returncode == 1
    assert message in errors(result)


GOOD_CONFIG = '{"metadata": {"name": "good", "instance": 1}, "autoscaler": {"min": 1, "max": 2}}'


def test_valid_eas_service_is_created_named_after_metadata_name(ws: Workspace) -> None:
    ws.write({"alicloud_pai_service": {"good": _service(GOOD_CONFIG)}})
    ws.apply()
    (svc,) = ws.show()["values"]["root_module"]["resources"]
    assert svc["values"]["id"] == "good"
    assert svc["values"]["status"] == "Running"


def test_renaming_an_eas_service_is_refused(ws: Workspace) -> None:
    ws.write({"alicloud_pai_service": {"svc": _service(GOOD_CONFIG)}})
    ws.apply()
    ws.write({"alicloud_pai_service": {"svc": _service(GOOD_CONFIG.replace('"good"', '"renamed"'))}})
    result = ws.run("plan", "-input=false", ok=False)
    assert "metadata.name renamed differs from the service's name good" in errors(result)
