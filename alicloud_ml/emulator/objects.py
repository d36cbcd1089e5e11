"""Resource types that manage the same kind of cloud object share it in the emulated cloud.

The provider often has two names for one object: an older and a newer resource type. An EIP made by
`alicloud_eip` is the same EIP `alicloud_eip_association` attaches and `alicloud_eips` lists. The store finds an object under any type of
its family (each object stays stored under the type that made it).

Two sources, both from the provider's Go source at v1.289.0:
- aliases: types `provider.go` builds with the same Go function (`alicloud_eip` and `alicloud_eip_address`
  are both `resourceAliCloudEipAddress()`), recorded by the importer as `go_function` in the schema;
- types built by different functions whose Read describes the object by its id with the same service call
  and whose Create makes a new object (its id comes from the API's answer), listed below with the lines.
  Types whose Read shares the call but whose id is another object's (`alicloud_image_export`,
  `alicloud_rds_db_proxy_public`, `alicloud_sae_load_balancer_internet`: facets of an existing object) are
  not kinds of their own object and stay apart.
"""

from __future__ import annotations

from functools import cache

from alicloud_ml import schema

#: Same Read call on d.Id(), Create stores the id the API returns (alicloud/resource_alicloud_<type>.go).
DESCRIBED_ALIKE: tuple[tuple[str, ...], ...] = (
    # csClient.DescribeClusterDetail(d.Id()): cs_managed_kubernetes.go:1210, cs_serverless_kubernetes.go:557
    ("alicloud_cs_managed_kubernetes", "alicloud_cs_serverless_kubernetes"),
    # ecsService.DescribeImageById(d.Id()): image_copy.go:141 (alias copy_image), image_import.go:214
    ("alicloud_image_copy", "alicloud_image_import"),
    # rdsService.DescribeDBInstance(d.Id()): db_instance.go:1491, rds_ddr_instance.go:916, db_readonly_instance.go:388
    ("alicloud_db_instance", "alicloud_rds_ddr_instance", "alicloud_db_readonly_instance"),
    # rdsService.DescribeRdsCloneDbInstance(d.Id()): rds_clone_db_instance.go:591, rds_upgrade_db_instance.go:473
    ("alicloud_rds_clone_db_instance", "alicloud_rds_upgrade_db_instance"),
    # polarDBService.DescribePolarDBClusterEndpoint(d.Id()): polardb_cluster_endpoint.go:152, polardb_endpoint.go:192,
    # polardb_primary_endpoint.go:128 (ids `<cluster>:<endpoint>`)
    ("alicloud_polardb_cluster_endpoint", "alicloud_polardb_endpoint", "alicloud_polardb_primary_endpoint"),
    # DescribeEventBridgeEventSource(d.Id()): event_bridge_event_source.go:117, event_bridge_event_source_v2.go:702
    ("alicloud_event_bridge_event_source", "alicloud_event_bridge_event_source_v2"),
)


@cache
def _described_alike() -> dict[str, tuple[str, ...]]:
    return {t: group for group in DESCRIBED_ALIKE for t in group}


def _aliases(type_name: str) -> tuple[str, ...]:
    try:
        return schema.aliases(type_name)
    except KeyError:  # not a type of the pinned schema
        return (type_name,)


@cache
def family(type_name: str) -> tuple[str, ...]:
    """Every resource type that manages the same objects as `type_name`, itself included, sorted."""
    members: set[str] = set()
    todo = [type_name]
    while todo:
        t = todo.pop()
        if t not in members:
            members.add(t)
            todo.extend(_aliases(t))
            todo.extend(_described_alike().get(t, ()))
    return tuple(sorted(members))
