# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/log_project.html.markdown (example 1)
resource "random_integer" "default" {
  max = 99999
  min = 10000
}

resource "alicloud_log_project" "example" {
  project_name = "terraform-example-${random_integer.default.result}"
  description  = "terraform-example"
  tags = {
    Created = "TF",
    For     = "example",
  }
}
