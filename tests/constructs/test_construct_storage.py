from __future__ import annotations

import json

import pytest
from conftest import synth

from alicloud_ml.constructs.storage import CpfsFileSystem
from alicloud_ml.errors import InputError


def test_cpfs_is_a_nas_file_system_in_the_network_with_nfs_protocol_service(stack, network):
    CpfsFileSystem(stack, "Cpfs", network=network)

    out = synth(stack)

    fs = out.one("alicloud_nas_file_system")
    assert (fs["file_system_type"], fs["protocol_type"], fs["storage_type"], fs["capacity"]) == (
        "cpfs", "cpfs", "advance_100", 3600)
    assert fs["zone_id"] == "cn-shanghai-b" and fs["vpc_id"].startswith("${alicloud_vpc.")
    service = out.one("alicloud_nas_protocol_service")
    assert (service["protocol_type"], service["protocol_spec"], service["vpc_id"]) == ("NFS", "General", fs["vpc_id"])
    target = out.one("alicloud_nas_protocol_mount_target")
    # a new file system has only its root, and an export path must already exist
    assert target["protocol_service_id"].endswith(".protocol_service_id}") and target["path"] == "/"


def test_protocol_service_and_export_descriptions_use_the_nas_charset_without_spaces(stack, network):
    import re

    # 2-128 characters, a letter first, then letters, digits, `:`, `_`, `-` (ALIYUN::NAS::ProtocolMountTarget)
    nas_description = r"^[A-Za-z][A-Za-z0-9:_-]{1,127}$"
    CpfsFileSystem(stack, "Cpfs", network=network, props={"pv_name": "team.cpfs-data"})

    out = synth(stack)

    for tf_type in ("alicloud_nas_protocol_service", "alicloud_nas_protocol_mount_target"):
        description = out.one(tf_type)["description"]
        assert re.fullmatch(nas_description, description), (tf_type, description)


def test_cpfs_persistent_volume_uses_the_nas_csi_driver_in_cpfs_nfs_mode(stack, network):
    cpfs = CpfsFileSystem(stack, "Cpfs", network=network, props={"pv_subpath": "/datasets"})

    out = synth(stack)

    manifest = cpfs.persistent_volume_manifest()
    assert manifest["spec"]["csi"]["driver"] == "nasplugin.csi.alibabacloud.com"
    output = json.loads(next(iter(out.doc["output"].values()))["value"])
    attrs = output["spec"]["csi"]["volumeAttributes"]
    assert (attrs["mountProtocol"], attrs["volumeAs"], attrs["path"]) == ("cpfs-nfs", "subpath", "/share/datasets")
    # the provider exposes no mount domain: the manifest names the export to look it up after apply
    assert attrs["server"].startswith("<mount domain of export ${alicloud_nas_protocol_mount_target.")
    assert "set CpfsFileSystemProps.mount_domain" in attrs["server"]
    assert output["spec"]["mountOptions"] == ["rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport", "vers=3"]


def test_cpfs_rejects_capacity_below_the_3600_gib_minimum(stack, network):
    with pytest.raises(InputError, match=r"test/Cpfs: capacity_gib: invalid value 1200: input should be greater than or equal to 3600"):
        CpfsFileSystem(stack, "Cpfs", network=network, props={"capacity_gib": 1200})


def test_cpfs_rejects_zone_without_a_vswitch_listing_the_network_zones(stack, network):
    with pytest.raises(InputError, match=r"test/Cpfs: zone: zone 'cn-shanghai-g' has no vSwitch .*accepted: cn-shanghai-b"):
        CpfsFileSystem(stack, "Cpfs", network=network, props={"zone": "cn-shanghai-g"})


def test_cpfs_persistent_volume_uses_the_mount_domain_read_after_apply(stack, network):
    cpfs = CpfsFileSystem(stack, "Cpfs", network=network,
                          props={"mount_domain": "cpfs-0a1b2c3d-x.cn-shanghai.cpfs.aliyuncs.com"})

    attrs = cpfs.persistent_volume_manifest()["spec"]["csi"]["volumeAttributes"]

    assert (attrs["server"], attrs["path"]) == ("cpfs-0a1b2c3d-x.cn-shanghai.cpfs.aliyuncs.com", "/share")


def test_cpfs_in_production_refuses_destruction(stack, network):
    CpfsFileSystem(stack, "Cpfs", network=network, props={"prevent_destroy": True})

    assert synth(stack).one("alicloud_nas_file_system")["lifecycle"] == {"prevent_destroy": True}
