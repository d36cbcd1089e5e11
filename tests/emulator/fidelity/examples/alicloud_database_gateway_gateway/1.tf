# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/database_gateway_gateway.html.markdown (example 1)
resource "alicloud_database_gateway_gateway" "example" {
  gateway_name = "example_value"
}

