# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/security_center_service_linked_role.html.markdown (example 1)
resource "alicloud_security_center_service_linked_role" "service_linked_role" {
}

