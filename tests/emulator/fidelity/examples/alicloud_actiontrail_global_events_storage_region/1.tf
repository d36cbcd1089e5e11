# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/actiontrail_global_events_storage_region.html.markdown (example 1)
resource "alicloud_actiontrail_global_events_storage_region" "foo" {
  storage_region = "cn-hangzhou"
}
