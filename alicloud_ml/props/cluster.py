"""Props of `alicloud_ml.constructs.cluster` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from alicloud_ml.props.base import FrozenModel, parse_network

DEFAULT_ADDONS = ("csi-plugin", "csi-provisioner", "arms-prometheus", "logtail-ds")


class AckClusterProps(FrozenModel):
    """Props of `AckCluster`."""

    name: str = Field(pattern=r"^[a-zA-Z0-9][\w-]{0,62}$", description="Cluster name (1-63 chars). Required.")
    cluster_spec: Literal["ack.standard", "ack.pro.small", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge"] = Field(
        "ack.pro.small", description="ACK edition. Default: `ack.pro.small`. Changed in place.")
    kubernetes_version: str | None = Field(None, description="Kubernetes version; upgrades in place, never "
                                                             "downgrades. Default: - ACK's latest.")
    public_api_endpoint: bool = Field(False, description="Expose the API server on the internet. Default: `false`.")
    pod_cidr: str = Field("172.20.0.0/16", description="Pod CIDR (Flannel). Default: `172.20.0.0/16`. "
                                                       "Changing it replaces the cluster.")
    service_cidr: str = Field("172.21.0.0/20", description="Service CIDR. Default: `172.21.0.0/20`. "
                                                           "Changing it replaces the cluster.")
    addons: tuple[str, ...] = Field(DEFAULT_ADDONS, description="Add-ons managed as `alicloud_cs_kubernetes_addon`. "
                                                                "Default: csi-plugin, csi-provisioner, arms-prometheus "
                                                                "(ARMS Prometheus), logtail-ds (SLS).")
    shared_gpu_scheduling: bool = Field(False, description="Install `ack-ai-installer` for cGPU/share/topology "
                                                           "GPU scheduling. Default: `false`.")
    cpfs_mount_support: bool = Field(False, description="Install `cnfs-nas-daemon` and turn on csi-plugin's "
                                                        "`AlinasMountProxy=true` FeatureGate, which CPFS-NFS volumes "
                                                        "need. Default: `false` (`true` when the platform has CPFS).")
    log_project: str | None = Field(None, description="SLS project for `logtail-ds`. Default: - ACK creates one.")
    deletion_protection: bool = Field(False, description="Refuse to delete the cluster (API-side). Default: `false` "
                                                         "(`true` in production environments).")
    enable_rrsa: bool = Field(True, description="RAM Roles for Service Accounts, so pods assume workload roles "
                                                "instead of node roles (also installs ack-pod-identity-webhook). "
                                                "Default: `true`.")
    security_group_type: Literal["normal", "enterprise"] = Field(
        "normal", description="Type of the security group ACK creates for the cluster's nodes; must match the "
                              "workload groups the pools also join. Default: `normal`.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")

    @field_validator("pod_cidr", "service_cidr")
    @classmethod
    def _is_cidr(cls, value: str) -> str:
        parse_network(value, "")
        return value
