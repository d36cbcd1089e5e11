# Example: An SLS project with log stores for cluster and EAS logs, bounded retention (metrics come from the cluster's ARMS Prometheus add-on).. Runs offline against the emulator (tests/hcl).

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

module "logs" {
  source       = "../.."
  project_name = "ml-example-logs-t3st1"
}
