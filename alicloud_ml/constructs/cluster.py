"""`AckCluster`: an ACK managed cluster for GPU/AI workloads in the network's vSwitches.

Defaults close what the provider leaves open: the API endpoint is private
(`slb_internet_enabled=false`; the provider default is true), ACK creates no NAT gateway when
the network has one, and add-ons are separate `alicloud_cs_kubernetes_addon` resources because
the inline `addons` block only applies at creation (only the CNI, which cannot change later,
stays inline).
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping
from typing import Any, Literal

from constructs import Construct
from pydantic import Field, field_validator

from alicloud_ml.constructs._props import FrozenModel, Problem, parse_network, raise_problems, resolve_props
from alicloud_ml.constructs.iam import trust_policy
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.provider.cs import CsKubernetesAddon, CsManagedKubernetes
from alicloud_ml.provider.ram import RamRole

DEFAULT_ADDONS = ("csi-plugin", "csi-provisioner", "arms-prometheus", "logtail-ds")
SHARED_GPU_ADDON = "ack-ai-installer"


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
    log_project: str | None = Field(None, description="SLS project for `logtail-ds`. Default: - ACK creates one.")
    deletion_protection: bool = Field(False, description="Refuse `terraform destroy`. Default: `false`.")
    enable_rrsa: bool = Field(True, description="RAM Roles for Service Accounts, so pods assume workload roles "
                                                "instead of node roles. Default: `true`.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")

    @field_validator("pod_cidr", "service_cidr")
    @classmethod
    def _is_cidr(cls, value: str) -> str:
        parse_network(value, "")
        return value


class AckCluster(Construct):
    """ACK managed cluster + add-ons + the worker RAM role node pools use.

    Attributes: `cluster`, `cluster_id`, `network`, `addons` (name → CsKubernetesAddon),
    `worker_role_name`.
    """

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork,
                 props: AckClusterProps | Mapping[str, Any], worker_role: RamRole | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(AckClusterProps, props, self.node.path)
        self.network = network
        addons = list(dict.fromkeys(p.addons))
        if p.shared_gpu_scheduling and SHARED_GPU_ADDON not in addons:
            addons.append(SHARED_GPU_ADDON)

        vpc = ipaddress.IPv4Network(network.vpc_cidr)
        problems = [Problem(field, f"{value} overlaps the VPC {vpc}", "a private range outside the VPC CIDR")
                    for field, value in (("pod_cidr", p.pod_cidr), ("service_cidr", p.service_cidr))
                    if ipaddress.IPv4Network(value, strict=False).overlaps(vpc)]
        if ipaddress.IPv4Network(p.pod_cidr, strict=False).overlaps(ipaddress.IPv4Network(p.service_cidr, strict=False)):
            problems.append(Problem("service_cidr", f"{p.service_cidr} overlaps pod_cidr {p.pod_cidr}",
                                    "a range apart from pod_cidr"))
        raise_problems(self.node.path, problems)

        if worker_role is None:
            worker_role = RamRole(self, "WorkerRole", role_name=f"{p.name}-workers",
                                  assume_role_policy_document=trust_policy("ecs.aliyuncs.com"),
                                  description=f"worker nodes of {p.name}")
        self.worker_role = worker_role

        self.cluster = CsManagedKubernetes(
            self, "Resource", name=p.name, cluster_spec=p.cluster_spec, version=p.kubernetes_version,
            vswitch_ids=network.vswitch_ids, slb_internet_enabled=p.public_api_endpoint,
            new_nat_gateway=not network.has_nat, pod_cidr=p.pod_cidr, service_cidr=p.service_cidr,
            proxy_mode="ipvs", enable_rrsa=p.enable_rrsa, deletion_protection=p.deletion_protection,
            addons=[{"name": "flannel"}], tags=p.tags or None)

        self.addons: dict[str, CsKubernetesAddon] = {}
        for name in addons:
            config = json.dumps({"sls_project_name": p.log_project}) if name == "logtail-ds" and p.log_project else None
            self.addons[name] = CsKubernetesAddon(self, f"Addon-{name}", cluster_id=self.cluster.id, name=name,
                                                  config=config)

    @property
    def cluster_id(self) -> str:
        return self.cluster.id

    @property
    def worker_role_name(self) -> str:
        return self.worker_role.role_name
