"""Props of `alicloud_ml.constructs.storage` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from alicloud_ml.catalog.limits import CPFS_MIN_CAPACITY_GIB
from alicloud_ml.props.base import FrozenModel



class CpfsFileSystemProps(FrozenModel):
    """Props of `CpfsFileSystem`."""

    storage_type: Literal["advance_100", "advance_200"] = Field(
        "advance_100", description="`advance_100` (100 MB/s per TiB) or `advance_200`. Default: `advance_100`. "
                                   "Changing it REPLACES the file system and destroys its data.")
    capacity_gib: int = Field(CPFS_MIN_CAPACITY_GIB, ge=CPFS_MIN_CAPACITY_GIB, le=1024 * 1024, description=(
        "Capacity in GiB, at least 3600 (the practical minimum). Default: `3600`. Grows in place."))
    zone: str | None = Field(None, description="Zone of the file system; must have a vSwitch in the network. "
                                               "Default: - the network's first zone. Changing it replaces the file system.")
    protocol_spec: Literal["General", "CL1", "CL2"] = Field("General", description="Protocol service spec. "
                                                                                   "Default: `General` (free).")
    description: str = Field("ml training data", description="Description. Default: `ml training data`.")
    pv_name: str = Field("cpfs-training-data", pattern=r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$",
                         description="Name of the PersistentVolume in the manifest. Default: `cpfs-training-data`.")
    pv_subpath: str = Field("", pattern=r"^(/[\w.-]+)*$", description="Sub-directory under the mount root "
                                                                      "(`/share`) pods see. Default: - the root.")
    mount_domain: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9.-]+$", description=(
        "Domain of the export's mount address, for the PV's `server`. The provider does not expose it: "
        "read it after the first apply (console → Protocol Service → Export Directory, or "
        "`aliyun nas DescribeProtocolMountTarget`). Default: none (the manifest says so)."))
    prevent_destroy: bool = Field(False, description="`lifecycle.prevent_destroy`: Terraform refuses any plan "
                                                     "that deletes the file system. Default: `false` (`true` in "
                                                     "production environments).")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")
