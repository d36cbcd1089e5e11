"""CPFS and PAI-EAS checks: what the NAS and EAS APIs would refuse."""

from __future__ import annotations

import json
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


def test_renaming_an_eas_service_is_refused_at_apply_and_destroy_still_works(ws: Workspace) -> None:
    ws.write({"alicloud_pai_service": {"svc": _service(GOOD_CONFIG)}})
    ws.apply()
    ws.write({"alicloud_pai_service": {"svc": _service(GOOD_CONFIG.replace('"good"', '"renamed"'))}})
    # the provider plans the update (no CustomizeDiff); UpdateService refuses it
    assert ws.plan_exit_code() == 2
    result = ws.run("apply", "-auto-approve", "-input=false", ok=False)
    assert "metadata.name renamed differs from the service's name good" in errors(result)
    # destroy plans normally first (to refresh): the rename must not block it
    ws.run("destroy", "-auto-approve", "-input=false")
    assert ws.state_list() == set()


def _export(**overrides: Any) -> dict[str, Any]:
    out = {"file_system_id": ref("alicloud_nas_file_system.cpfs.id"),
           "protocol_service_id": ref("alicloud_nas_protocol_service.nfs.protocol_service_id"),
           "vpc_id": ref("alicloud_vpc.main.id"), "vswitch_id": ref("alicloud_vswitch.b.id")}
    out.update(overrides)
    return out


def _cpfs_with_service() -> dict[str, Any]:
    return {**_network(), "alicloud_nas_file_system": {"cpfs": _cpfs()},
            "alicloud_nas_protocol_service": {"nfs": {"file_system_id": ref("alicloud_nas_file_system.cpfs.id"),
                                                      "protocol_type": "NFS", "protocol_spec": "General",
                                                      "vpc_id": ref("alicloud_vpc.main.id"),
                                                      "vswitch_id": ref("alicloud_vswitch.b.id")}}}


def test_export_of_a_directory_that_does_not_exist_is_refused_and_the_root_export_is_created(ws: Workspace) -> None:
    ws.write({**_cpfs_with_service(), "alicloud_nas_protocol_mount_target": {"share": _export(path="/share/")}})
    text = errors(ws.apply(ok=False))
    assert "InvalidPath.NotFound: alicloud_nas_protocol_mount_target path /share/ does not exist on file system cpfs-" \
        in text and "accepted: / or a fileset directory (none yet)" in text
    ws.write({**_cpfs_with_service(), "alicloud_nas_protocol_mount_target": {"root": _export(path="/")}})
    ws.apply()
    assert "alicloud_nas_protocol_mount_target.root" in ws.state_list()


def test_export_path_must_start_and_end_with_a_slash_and_a_fileset_directory_exists(ws: Workspace) -> None:
    ws.write({**_cpfs_with_service(), "alicloud_nas_protocol_mount_target": {"bad": _export(path="/share")}})
    assert "path '/share' must start and end with a forward slash" in errors(ws.apply(ok=False))
    ws.write({**_cpfs_with_service(),
              "alicloud_nas_fileset": {"data": {"file_system_id": ref("alicloud_nas_file_system.cpfs.id"),
                                                "file_system_path": "/datasets/"}},
              "alicloud_nas_protocol_mount_target": {"data": {**_export(path="/datasets/"),
                                                              "depends_on": ["alicloud_nas_fileset.data"]}}})
    ws.apply()
    assert "alicloud_nas_protocol_mount_target.data" in ws.state_list()


def _eas(memory: int, gpu: int = 1, cpu: int = 8) -> dict[str, Any]:
    return {"service_config": json.dumps({"metadata": {"name": "big", "instance": 1, "cpu": cpu, "memory": memory,
                                                       "gpu": gpu},
                                          "cloud": {"computing": {"instance_type": "ecs.gn7i-c8g1.2xlarge"}}})}


@pytest.mark.parametrize(("service", "message"), [
    (_eas(64000), "InvalidParameter.ResourceExceeded: alicloud_pai_service service_config metadata.memory 64000 MB "
                  "exceeds the 27648 MB ecs.gn7i-c8g1.2xlarge leaves after the system reserve (30720 MB in all); "
                  "accepted: 256..27648"),
    (_eas(16000, gpu=2), "metadata.gpu 2 GPUs exceed the 1 of ecs.gn7i-c8g1.2xlarge; accepted: 0..1"),
    (_eas(16000, cpu=12), "metadata.cpu 12 vCPUs exceed the 8 of ecs.gn7i-c8g1.2xlarge; accepted: 1..8"),
])
def test_eas_service_asking_for_more_than_its_instance_type_has_is_refused(ws: Workspace, service: dict[str, Any],
                                                                           message: str) -> None:
    ws.write({"alicloud_pai_service": {"big": service}})
    assert message in errors(ws.apply(ok=False))
    ws.write({"alicloud_pai_service": {"big": _eas(16000)}})
    ws.apply()
