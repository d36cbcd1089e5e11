# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/apig_domain.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}


resource "alicloud_apig_domain" "default" {
  domain_name  = "example-domain-cspec-v6.example.com"
  gateway_type = "API"
  protocol     = "HTTP"
}
