"""`CpfsFileSystem`: CPFS General-purpose Edition for training data and checkpoints, mountable from ACK.

There is no `alicloud_cpfs_*` resource: CPFS is an `alicloud_nas_file_system` with
`file_system_type = protocol_type = "cpfs"`. Pods reach it over NFS through a protocol service
and an export (`alicloud_nas_protocol_service` + `alicloud_nas_protocol_mount_target`) in the
cluster's VPC, via a static PersistentVolume on the NAS CSI driver (`mountProtocol: cpfs-nfs`).

Facts behind the defaults (ACK "Use a statically provisioned volume of CPFS General-purpose
Edition", https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/cpfs-volume-overview
and the pages it links; provider v1.289.0 `website/docs/r/nas_protocol_mount_target.html.markdown`):
- an export's `path` "must be an existing directory on the CPFS" and "must start and end with a
  forward slash (/) and root directory is /"; a new file system has only `/`, so the export is `/`;
- the console shows the export of `/` as the mount address `<domain>:/share`, so the PV's `path` is
  `/share` (or `/share/<subdir>`);
- the provider exposes no mount domain (`alicloud_nas_protocol_mount_target` has only `export_id`,
  `status`, `create_time`; alicloud/resource_alicloud_nas_protocol_mount_target.go), so the PV's
  `server` must be read after apply (console "Export Directory" → Mount Address, or the NAS API
  `DescribeProtocolMountTarget` → `ProtocolMountTargetDomain`) and passed as `mount_domain`;
- nodes need csi-plugin/csi-provisioner ≥ v1.22.11-abbb810e-aliyun, and from csi-plugin 1.33 the
  `cnfs-nas-daemon` add-on with the csi-plugin FeatureGate `AlinasMountProxy=true` (`AckCluster`
  installs both when `cpfs_mount_support` is on); x86 nodes, not ContainerOS.

DATA LOSS WARNING: changing `storage_type`, `zone` or the network (VPC / vSwitch) REPLACES the
file system, and replacing it destroys every file on it. `capacity_gib` grows in place. Set
`prevent_destroy` (on by default in production environments) so Terraform refuses such plans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml._cdk import TerraformOutput, cdk
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.storage import CpfsFileSystemProps
from alicloud_ml.provider.nas import NasFileSystem, NasProtocolMountTarget, NasProtocolService

CSI_DRIVER = "nasplugin.csi.alibabacloud.com"
MOUNT_OPTIONS = ("rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport", "vers=3")
#: The export of the file system root: the only directory a new CPFS has (see the module docstring).
EXPORT_ROOT = "/"
#: How clients see the root export in the mount address (`<domain>:/share`).
MOUNT_ROOT = "/share"
#: Descriptions of protocol services and exports: 2-128 characters, starting with a letter, then letters, digits,
#: `:`, `_` and `-` - no spaces (ALIYUN::NAS::ProtocolMountTarget `Description`,
#: https://www.alibabacloud.com/help/en/ros/developer-reference/aliyun-nas-protocolmounttarget).
NAS_DESCRIPTION_PATTERN = r"^[A-Za-z][A-Za-z0-9:_-]{1,127}$"
#: Placeholder for the PV's server until `mount_domain` is known (never a guessed domain).
SERVER_AFTER_APPLY = "<mount domain of export {export}: read it after apply and set CpfsFileSystemProps.mount_domain>"


def nas_description(text: str) -> str:
    """`text` in the NAS description charset: other characters (the `.` a PV name may hold) become `-`."""
    return re.sub(r"[^A-Za-z0-9:_-]", "-", text)[:128]


class CpfsFileSystem(Construct):
    """CPFS file system + NFS protocol service + export, plus the PersistentVolume manifest pods use.

    Replacing this construct's file system DESTROYS ITS DATA (see the module docstring for which
    fields force a replacement). Attributes: `file_system`, `file_system_id`, `protocol_service`,
    `mount_target`, `server`, `persistent_volume_manifest()` and the `persistent_volume` output.
    """

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork,
                 props: CpfsFileSystemProps | Mapping[str, Any] | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(CpfsFileSystemProps, props, self.node.path)
        vswitch = network.vswitch_for(p.zone, where=self.node.path)
        zone = p.zone or network.zones[0]
        self.network = network

        self.file_system = NasFileSystem(
            self, "Resource", file_system_type="cpfs", protocol_type="cpfs", storage_type=p.storage_type,
            capacity=p.capacity_gib, zone_id=zone, vpc_id=network.vpc_id, vswitch_id=vswitch.id,
            description=p.description, tags=p.tags or None,
            lifecycle=cdk.TerraformResourceLifecycle(prevent_destroy=True) if p.prevent_destroy else None)
        self.protocol_service = NasProtocolService(
            self, "ProtocolService", file_system_id=self.file_system.id, protocol_type="NFS",
            protocol_spec=p.protocol_spec, vpc_id=network.vpc_id, vswitch_id=vswitch.id,
            description=nas_description(f"nfs-access-for-{p.pv_name}"))
        self.mount_target = NasProtocolMountTarget(
            self, "MountTarget", file_system_id=self.file_system.id,
            protocol_service_id=self.protocol_service.protocol_service_id, path=EXPORT_ROOT,
            vpc_id=network.vpc_id, vswitch_id=vswitch.id, access_group_name="DEFAULT_VPC_GROUP_NAME",
            description=nas_description("export-of-the-file-system-root"))
        self.server = p.mount_domain or SERVER_AFTER_APPLY.format(export=self.mount_target.export_id)
        TerraformOutput(self, "persistent_volume", value=json.dumps(self.persistent_volume_manifest()),
                        description="Kubernetes PersistentVolume (JSON) that mounts this CPFS export")

    @property
    def file_system_id(self) -> str:
        return self.file_system.id

    def persistent_volume_manifest(self) -> dict[str, Any]:
        """Static PV for the NAS CSI driver in cpfs-nfs mode (x86, non-ContainerOS nodes, same VPC).

        Until `mount_domain` is set, `server` is a placeholder naming the export to look up: the
        provider does not expose the domain and the toolkit does not guess its format.
        """
        p = self.props
        return {
            "apiVersion": "v1",
            "kind": "PersistentVolume",
            "metadata": {"name": p.pv_name, "labels": {"alicloud-pvname": p.pv_name}},
            "spec": {
                "capacity": {"storage": f"{p.capacity_gib}Gi"},
                "accessModes": ["ReadWriteMany"],
                "persistentVolumeReclaimPolicy": "Retain",
                "csi": {
                    "driver": CSI_DRIVER,
                    "volumeHandle": p.pv_name,
                    "volumeAttributes": {
                        "mountProtocol": "cpfs-nfs",
                        "server": self.server,
                        "path": MOUNT_ROOT + p.pv_subpath,
                        "volumeAs": "subpath",
                    },
                },
                "mountOptions": list(MOUNT_OPTIONS),
            },
        }
