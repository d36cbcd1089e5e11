# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/quick_bi_user.html.markdown (example 1)
resource "alicloud_quick_bi_user" "example" {
  account_name    = "example_value"
  admin_user      = false
  auth_admin_user = false
  nick_name       = "example_value"
  user_type       = "Analyst"
}

