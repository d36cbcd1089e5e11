# Example: A PAI-EAS online inference service whose `service_config` is built from typed inputs: explicit request queue, bounded autoscaler, VPC networking, no credentials.. Runs offline against the emulator (tests/hcl).

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
  source    = "../../../serving-security-group"
  name      = "ml-example-serving"
  vpc_id    = module.network.vpc_id
  vpc_cidr  = module.network.vpc_cidr
  vpc_ports = { (tostring(module.model.port)) = "EAS service (VPC direct connection)" }
}

module "model" {
  source            = "../.."
  service_name      = "example_model"
  processor         = "triton"
  model_path        = "oss://ml-models-example/model/v1/"
  cpu               = 8
  gpu               = 1
  memory_mb         = 16000
  instance_type     = "ecs.gn7i-c8g1.2xlarge"
  autoscaler        = { min_instances = 1, max_instances = 4, strategies = [{ metric = "qps", threshold = 50 }] }
  vpc_id            = module.network.vpc_id
  vswitch_id        = module.network.vswitch_ids[0]
  security_group_id = module.serving.security_group_id
}
