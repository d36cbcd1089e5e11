# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/eip_address.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}


resource "alicloud_eip_address" "default" {
  description               = var.name
  isp                       = "BGP"
  address_name              = var.name
  netmode                   = "public"
  bandwidth                 = "1"
  security_protection_types = ["AntiDDoS_Enhanced"]
  payment_type              = "PayAsYouGo"
}
