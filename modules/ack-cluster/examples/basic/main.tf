# Example: An ACK managed cluster for GPU/AI workloads: private API endpoint, RRSA, add-ons as `alicloud_cs_kubernetes_addon` resources, the autoscaler switch when pools need it.. Runs offline against the emulator (tests/hcl).

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

module "network" {
  source = "../../../ml-network"
  name   = "ml-example"
  zones  = ["cn-shanghai-b"]
}

module "cluster" {
  source            = "../.."
  name              = "ml-example"
  vswitch_ids       = module.network.vswitch_ids
  vpc_cidr          = module.network.vpc_cidr
  network_has_nat   = module.network.has_nat
  enable_autoscaler = true
}

module "system_pool" {
  source                    = "../../../system-node-pool"
  cluster_id                = module.cluster.cluster_id
  cluster_security_group_id = module.cluster.security_group_id
  network_zones             = module.network.zones
  vswitch_ids               = module.network.vswitch_ids
}
