# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/dbfs_service_linked_role.html.markdown (example 1)
provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_dbfs_service_linked_role" "service_linked_role" {
  product_name = "AliyunServiceRoleForDbfs"
}
