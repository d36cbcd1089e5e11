# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/cloud_firewall_ai_traffic_analysis_status.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}


resource "alicloud_cloud_firewall_ai_traffic_analysis_status" "default" {
  status = "Open"
}
