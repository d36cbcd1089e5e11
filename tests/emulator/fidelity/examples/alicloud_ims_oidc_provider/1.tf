# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ims_oidc_provider.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

variable "oidc_provider_name" {
  default = "amp-resource-example-oidc-provider"
}

resource "alicloud_ims_oidc_provider" "default" {
  fingerprints = [
    "0BBFAB97059595E8D1EC48E89EB8657C0E5AAE71"
  ]
  issuance_limit_time = "12"
  oidc_provider_name  = "tfaccims89018"
  client_ids = [
    "123",
    "456"
  ]
  description = var.oidc_provider_name
  issuer_url  = "https://oauth.aliyun.com"
}
