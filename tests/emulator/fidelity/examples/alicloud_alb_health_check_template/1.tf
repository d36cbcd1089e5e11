# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/alb_health_check_template.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

resource "alicloud_alb_health_check_template" "example" {
  health_check_template_name = var.name
}
