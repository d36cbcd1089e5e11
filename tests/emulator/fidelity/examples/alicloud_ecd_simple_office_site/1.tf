# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ecd_simple_office_site.html.markdown (example 1)
resource "random_integer" "default" {
  min = 10000
  max = 99999
}

resource "alicloud_ecd_simple_office_site" "default" {
  cidr_block          = "172.16.0.0/12"
  enable_admin_access = true
  desktop_access_type = "Internet"
  office_site_name    = "terraform-example-${random_integer.default.result}"
}
