# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/security_group.html.markdown (example 1)
resource "alicloud_security_group" "default" {
  security_group_name = "terraform-example"
}
