# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/message_service_endpoint.html.markdown (example 1)
provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_message_service_endpoint" "default" {
  endpoint_enabled = true
  endpoint_type    = "public"
}
