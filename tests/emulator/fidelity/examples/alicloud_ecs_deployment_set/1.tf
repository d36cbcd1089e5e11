# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ecs_deployment_set.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

resource "alicloud_ecs_deployment_set" "default" {
  strategy            = "Availability"
  deployment_set_name = var.name
  description         = var.name
}
