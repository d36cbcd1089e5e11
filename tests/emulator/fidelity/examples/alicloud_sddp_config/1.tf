# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/sddp_config.html.markdown (example 1)
resource "alicloud_sddp_config" "default" {
  code  = "access_failed_cnt"
  value = 10
}
