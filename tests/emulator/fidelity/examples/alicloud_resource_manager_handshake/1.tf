# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/resource_manager_handshake.html.markdown (example 1)
# Add a Resource Manager handshake.
resource "alicloud_resource_manager_handshake" "example" {
  target_entity = "1182775234******"
  target_type   = "Account"
  note          = "test resource manager handshake"
}
