# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/schedulerx_namespace.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}


resource "alicloud_schedulerx_namespace" "default" {
  namespace_name = var.name
  description    = var.name
}
