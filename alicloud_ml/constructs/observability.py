"""`Observability`: one SLS project with log stores for cluster and EAS logs, with bounded retention.

Metrics come from ARMS Prometheus, installed as the cluster add-on `arms-prometheus`
(`AckClusterProps.addons`, on by default); this construct owns the logs. `logtail-ds` ships
container logs into `log_project` when `AckClusterProps.log_project` names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.observability import ObservabilityProps
from alicloud_ml.provider.sls import LogProject, LogStore


class Observability(Construct):
    """SLS project + log stores. Attributes: `project`, `project_name`, `log_stores` (name → LogStore)."""

    def __init__(self, scope: Construct, id: str, *, props: ObservabilityProps | Mapping[str, Any]) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(ObservabilityProps, props, self.node.path)
        self.project = LogProject(self, "Resource", project_name=p.project_name,
                                  description="ML platform logs", tags=p.tags or None)
        self.log_stores = {
            name: LogStore(self, f"Store-{name}", project_name=self.project.project_name, logstore_name=name,
                           retention_period=p.retention_days, shard_count=p.shard_count, auto_split=True,
                           max_split_shard_count=64, append_meta=True)
            for name in p.log_stores
        }

    @property
    def project_name(self) -> str:
        return self.props.project_name
