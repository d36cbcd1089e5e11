# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/api_gateway_backend.html.markdown (example 1)
variable "name" {
  default = "tf_example"
}

resource "alicloud_api_gateway_backend" "default" {
  backend_name = var.name
  description  = var.name
  backend_type = "HTTP"
}
