"""`EasService`: a PAI-EAS online inference service whose `service_config` JSON comes from a typed model.

Why typed: `alicloud_pai_service` takes one opaque JSON string, so a typo (`min_replica`) or a
missing field only fails at deploy. Here the processor is checked against the built-in codes,
`metadata.rpc` is always explicit (an unbounded queue is how an out-of-memory cascade starts:
bound it, and let a full queue answer 450 instead), the autoscaler is bounded, VPC networking is
wired from constructs, and environment variables never carry access keys.

Nothing in `alicloud_pai_service` is force-new: every change PUTs the whole config in place.
The service name comes from `metadata.name`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.constructs.security import WorkloadSecurityGroup
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.serving import EasServiceProps
from alicloud_ml.provider.pai import PaiService, PaiServiceTimeouts

#: Port of built-in processors behind a VPC direct connection. EAS's service discovery returns IP:PORT
#: pairs (https://www.alibabacloud.com/help/en/pai/call-a-service-over-the-vpc-direct-connection-channel)
#: but no page we could read names the port: README "Assumptions".
PROCESSOR_PORT = 8080


class EasService(Construct):
    """PAI-EAS service; with `network` + `security_group` it runs inside your VPC.

    Attributes: `service`, `service_config` (dict, tokens unresolved), `service_name`.
    """

    def __init__(self, scope: Construct, id: str, *, props: EasServiceProps | Mapping[str, Any],
                 network: MlNetwork | None = None, security_group: WorkloadSecurityGroup | None = None,
                 zone: str | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(EasServiceProps, props, self.node.path)
        metadata: dict[str, Any] = {
            "name": p.service_name, "instance": p.instance_count, "cpu": p.cpu, "memory": p.memory_mb,
            "rpc": {"max_queue_size": p.rpc.max_queue_size, "worker_threads": p.rpc.worker_threads,
                    "keepalive": p.rpc.keepalive_ms},
        }
        if p.gpu:
            metadata["gpu"] = p.gpu
        if p.resource_group:
            metadata["resource"] = p.resource_group
        if p.workspace_id:
            metadata["workspace_id"] = p.workspace_id
        config: dict[str, Any] = {"metadata": metadata}
        if p.processor:
            config["processor"] = p.processor
        if p.containers:
            config["containers"] = [
                {"image": c.image, "port": c.port, **({"script": c.command} if c.command else {}),
                 **({"env": [{"name": k, "value": v} for k, v in c.env.items()]} if c.env else {})}
                for c in p.containers]
        if p.model_path:
            config["model_path"] = p.model_path
        if p.role_arn:
            config["role_arn"] = p.role_arn
        cloud: dict[str, Any] = {}
        if p.instance_type:
            cloud["computing"] = {"instance_type": p.instance_type}
        if network is not None and security_group is not None:
            cloud["networking"] = {"vpc_id": network.vpc_id, "vswitch_id": network.vswitch_for(zone, where=self.node.path).id,
                                   "security_group_id": security_group.security_group_id}
            security_group.allow_from_vpc(self.port, f"EAS service {p.service_name} (VPC direct connection)")
        if cloud:
            config["cloud"] = cloud
        if p.autoscaler:
            config["autoscaler"] = p.autoscaler.to_json()
        self.service_config = config
        self.service = PaiService(self, "Resource", service_config=json.dumps(config, sort_keys=True),
                                  workspace_id=p.workspace_id,
                                  timeouts=PaiServiceTimeouts(create=p.create_timeout, update="30m"))

    @property
    def service_name(self) -> str:
        return self.props.service_name

    @property
    def port(self) -> int:
        """The port instances serve on: the first container's, else the processors' (an assumption, see README)."""
        return self.props.containers[0].port if self.props.containers else PROCESSOR_PORT
