# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/iot_device_group.html.markdown (example 1)
variable "name" {
  default = "tfexample"
}
resource "alicloud_iot_device_group" "example" {
  group_name = var.name
}
