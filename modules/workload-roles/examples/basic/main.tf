# Example: RAM roles `training` and `serving` that pods assume through RRSA (one ServiceAccount each; serving also trusted by PAI-EAS), with prefix-scoped OSS policies and never `*` on `*`.. Runs offline against the emulator (tests/hcl).

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

module "roles" {
  source            = "../.."
  name_prefix       = "ml-example"
  model_paths       = ["ml-models-example/model/v1/"]
  oidc_provider_arn = module.cluster.oidc_provider_arn
  oidc_issuer_url   = module.cluster.oidc_issuer_url
}
