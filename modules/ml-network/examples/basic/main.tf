# Example: A VPC with one compute vSwitch per zone and NAT egress (Enhanced NAT, one EIP, one SNAT entry per vSwitch).. Runs offline against the emulator (tests/hcl).

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
  source = "../.."
  name   = "ml-example"
  zones  = ["cn-shanghai-b", "cn-shanghai-g"]
}

output "vswitch_ids" {
  value = module.network.vswitch_ids
}
