"""The Kubernetes versions ACK offers for new clusters and upgrades: one list for the emulator's
`alicloud_cs_kubernetes_version` data source and its cluster checks.

"Kubernetes versions supported by ACK" (updated Oct 06, 2026),
https://www.alibabacloud.com/help/en/ack/product-overview/release-notes-for-kubernetes-versions, lists
1.36, 1.35 and 1.34 as released; patch 1.35.2-aliyun.1 from the 1.35 release notes,
https://www.alibabacloud.com/help/doc-detail/3021327.html (containerd 2.1.5). The 1.36/1.34 patch numbers
are assumptions (README "Assumptions"). Newest first: ACK creates a cluster on the newest when none is given.
"""

from __future__ import annotations

KUBERNETES_VERSIONS: tuple[str, ...] = ("1.36.1-aliyun.1", "1.35.2-aliyun.1", "1.34.1-aliyun.1")
CONTAINERD = "2.1.5"
