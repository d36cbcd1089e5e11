# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/event_bridge_service_linked_role.html.markdown (example 1)
resource "alicloud_event_bridge_service_linked_role" "default" {
  product_name = "AliyunServiceRoleForEventBridgeSourceRocketMQ"
}
