# Example: The whole ML platform of one environment (the `MlPlatform` L3): network, security groups, logs, cluster with its system pool, CPFS, workload roles, GPU pools and EAS services, from the same sections as a platform TOML file.. Runs offline against the emulator (tests/hcl).

#checkov:skip=ALIML_015:examples keep local state for the offline emulator; real roots use backend "oss" with a Tablestore lock

terraform {
  required_version = ">= 1.9"

  required_providers {
    alicloud = { source = "aliyun/alicloud", version = "1.289.0" }
  }
}

provider "alicloud" {
  region = "cn-shanghai"
}

module "platform" {
  source      = "../.."
  name        = "example"
  name_suffix = "ex1"
  tags        = { environment = "example", managed-by = "alicloud-ml" }
  network     = { zones = ["cn-shanghai-b"] }
  node_pools = {
    inference = { instance_types = ["ecs.gn7i-c16g1.4xlarge"], max_size = 3, workload_type = "inference" }
  }
}

output "cluster_id" {
  value = module.platform.cluster_id
}
