"""Builders of synthesized-stack JSON for the gate tests (shape of cdktf 0.21 `cdk.tf.json`).

Subjects are named `pass_*` (must pass the check under test), `fail_*` (must fail it) and `na_*`
(the check does not apply); other names are supporting resources that pass everything.
Fake credentials are built at runtime, never committed as key-like literals.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

REGION = "cn-shanghai"
ZONE = "cn-shanghai-b"
VPC = "${alicloud_vpc.base_vpc.id}"
VSWITCH = "${alicloud_vswitch.base_vswitch.id}"
OTHER_VPC = "${alicloud_vpc.other_vpc.id}"
OTHER_VSWITCH = "${alicloud_vswitch.other_vswitch.id}"

Resources = dict[str, dict[str, dict[str, Any]]]


def fake_access_key_id() -> str:
    return "LTAI" + "x" * 20


def gpu_pool(**overrides: Any) -> dict[str, Any]:
    pool = {
        "cluster_id": "${alicloud_cs_managed_kubernetes.base_cluster.id}",
        "node_pool_name": "gpu",
        "vswitch_ids": [VSWITCH],
        "instance_types": ["ecs.gn7i-c16g1.4xlarge"],
        "taints": [{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}],
        "labels": [{"key": "ack.node.gpu.schedule", "value": "default"}],
        "system_disk_category": "cloud_essd",
        "system_disk_size": 200,
        "scaling_config": [{"min_size": 0, "max_size": 4, "type": "gpu"}],
        "update_nodes": True,
        "management": [{"auto_repair": True, "auto_upgrade": True}],
    }
    pool.update(overrides)
    return {k: v for k, v in pool.items() if v is not None}


def cpu_pool(**overrides: Any) -> dict[str, Any]:
    return gpu_pool(instance_types=["ecs.g7.2xlarge"], taints=None, labels=None, system_disk_category=None,
                    system_disk_size=None, scaling_config=[{"min_size": 1, "max_size": 3, "type": "cpu"}],
                    **overrides)


def eas_config(**overrides: Any) -> str:
    config: dict[str, Any] = {
        "metadata": {"name": "llm", "instance": 1, "cpu": 8, "gpu": 1, "memory": 30000,
                     "rpc": {"max_queue_size": 64, "worker_threads": 5, "keepalive": 60000}},
        "autoscaler": {"min": 0, "max": 4, "scaleStrategies": [{"metricName": "qps", "threshold": 10}]},
        "containers": [{"image": "registry.cn-shanghai.aliyuncs.com/ml/llm:1", "port": 8000,
                        "env": [{"name": "MODEL_DIR", "value": "/mnt/models"}]}],
        "processor": "triton",
    }
    for key, value in overrides.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    return json.dumps(config)


def eas_service(**overrides: Any) -> dict[str, Any]:
    return {"service_config": eas_config(**overrides), "develop": "false"}


def cpfs(vpc: str = VPC, vswitch: str = VSWITCH, **overrides: Any) -> dict[str, Any]:
    out = {"file_system_type": "cpfs", "protocol_type": "cpfs", "storage_type": "advance_100", "capacity": 3600,
           "zone_id": ZONE, "vpc_id": vpc, "vswitch_id": vswitch}
    out.update(overrides)
    return out


def sg_rule(group: str = "${alicloud_security_group.other_sg.id}", **overrides: Any) -> dict[str, Any]:
    out = {"type": "ingress", "ip_protocol": "tcp", "port_range": "443/443", "cidr_ip": "10.0.0.0/16",
           "security_group_id": group, "nic_type": "intranet"}
    out.update(overrides)
    return {k: v for k, v in out.items() if v is not None}


def base_resources() -> Resources:
    """A VPC, a vswitch, a private ACK cluster and a second VPC: all compliant."""
    return {
        "alicloud_vpc": {"base_vpc": {"vpc_name": "ml", "cidr_block": "10.0.0.0/8"},
                         "other_vpc": {"vpc_name": "other", "cidr_block": "172.16.0.0/12"}},
        "alicloud_vswitch": {"base_vswitch": {"vpc_id": VPC, "zone_id": ZONE, "cidr_block": "10.1.0.0/16"},
                             "other_vswitch": {"vpc_id": OTHER_VPC, "zone_id": ZONE, "cidr_block": "172.16.1.0/24"}},
        "alicloud_cs_managed_kubernetes": {"base_cluster": {"name": "ml", "vswitch_ids": [VSWITCH],
                                                            "slb_internet_enabled": False, "cluster_spec": "ack.pro.small",
                                                            "deletion_protection": True}},
        "alicloud_cs_kubernetes_node_pool": {"base_system_pool": system_pool()},
    }


def system_pool(cluster: str = "base_cluster", **overrides: Any) -> dict[str, Any]:
    """The untainted, fixed-size CPU pool every cluster needs for CoreDNS and the add-ons."""
    pool = {"cluster_id": f"${{alicloud_cs_managed_kubernetes.{cluster}.id}}", "node_pool_name": "system",
            "vswitch_ids": [VSWITCH], "instance_types": ["ecs.g7.xlarge"], "desired_size": "2",
            "labels": [{"key": "workload-type", "value": "system"}], "update_nodes": True,
            "management": [{"auto_repair": True}]}
    pool.update(overrides)
    return {k: v for k, v in pool.items() if v is not None}


def hardened_backend(stack: str = "ml-dev") -> dict[str, Any]:
    return {"oss": {"bucket": "tf-state-ml", "encrypt": True, "acl": "private", "prefix": "ml-platform",
                    "key": f"{stack}.tfstate", "region": REGION,
                    "tablestore_endpoint": "https://tfstate.cn-shanghai.ots.aliyuncs.com",
                    "tablestore_table": "tf_state_lock"}}


def stack_doc(resources: Resources, stack: str = "ml-dev", *, base: bool = True,
              backend: dict[str, Any] | None | str = "hardened", providers: list[dict[str, Any]] | None = None,
              suppressions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    merged: Resources = copy.deepcopy(base_resources()) if base else {}
    for rtype, named in resources.items():
        merged.setdefault(rtype, {}).update(copy.deepcopy(named))
    body: dict[str, Any] = {}
    for rtype, named in merged.items():
        body[rtype] = {}
        for name, attrs in named.items():
            attrs = dict(attrs)
            meta = {"metadata": {"path": f"{stack}/Fixture/{name}", "uniqueId": name}}
            extra = attrs.pop("//", None)
            if extra:
                meta.update(extra)
            body[rtype][name] = {"//": meta, **attrs}
    terraform: dict[str, Any] = {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.289.0"}}}
    if backend == "hardened":
        terraform["backend"] = hardened_backend(stack)
    elif backend:
        terraform["backend"] = backend
    top: dict[str, Any] = {"metadata": {"backend": "oss" if backend else "local", "stackName": stack,
                                        "version": "0.21.0"}, "outputs": {}}
    if suppressions:
        top["alicloud_ml"] = {"suppressions": suppressions}
    return {"//": top, "provider": {"alicloud": providers or [{"region": REGION}]}, "resource": body,
            "terraform": terraform}


def write_outdir(root: Path, stacks: dict[str, dict[str, Any]]) -> Path:
    """Write a cdktf.out-shaped directory (manifest.json + stacks/<name>/cdk.tf.json), pretty-printed."""
    out = root / "cdktf.out"
    manifest: dict[str, Any] = {"version": "0.21.0", "stacks": {}}
    for name, doc in stacks.items():
        folder = out / "stacks" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "cdk.tf.json").write_text(json.dumps(doc, indent=2))
        manifest["stacks"][name] = {"name": name, "constructPath": name, "synthesizedStackPath": f"stacks/{name}/cdk.tf.json",
                                    "workingDirectory": f"stacks/{name}", "annotations": [], "dependencies": []}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return out
