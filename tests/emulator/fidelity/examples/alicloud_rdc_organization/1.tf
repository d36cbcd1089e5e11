# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/rdc_organization.html.markdown (example 1)
resource "alicloud_rdc_organization" "example" {
  organization_name = "example_value"
  source            = "example_value"
}

