# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/dbfs_instance.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_dbfs_instance" "example" {
  category          = "standard"
  zone_id           = "cn-hangzhou-i"
  performance_level = "PL1"
  fs_name           = var.name
  size              = 100
}
