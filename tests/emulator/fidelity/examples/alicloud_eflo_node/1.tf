# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/eflo_node.html.markdown (example 1)
# Before executing this example, you need to confirm with the product team whether the resources are sufficient or you will get an error message with "Failure to check order before create instance"
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_eflo_node" "default" {
  period         = "36"
  discount_level = "36"
  billing_cycle  = "1month"
  classify       = "gpuserver"
  zone           = "cn-hangzhou-b"
  product_form   = "instance"
  payment_ratio  = "0"
  hpn_zone       = "B1"
  server_arch    = "bmserver"
  machine_type   = "efg1.nvga1n"
  stage_num      = "36"
  renewal_status = "AutoRenewal"
  renew_period   = "36"
  status         = "Unused"
}
