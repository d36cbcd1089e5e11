# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/direct_mail_tag.html.markdown (example 1)
variable "name" {
  default = "example"
}
provider "alicloud" {
  region = "cn-hangzhou"
}
resource "alicloud_direct_mail_tag" "example" {
  tag_name = var.name
}
