"""Cloud-side facts the emulator enforces, copied here with their sources.

The project never reads the shared reference notes at run time, so every fact the emulator
relies on lives in this module, with where it came from, so a reviewer can re-check it.
"""

from __future__ import annotations

#: The provider falls back to this region when neither `region` nor ALICLOUD_REGION is set
#: (terraform-provider-alicloud v1.289.0, alicloud/common.go:282, DEFAULT_REGION).
DEFAULT_REGION = "cn-beijing"

#: Environment variables the real provider reads the region from, in order (provider.go DefaultFunc).
REGION_ENV_VARS = ("ALICLOUD_REGION", "ALIBABA_CLOUD_REGION")

#: CPFS General-purpose Edition: `file_system_type = "cpfs"` needs `protocol_type = "cpfs"` and
#: storage_type advance_100 (100 MB/s per TiB) or advance_200 (provider docs r/nas_file_system).
CPFS_PROTOCOL_TYPE = "cpfs"
CPFS_STORAGE_TYPES = ("advance_100", "advance_200")


#: Node pools that ask for GPUs: scaling_config.type `gpu` (or `gpushare`), or the ACK GPU
#: scheduling label (alibabacloud.com/help/en/ack/.../labels-used-by-ack-to-control-gpus).
GPU_SCALING_TYPES = ("gpu", "gpushare")
GPU_SCHEDULE_LABEL = "ack.node.gpu.schedule"

#: Security group rules (provider docs r/security_group_rule): protocols, and `port_range` as
#: `from/to` in 1..65535 for tcp/udp, `-1/-1` for every other protocol.
IP_PROTOCOLS = ("tcp", "udp", "icmp", "icmpv6", "gre", "all")
PORTED_PROTOCOLS = ("tcp", "udp")
ANY_PORT = "-1/-1"
PORT_MIN, PORT_MAX = 1, 65535

#: VSwitch netmask limits (provider docs r/vswitch: "The subnet mask must be 16 to 29 bits").
VSWITCH_PREFIX_RANGE = (16, 29)
#: VPC CIDR when none is given (ECS/VPC CreateVpc default).
VPC_DEFAULT_CIDR = "172.16.0.0/12"
