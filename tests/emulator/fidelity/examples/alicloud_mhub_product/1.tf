# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/mhub_product.html.markdown (example 1)
provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_mhub_product" "example" {
  product_name = "example_value"
}
