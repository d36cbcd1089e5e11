# Example: CPFS General-purpose Edition for training data and checkpoints: the file system, an NFS protocol service, the export of `/`, and the PersistentVolume pods mount it with.. Runs offline against the emulator (tests/hcl).

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

module "cpfs" {
  source        = "../.."
  vpc_id        = module.network.vpc_id
  network_zones = module.network.zones
  vswitch_ids   = module.network.vswitch_ids
}

output "persistent_volume" {
  value = module.cpfs.persistent_volume
}
