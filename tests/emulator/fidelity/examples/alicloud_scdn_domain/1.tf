# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/scdn_domain.html.markdown (example 1)
resource "alicloud_scdn_domain" "example" {
  domain_name = "my-Domain"
  sources {
    content  = "xxx.aliyuncs.com"
    enabled  = "online"
    port     = 80
    priority = "20"
    type     = "oss"
  }
}

