# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ecd_custom_property.html.markdown (example 1)
provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_ecd_custom_property" "example" {
  property_key = "example_key"
  property_values {
    property_value = "example_value"
  }
}
