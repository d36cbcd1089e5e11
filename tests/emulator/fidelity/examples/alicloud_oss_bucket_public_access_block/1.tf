# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/oss_bucket_public_access_block.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}
resource "random_integer" "default" {
  min = 10000
  max = 99999
}

resource "alicloud_oss_bucket" "CreateBucket" {
  storage_class = "Standard"
  bucket        = "${var.name}-${random_integer.default.result}"
}


resource "alicloud_oss_bucket_public_access_block" "default" {
  bucket              = alicloud_oss_bucket.CreateBucket.bucket
  block_public_access = true
}
