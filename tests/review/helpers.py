"""Hand-written cdktf.out trees for review and cost tests: small, readable, and shaped like real synth."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

POOL = "alicloud_cs_kubernetes_node_pool"
CPFS = "alicloud_nas_file_system"
EAS = "alicloud_pai_service"


def body(construct_path: str, **attrs: Any) -> dict[str, Any]:
    """A resource body with cdktf's `//` metadata, as synth writes it."""
    return {"//": {"metadata": {"path": construct_path, "uniqueId": construct_path.replace("/", "_")}}, **attrs}


def write_synth(root: Path, stacks: dict[str, dict[str, dict[str, dict[str, Any]]]],
                region: str = "cn-shanghai") -> Path:
    """Write `{stack: {type: {name: body}}}` as a cdktf.out directory with a manifest; returns the directory."""
    root.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {"version": "0.21.0", "stacks": {}}
    for name, resources in stacks.items():
        stack_dir = root / "stacks" / name
        stack_dir.mkdir(parents=True, exist_ok=True)
        doc = {
            "//": {"metadata": {"stackName": name, "version": "0.21.0"}},
            "provider": {"alicloud": [{"region": region}]},
            "resource": resources,
            "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.289.0"}}},
        }
        (stack_dir / "cdk.tf.json").write_text(json.dumps(doc, indent=2))
        manifest["stacks"][name] = {"name": name, "synthesizedStackPath": f"stacks/{name}/cdk.tf.json",
                                    "workingDirectory": f"stacks/{name}"}
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return root


def platform(stack: str = "ml-dev") -> dict[str, dict[str, dict[str, Any]]]:
    """A small ML platform: VPC, vswitch, security group, cluster, a GPU pool, CPFS and an EAS service."""
    p = f"{stack}/Platform"
    return {
        "alicloud_vpc": {"Platform_Network_Vpc_Resource_A1": body(f"{p}/Network/Vpc/Resource", vpc_name="ml",
                                                                   cidr_block="10.0.0.0/8")},
        "alicloud_vswitch": {"Platform_Network_Zone1_Resource_B2": body(
            f"{p}/Network/Zone1/Resource", vpc_id="${alicloud_vpc.Platform_Network_Vpc_Resource_A1.id}",
            cidr_block="10.1.0.0/16", zone_id="cn-shanghai-l")},
        "alicloud_security_group": {"Platform_Security_Training_Resource_C3": body(
            f"{p}/Security/Training/Resource", vpc_id="${alicloud_vpc.Platform_Network_Vpc_Resource_A1.id}",
            security_group_name="training")},
        "alicloud_cs_managed_kubernetes": {"Platform_Cluster_Resource_D4": body(
            f"{p}/Cluster/Resource", name="ml", cluster_spec="ack.pro.small",
            vswitch_ids=["${alicloud_vswitch.Platform_Network_Zone1_Resource_B2.id}"])},
        POOL: {"Platform_Inference_GpuPool_Resource_E5": body(
            f"{p}/Inference/GpuPool/Resource", node_pool_name="inference",
            cluster_id="${alicloud_cs_managed_kubernetes.Platform_Cluster_Resource_D4.id}",
            vswitch_ids=["${alicloud_vswitch.Platform_Network_Zone1_Resource_B2.id}"],
            instance_types=["ecs.gn7i-c16g1.4xlarge"],
            security_group_ids=["${alicloud_security_group.Platform_Security_Training_Resource_C3.id}"],
            scaling_config=[{"min_size": 1, "max_size": 4}], desired_size="2", spot_strategy="NoSpot")},
        CPFS: {"Platform_Storage_Cpfs_Resource_F6": body(
            f"{p}/Storage/Cpfs/Resource", file_system_type="cpfs", protocol_type="cpfs", storage_type="advance_100",
            capacity=3600, zone_id="cn-shanghai-l", vpc_id="${alicloud_vpc.Platform_Network_Vpc_Resource_A1.id}",
            vswitch_id="${alicloud_vswitch.Platform_Network_Zone1_Resource_B2.id}")},
        EAS: {"Platform_Serving_Fraud_Resource_G7": body(
            f"{p}/Serving/Fraud/Resource", service_config=eas_config("fraud", instance=3, min_=2, max_=10))},
    }


def eas_config(name: str, *, instance: int, min_: int, max_: int, instance_type: str = "ecs.gn7i-c8g1.2xlarge") -> str:
    return json.dumps({
        "metadata": {"name": name, "instance": instance, "cpu": 8, "gpu": 1, "memory": 16000},
        "cloud": {"computing": {"instance_type": instance_type}},
        "autoscaler": {"min": min_, "max": max_},
    })


def changed(resources: dict[str, dict[str, dict[str, Any]]], rtype: str, **attrs: Any) -> dict[str, Any]:
    """A deep copy with `attrs` set on the (only) resource of `rtype`."""
    out = copy.deepcopy(resources)
    (name,) = out[rtype]
    out[rtype][name].update(attrs)
    return out


def address(resources: dict[str, dict[str, dict[str, Any]]], rtype: str) -> str:
    (name,) = resources[rtype]
    return f"{rtype}.{name}"
