# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/service_catalog_portfolio.html.markdown (example 1)
provider "alicloud" {
  region = "cn-hangzhou"
}

variable "name" {
  default = "tf_example"
}
resource "alicloud_service_catalog_portfolio" "default" {
  portfolio_name = var.name
  provider_name  = var.name
}
