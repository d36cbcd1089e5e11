# Example: A GPU node pool: NoSchedule taint, GPU scheduling and workload labels, ESSD system and data disks, autoscaling, optional spot, managed auto-repair.. Runs offline against the emulator (tests/hcl).

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
  source            = "../../../ack-cluster"
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

module "serving" {
  source   = "../../../serving-security-group"
  name     = "ml-example-serving"
  vpc_id   = module.network.vpc_id
  vpc_cidr = module.network.vpc_cidr
}

module "gpu_pool" {
  source                    = "../.."
  node_pool_name            = "inference"
  instance_types            = ["ecs.gn7i-c16g1.4xlarge"]
  workload_type             = "inference"
  max_size                  = 3
  cluster_id                = module.cluster.cluster_id
  cluster_security_group_id = module.cluster.security_group_id
  security_group_id         = module.serving.security_group_id
  network_zones             = module.network.zones
  vswitch_ids               = module.network.vswitch_ids
}
