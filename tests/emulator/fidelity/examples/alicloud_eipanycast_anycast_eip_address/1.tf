# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/eipanycast_anycast_eip_address.html.markdown (example 1)
variable "name" {
  default = "tf-example"
}

resource "alicloud_eipanycast_anycast_eip_address" "default" {
  anycast_eip_address_name = var.name
  description              = var.name
  bandwidth                = 200
  service_location         = "international"
  internet_charge_type     = "PayByTraffic"
  payment_type             = "PayAsYouGo"
}
