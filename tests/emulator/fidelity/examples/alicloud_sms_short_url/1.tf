# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/sms_short_url.html.markdown (example 1)
resource "alicloud_sms_short_url" "example" {
  effective_days = 30
  short_url_name = "example_value"
  source_url     = "example_value"
}
