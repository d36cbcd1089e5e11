# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/open_search_app_group.html.markdown (example 1)
provider "alicloud" {
  region = "cn-hangzhou"
}
variable "name" {
  default = "name"
}
resource "alicloud_open_search_app_group" "default" {
  app_group_name = var.name
  payment_type   = "PayAsYouGo"
  type           = "standard"
  quota {
    doc_size         = 1
    compute_resource = 20
    spec             = "opensearch.share.common"
  }
}
