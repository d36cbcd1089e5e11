"""L2/L3 constructs for ML platforms on Alibaba Cloud (one module per concept).

    from alicloud_ml.constructs import MlNetwork, GpuNodePool, EasService, MlPlatform

Names are resolved lazily, so importing one module does not import the others; props models
come from `alicloud_ml.props` (no CDK runtime).
"""

from __future__ import annotations

import importlib
from typing import Any

#: construct name -> module of alicloud_ml.constructs (these start the CDK runtime)
_CONSTRUCTS = {
    "MlNetwork": "network",
    "TrainingSecurityGroup": "security", "ServingSecurityGroup": "security",
    "AckCluster": "cluster",
    "SystemNodePool": "system_pool",
    "GpuNodePool": "node_pool",
    "CpfsFileSystem": "storage",
    "EasService": "serving",
    "StateBackend": "state", "configure_backend": "state",
    "ModelBucket": "buckets", "private_bucket": "buckets",
    "WorkloadRoles": "iam",
    "Observability": "observability",
    "ImageRegistry": "registry",
    "NotebookReaper": "notebooks",
    "PaiWorkspace": "workspace",
    "MlPlatform": "platform",
}
#: props name -> module of alicloud_ml.props (no CDK runtime)
_PROPS = {
    "MlNetworkProps": "network",
    "IngressRule": "security", "TrainingSecurityGroupProps": "security", "ServingSecurityGroupProps": "security",
    "AckClusterProps": "cluster",
    "SystemNodePoolProps": "system_pool",
    "GpuNodePoolProps": "node_pool", "Taint": "node_pool", "TaintEffect": "node_pool", "SpotStrategy": "node_pool",
    "CpfsFileSystemProps": "storage",
    "EasServiceProps": "serving", "Autoscaler": "serving", "ScaleStrategy": "serving", "RpcConfig": "serving", "Container": "serving",
    "StateBackendProps": "state",
    "ModelBucketProps": "buckets",
    "WorkloadRolesProps": "iam", "ServiceAccountRef": "iam",
    "ObservabilityProps": "observability",
    "ImageRegistryProps": "registry", "CiPushRole": "registry",
    "NotebookReaperProps": "notebooks",
    "PaiWorkspaceProps": "workspace", "Member": "workspace", "CodeSource": "workspace",
}

__all__ = sorted({**_CONSTRUCTS, **_PROPS})


def __getattr__(name: str) -> Any:
    if name in _CONSTRUCTS:
        return getattr(importlib.import_module(f"{__name__}.{_CONSTRUCTS[name]}"), name)
    if name in _PROPS:
        return getattr(importlib.import_module(f"alicloud_ml.props.{_PROPS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
