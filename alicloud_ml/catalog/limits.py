"""Sizes and bounds the cloud accepts: one definition for the props, the policy checks and the emulator.

ACK node pools (provider docs r/cs_kubernetes_node_pool, `scaling_config`): `min_size` and `max_size`
0..1000 and max above min; the Go schema accepts `max_size` up to 2000, the API documents 1000.
PAI-EAS autoscaler (EAS UpdateServiceAutoScaler API,
https://help.aliyun.com/zh/pai/user-guide/api-eas-2021-07-01-updateserviceautoscaler): `min` ≤ `max`.
CPFS capacity: Alibaba only says "see the buy page" for the minimum; every Terraform example in the provider
repository uses `capacity = 3600`, so 3,600 GiB is treated as the practical minimum (an estimate, not a
documented API limit). Source: provider docs r/nas_file_system examples and
help.aliyun.com/en/cpfs/cpfsonecs/product-overview/limits-1.
"""

from __future__ import annotations

NODE_POOL_MAX_NODES = 1000
CPFS_MIN_CAPACITY_GIB = 3600
NODE_POOL_BOUNDS = f"0 <= min_size < max_size <= {NODE_POOL_MAX_NODES}"
AUTOSCALER_BOUNDS = "min <= max"


def node_pool_bounds_ok(min_size: int, max_size: int) -> bool:
    """An autoscaled pool's bounds as ACK accepts them (`NODE_POOL_BOUNDS`)."""
    return 0 <= min_size < max_size <= NODE_POOL_MAX_NODES


def autoscaler_bounds_ok(low: float, high: float) -> bool:
    """An EAS autoscaler's bounds as EAS accepts them (`AUTOSCALER_BOUNDS`)."""
    return low <= high
