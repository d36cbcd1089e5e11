"""L2/L3 constructs for ML platforms on Alibaba Cloud (one module per concept).

    from alicloud_ml.constructs import MlNetwork, GpuNodePool, EasService, MlPlatform

Names are resolved lazily, so importing one module does not import the others.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "MlNetwork": "network", "MlNetworkProps": "network",
    "TrainingSecurityGroup": "security", "ServingSecurityGroup": "security", "IngressRule": "security",
    "TrainingSecurityGroupProps": "security", "ServingSecurityGroupProps": "security",
    "AckCluster": "cluster", "AckClusterProps": "cluster",
    "SystemNodePool": "system_pool", "SystemNodePoolProps": "system_pool",
    "GpuNodePool": "node_pool", "GpuNodePoolProps": "node_pool", "Taint": "node_pool", "TaintEffect": "node_pool",
    "SpotStrategy": "node_pool",
    "CpfsFileSystem": "storage", "CpfsFileSystemProps": "storage",
    "EasService": "serving", "EasServiceProps": "serving", "Autoscaler": "serving", "ScaleStrategy": "serving",
    "RpcConfig": "serving", "Container": "serving",
    "StateBackend": "state", "StateBackendProps": "state", "configure_backend": "state",
    "WorkloadRoles": "iam", "WorkloadRolesProps": "iam", "ServiceAccountRef": "iam",
    "Observability": "observability", "ObservabilityProps": "observability",
    "ImageRegistry": "registry", "ImageRegistryProps": "registry", "CiPushRole": "registry",
    "NotebookReaper": "notebooks", "NotebookReaperProps": "notebooks",
    "PaiWorkspace": "workspace", "PaiWorkspaceProps": "workspace", "Member": "workspace", "CodeSource": "workspace",
    "MlPlatform": "platform",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
