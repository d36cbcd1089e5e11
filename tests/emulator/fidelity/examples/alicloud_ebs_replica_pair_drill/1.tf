# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ebs_replica_pair_drill.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_ebs_replica_pair_drill" "default" {
  pair_id = "pair-cn-wwo3kjfq5001"
}
