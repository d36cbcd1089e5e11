# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/cs_kubernetes_node_pool.html.markdown (example 2)
provider "alicloud" {
  region = var.region_id
}

variable "region_id" {
  type    = string
  default = "cn-hangzhou"
}

variable "cluster_spec" {
  type        = string
  description = "The cluster specifications of kubernetes cluster,which can be empty. Valid values:ack.standard : Standard managed clusters; ack.pro.small : Professional managed clusters."
  default     = "ack.pro.small"
}

variable "availability_zone" {
  description = "The availability zones of vswitches."
  default     = ["cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"]
}

variable "node_vswitch_ids" {
  description = "List of existing node vswitch ids for terway."
  type        = list(string)
  default     = []
}

variable "node_vswitch_cidrs" {
  description = "List of cidr blocks used to create several new vswitches when 'node_vswitch_ids' is not specified."
  type        = list(string)
  default     = ["172.16.0.0/23", "172.16.2.0/23", "172.16.4.0/23"]
}

variable "terway_vswitch_ids" {
  description = "List of existing pod vswitch ids for terway."
  type        = list(string)
  default     = []
}

variable "terway_vswitch_cidrs" {
  description = "List of cidr blocks used to create several new vswitches when 'terway_vswitch_ids' is not specified."
  type        = list(string)
  default     = ["172.16.208.0/20", "172.16.224.0/20", "172.16.240.0/20"]
}

variable "cluster_addons" {
  type = list(object({
    name     = string
    config   = optional(string)
    disabled = optional(bool, false)
  }))
  default = [
    { name = "metrics-server" },
    { name = "managed-coredns" },
    { name = "managed-security-inspector" },
    { name = "ack-cost-exporter" },
    {
      name   = "terway-controlplane"
      config = "{\"ENITrunking\":\"true\"}"
    },
    {
      name   = "terway-eniip"
      config = "{\"NetworkPolicy\":\"false\",\"ENITrunking\":\"true\",\"IPVlan\":\"false\"}"
    },
    { name = "csi-plugin" },
    { name = "managed-csiprovisioner" },
    {
      name   = "storage-operator"
      config = "{\"CnfsOssEnable\":\"false\",\"CnfsNasEnable\":\"false\"}"
    },
    {
      name   = "loongcollector"
      config = "{\"IngressDashboardEnabled\":\"true\"}"
    },
    {
      name   = "ack-node-problem-detector"
      config = "{\"sls_project_name\":\"\"}"
    },
    {
      name     = "nginx-ingress-controller"
      disabled = true
    },
    {
      name   = "alb-ingress-controller"
      config = "{\"albIngress\":{\"CreateDefaultALBConfig\":false}}"
    },
    {
      name   = "arms-prometheus"
      config = "{\"prometheusMode\":\"default\"}"
    },
    { name = "alicloud-monitor-controller" },
    { name = "managed-aliyun-acr-credential-helper" },
  ]
}

variable "k8s_name_prefix" {
  description = "The name prefix used to create managed kubernetes cluster."
  default     = "tf-ack-hangzhou"
}

locals {
  k8s_name_terway = substr(join("-", [var.k8s_name_prefix, "terway"]), 0, 63)
  new_vpc_name    = "tf-vpc-172-16"
  nodepool_name   = "default-nodepool"
}

resource "alicloud_vpc" "default" {
  vpc_name   = local.new_vpc_name
  cidr_block = "172.16.0.0/12"
}

resource "alicloud_vswitch" "vswitches" {
  count      = length(var.node_vswitch_ids) > 0 ? 0 : length(var.node_vswitch_cidrs)
  vpc_id     = alicloud_vpc.default.id
  cidr_block = element(var.node_vswitch_cidrs, count.index)
  zone_id    = element(var.availability_zone, count.index)
}

resource "alicloud_vswitch" "terway_vswitches" {
  count      = length(var.terway_vswitch_ids) > 0 ? 0 : length(var.terway_vswitch_cidrs)
  vpc_id     = alicloud_vpc.default.id
  cidr_block = element(var.terway_vswitch_cidrs, count.index)
  zone_id    = element(var.availability_zone, count.index)
}

resource "alicloud_cs_managed_kubernetes" "default" {
  name                         = local.k8s_name_terway
  cluster_spec                 = var.cluster_spec
  vswitch_ids                  = split(",", join(",", alicloud_vswitch.vswitches.*.id))
  pod_vswitch_ids              = split(",", join(",", alicloud_vswitch.terway_vswitches.*.id))
  new_nat_gateway              = true
  service_cidr                 = "10.11.0.0/16"
  slb_internet_enabled         = true
  enable_rrsa                  = true
  control_plane_log_components = ["apiserver", "kcm", "scheduler", "ccm"]
  dynamic "addons" {
    for_each = var.cluster_addons
    content {
      name     = lookup(addons.value, "name", var.cluster_addons)
      config   = lookup(addons.value, "config", var.cluster_addons)
      disabled = lookup(addons.value, "disabled", var.cluster_addons)
    }
  }

  auto_mode {
    enabled = true
  }

  maintenance_window {
    duration         = "3h"
    weekly_period    = "Monday"
    enable           = true
    maintenance_time = "2025-07-07T00:00:00.000+08:00"
  }

  operation_policy {
    cluster_auto_upgrade {
      channel = "stable"
      enabled = true
    }
  }
}

resource "alicloud_cs_kubernetes_node_pool" "auto_mode_example" {
  node_pool_name = local.nodepool_name
  cluster_id     = alicloud_cs_managed_kubernetes.default.id
  vswitch_ids    = split(",", join(",", alicloud_vswitch.vswitches.*.id))

  auto_mode {
    enabled = true
  }

  # Configure modifiable parameters
  scaling_config {
    max_size = 50
    min_size = 0
  }

  # instance_types and instance_patterns are mutually exclusive - use only one of them
  instance_patterns {
    min_cpu_cores           = 4
    max_cpu_cores           = 16
    min_memory_size         = 8
    max_memory_size         = 32
    instance_family_level   = "EnterpriseLevel"
    instance_type_families  = ["ecs.u1", "ecs.g6", "ecs.c6", "ecs.r6", "ecs.g7", "ecs.c7", "ecs.r7", "ecs.g8i", "ecs.c8i", "ecs.r8i"]
    excluded_instance_types = ["ecs.c6t.*", "ecs.g6t.*", "ecs.t5.*", "ecs.t6.*", "ecs.vgn.*", "ecs.sgn.*"] # ACK not support instance families
    instance_categories     = ["General-purpose"]
    cpu_architectures       = ["X86"]
  }

  data_disks {
    size      = 120
    encrypted = "false"
    category  = "cloud_essd"
  }

  labels {
    key   = "example1"
    value = "nodepool"
  }
  labels {
    key   = "example2"
    value = "nodepool"
  }

  taints {
    key    = "tf"
    effect = "NoSchedule"
    value  = "example"
  }
  taints {
    key    = "tf2"
    effect = "NoSchedule"
    value  = "example2"
  }


  # Alternative: use instance_types instead of instance_patterns
  # instance_types = ["ecs.c6.large"]

  # Ignore service-side default values to prevent configuration drift.
  # In Auto Mode nodepools, the parameters in ignore_changes below are not supported and must not be specified. Please do not remove them from the ignore_changes list.
  lifecycle {
    ignore_changes = [
      management,
      install_cloud_monitor,
      cpu_policy,
      node_name_mode,
      runtime_name,
      runtime_version,
      unschedulable,
      user_data,
      pre_user_data,
      auto_renew,
      auto_renew_period,
      cis_enabled,
      compensate_with_on_demand,
      deployment_set_id,
      image_id,
      image_type,
      instance_charge_type,
      instance_metadata_options,
      internet_charge_type,
      internet_max_bandwidth_out,
      key_name,
      login_as_non_root,
      password,
      multi_az_policy,
      on_demand_base_capacity,
      on_demand_percentage_above_base_capacity,
      period,
      period_unit,
      platform,
      private_pool_options,
      ram_role_name,
      rds_instances,
      scaling_policy,
      security_group_id,
      security_group_ids,
      security_hardening_os,
      soc_enabled,
      spot_instance_pools,
      spot_instance_remedy,
      spot_price_limit,
      spot_strategy,
      system_disk_category,
      system_disk_categories,
      system_disk_size,
      system_disk_bursting_enabled,
      system_disk_performance_level,
      system_disk_encrypted,
      system_disk_kms_key,
      system_disk_snapshot_policy_id,
      system_disk_encrypt_algorithm,
      system_disk_provisioned_iops,
      tee_config,
    ]
  }
}

#Upgrade a node pool with upgrade_policy and rolling_policy
resource "alicloud_cs_kubernetes_node_pool" "upgrade_nodepool" {
  node_pool_name       = "upgrade_nodepool"
  cluster_id           = alicloud_cs_managed_kubernetes.default.id
  vswitch_ids          = split(",", join(",", alicloud_vswitch.vswitches.*.id))
  instance_types       = ["ecs.c6.xlarge"]
  system_disk_category = "cloud_efficiency"
  system_disk_size     = 40
  desired_size         = 2

  # Set initial runtime and image_id for the node pool
  runtime_name    = "containerd"
  runtime_version = "1.6.39"
  image_id        = "aliyun_3_x64_20G_container_optimized_alibase_20250629.vhd"

  # upgrade_policy configuration - This is a process parameter used during update
  # Note: Parameters in upgrade_policy (runtime, image_id, runtime_version) must match 
  # the corresponding node pool configuration settings (runtime_name, image_id, runtime_version)
  # to ensure consistency during the upgrade process
  upgrade_policy {
    # IMPORTANT: image_id must match the node pool's image_id value
    image_id = "aliyun_3_x64_20G_container_optimized_alibase_20250629.vhd"

    # IMPORTANT: runtime must match the node pool's runtime_name value
    runtime = "containerd"

    # IMPORTANT: runtime_version must match the node pool's runtime_version value
    runtime_version = "1.6.39"

    # Kubernetes version to upgrade to, cannot be greater than the control plane version
    kubernetes_version = alicloud_cs_managed_kubernetes.default.version

    # Whether to use replacement disk upgrade
    use_replace = true
  }

  # rolling_policy configuration - Controls the rolling upgrade strategy
  # This parameter only applies during resource update
  rolling_policy {
    # Maximum number of nodes that can be unavailable during the rolling upgrade
    max_parallelism = 1

    # Batch interval in minutes between upgrading batches of nodes
    batch_interval = 1

    # Pause policy for the rolling upgrade process
    pause_policy = "NotPause"

    # Specific node names to be upgraded 
    # node_names = []
  }
}
