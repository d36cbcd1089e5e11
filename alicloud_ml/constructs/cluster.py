"""`AckCluster`: an ACK managed cluster for GPU/AI workloads in the network's vSwitches.

Defaults close what the provider leaves open: the API endpoint is private
(`slb_internet_enabled=false`; the provider default is true), ACK creates no NAT gateway when
the network has one, and add-ons are separate `alicloud_cs_kubernetes_addon` resources because
the inline `addons` block only applies at creation (only the CNI, which cannot change later,
stays inline). Node pools ask the cluster for what they need (`ensure_addon`, `enable_autoscaler`),
so an add-on appears once however many pools need it. Add-ons run pods, which need an untainted,
fixed-size node (see `system_pool`): the system pool registers itself (`install_addons_after`) and
every add-on, earlier or later, depends on it, so no add-on installs into a cluster without nodes.

Cloud facts used here (provider v1.289.0 unless a URL is given):
- ACK creates the cluster's own security group with the rules nodes need and exposes it as
  `security_group_id` (alicloud/resource_alicloud_cs_managed_kubernetes.go, Optional+Computed);
  `is_enterprise_security_group` picks its type. Groups a node joins must all be of one type
  (https://help.aliyun.com/en/ecs/user-guide/basic-security-groups-and-advanced-security-groups).
- Autoscaled pools need the cluster-level "Node Scaling" switch, which Terraform sets with
  `alicloud_cs_autoscaling_config` (website/docs/r/cs_autoscaling_config.html.markdown; ACK
  "Enable node auto scaling", https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/auto-scaling-of-nodes).
- `logtail-ds` ships logs to an existing project named by `sls_project_name` in its config
  (website/docs/r/cs_managed_kubernetes.html.markdown, the `addons` section).
- CPFS General-purpose volumes need csi-plugin ≥ v1.22.11-abbb810e-aliyun and, from csi-plugin 1.33,
  the `cnfs-nas-daemon` add-on plus the csi-plugin FeatureGate `AlinasMountProxy=true` (ACK
  "Manage the cnfs-nas-daemon component", https://help.aliyun.com/zh/ack/ack-managed-and-ack-dedicated/user-guide/manage-cnfs-nas-daemon).
- RRSA creates the OIDC provider `ack-rrsa-<cluster id>`; its ARN and issuer are the computed
  `rrsa_metadata[0].ram_oidc_provider_arn` / `.rrsa_oidc_issuer_url` (resource file, `rrsa_metadata`).
  Pods assume roles through the `ack-pod-identity-webhook` add-on (ACK "Use RRSA to authorize pods",
  https://help.aliyun.com/zh/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services).
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml._cdk import cdk
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.errors import Problem, raise_problems
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.cluster import AckClusterProps
from alicloud_ml.provider.ack import CsAutoscalingConfig, CsKubernetesAddon, CsManagedKubernetes
from alicloud_ml.provider.ram import RamRole
from alicloud_ml.provider.sls import LogProject

SHARED_GPU_ADDON = "ack-ai-installer"
#: RRSA needs this webhook to inject role credentials into pods (see the module docstring).
POD_IDENTITY_ADDON = "ack-pod-identity-webhook"
#: CPFS-NFS mounts go through this DaemonSet from csi-plugin 1.33 on.
CPFS_MOUNT_ADDON = "cnfs-nas-daemon"
#: csi-plugin add-on config turning the mount proxy on. The console field is "FeatureGate"; the JSON
#: key is an assumption (README "Assumptions": check with data.alicloud_cs_kubernetes_addon_metadata).
CSI_PLUGIN_CPFS_CONFIG = {"FeatureGate": "AlinasMountProxy=true"}


class AckCluster(Construct):
    """ACK managed cluster + add-ons (+ the autoscaler config once a pool autoscales).

    Attributes: `cluster`, `cluster_id`, `network`, `addons` (name → CsKubernetesAddon),
    `security_group_id` (the group ACK creates and keeps the node rules in), `worker_role_name`
    (None: pools use ACK's default worker role), `oidc_provider_arn`, `oidc_issuer_url`,
    `autoscaler` (the CsAutoscalingConfig, or None).
    """

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork,
                 props: AckClusterProps | Mapping[str, Any], worker_role: RamRole | None = None,
                 log_project: LogProject | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(AckClusterProps, props, self.node.path)
        self.network = network
        self.worker_role = worker_role
        self._log_project = log_project
        self.autoscaler: CsAutoscalingConfig | None = None
        self._addon_settings: dict[str, dict[str, Any]] = {}
        self._addons_after: list[Any] = []

        vpc = ipaddress.IPv4Network(network.vpc_cidr)
        problems = [Problem(field, f"{value} overlaps the VPC {vpc}", "a private range outside the VPC CIDR")
                    for field, value in (("pod_cidr", p.pod_cidr), ("service_cidr", p.service_cidr))
                    if ipaddress.IPv4Network(value, strict=False).overlaps(vpc)]
        if ipaddress.IPv4Network(p.pod_cidr, strict=False).overlaps(ipaddress.IPv4Network(p.service_cidr, strict=False)):
            problems.append(Problem("service_cidr", f"{p.service_cidr} overlaps pod_cidr {p.pod_cidr}",
                                    "a range apart from pod_cidr"))
        raise_problems(self.node.path, problems)

        self.cluster = CsManagedKubernetes(
            self, "Resource", name=p.name, cluster_spec=p.cluster_spec, version=p.kubernetes_version,
            vswitch_ids=network.vswitch_ids, slb_internet_enabled=p.public_api_endpoint,
            new_nat_gateway=not network.has_nat, pod_cidr=p.pod_cidr, service_cidr=p.service_cidr,
            proxy_mode="ipvs", enable_rrsa=p.enable_rrsa, deletion_protection=p.deletion_protection,
            is_enterprise_security_group=p.security_group_type == "enterprise",
            addons=[{"name": "flannel"}], tags=p.tags or None)

        self.addons: dict[str, CsKubernetesAddon] = {}
        for name in p.addons:
            self.ensure_addon(name)
        if p.shared_gpu_scheduling:
            self.ensure_addon(SHARED_GPU_ADDON)
        if p.enable_rrsa:
            self.ensure_addon(POD_IDENTITY_ADDON)
        if p.cpfs_mount_support:
            self.ensure_addon(CPFS_MOUNT_ADDON)
            self.ensure_addon("csi-plugin", config=CSI_PLUGIN_CPFS_CONFIG)

    def ensure_addon(self, name: str, config: Mapping[str, Any] | None = None) -> CsKubernetesAddon:
        """The add-on `name`, created on first request; `config` keys are merged into its JSON config."""
        settings = self._addon_settings.setdefault(name, {})
        settings.update(config or {})
        addon = self.addons.get(name)
        if addon is None:
            depends_on = None
            if name == "logtail-ds" and (self._log_project is not None or self.props.log_project):
                if self._log_project is not None:  # the project must exist before logtail-ds is pointed at it
                    settings["sls_project_name"] = self._log_project.project_name
                    depends_on = [self._log_project]
                else:
                    settings["sls_project_name"] = self.props.log_project
            addon = CsKubernetesAddon(self, f"Addon-{name}", cluster_id=self.cluster.id, name=name,
                                      depends_on=[*(depends_on or []), *self._addons_after] or None)
            self.addons[name] = addon
        addon.config = json.dumps(settings, sort_keys=True) if settings else None  # type: ignore[assignment]
        return addon

    def install_addons_after(self, node_pool: Any) -> None:
        """Make every add-on, created so far or later, depend on `node_pool` (the nodes its pods run on)."""
        self._addons_after.append(node_pool)
        address = f"{node_pool.terraform_resource_type}.{node_pool.friendly_unique_id}"  # depends_on takes addresses
        for addon in self.addons.values():
            addon.depends_on = list(dict.fromkeys([*(addon.depends_on or []), address]))

    def enable_autoscaler(self) -> CsAutoscalingConfig:
        """The cluster's node-scaling switch (`alicloud_cs_autoscaling_config`), created once."""
        if self.autoscaler is None:
            self.autoscaler = CsAutoscalingConfig(
                self, "Autoscaler", cluster_id=self.cluster.id, scaler_type="cluster-autoscaler",
                scale_down_enabled=True, expander="least-waste", scan_interval="30s",
                cool_down_duration="10m", unneeded_duration="10m", utilization_threshold="0.5",
                gpu_utilization_threshold="0.5", skip_nodes_with_system_pods=True, scale_up_from_zero=True)
        return self.autoscaler

    @property
    def cluster_id(self) -> str:
        return self.cluster.id

    @property
    def security_group_id(self) -> str:
        return self.cluster.security_group_id

    @property
    def worker_role_name(self) -> str | None:
        return self.worker_role.role_name if self.worker_role is not None else None

    @property
    def oidc_provider_arn(self) -> str:
        return self._rrsa("ram_oidc_provider_arn")

    @property
    def oidc_issuer_url(self) -> str:
        return self._rrsa("rrsa_oidc_issuer_url")

    def _rrsa(self, field: str) -> str:
        return cdk.Token.as_string(self.cluster.interpolation_for_attribute(f"rrsa_metadata[0].{field}"))
