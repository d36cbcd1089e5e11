# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/live_caster.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_live_caster" "default" {
  caster_name  = var.name
  payment_type = "PayAsYouGo"
  norm_type    = "1"
}
