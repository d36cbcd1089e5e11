# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/dcdn_domain.html.markdown (example 1)
variable "domain_name" {
  default = "tf-example.com"
}
resource "random_integer" "default" {
  min = 10000
  max = 99999
}

resource "alicloud_dcdn_domain" "example" {
  domain_name = "${var.domain_name}-${random_integer.default.result}"
  scope       = "overseas"
  sources {
    content  = "1.1.1.1"
    port     = "80"
    priority = "20"
    type     = "ipaddr"
    weight   = "10"
  }
}
