# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/live_domain.html.markdown (example 1)
provider "alicloud" {
  region = "cn-hangzhou"
}

variable "domain_name" {
  default = "demo.alicloud.com"
}

resource "alicloud_live_domain" "default" {
  domain_type = "liveVideo"
  scope       = "overseas"
  domain_name = var.domain_name
  region      = "cn-shanghai"
}
