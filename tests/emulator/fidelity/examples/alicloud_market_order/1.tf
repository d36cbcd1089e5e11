# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/market_order.html.markdown (example 1)
resource "alicloud_market_order" "order" {
  product_code    = "cmapi033136"
  pay_type        = "PrePaid"
  quantity        = 1
  duration        = 1
  pricing_cycle   = "Month"
  package_version = "yuncode2713600001"
  coupon_id       = ""
}
