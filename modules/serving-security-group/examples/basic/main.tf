# Example: Serving nodes and EAS instances: members talk to each other; callers come from inside the VPC. The members' allow-all rule references the group itself (NCCL/eRDMA pick random ports).. Runs offline against the emulator (tests/hcl).

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

module "serving" {
  source   = "../.."
  name     = "ml-example-serving"
  vpc_id   = module.network.vpc_id
  vpc_cidr = module.network.vpc_cidr
}
