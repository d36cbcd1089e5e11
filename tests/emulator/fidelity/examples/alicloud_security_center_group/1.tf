# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/security_center_group.html.markdown (example 1)
variable "name" {
  default = "tf_example"
}
resource "alicloud_security_center_group" "example" {
  group_name = var.name
}
