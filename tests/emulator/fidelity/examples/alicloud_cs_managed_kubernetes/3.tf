# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/cs_managed_kubernetes.html.markdown (example 3)
variable "name" {
  default = "tf-example-auto-nlb"
}

variable "service_cidr" {
  description = "The kubernetes service cidr block."
  default     = "172.23.0.0/16"
}

data "alicloud_nlb_zones" "default" {}

resource "alicloud_vpc" "default" {
  vpc_name   = var.name
  cidr_block = "10.1.0.0/21"
}

resource "alicloud_vswitch" "default_1" {
  vswitch_name = "${var.name}-1"
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "10.1.1.0/24"
  zone_id      = data.alicloud_nlb_zones.default.zones.0.id
}

resource "alicloud_vswitch" "default_2" {
  vswitch_name = "${var.name}-2"
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "10.1.2.0/24"
  zone_id      = data.alicloud_nlb_zones.default.zones.1.id
}

resource "alicloud_cs_managed_kubernetes" "default" {
  name                         = var.name
  cluster_spec                 = "ack.pro.small"
  vswitch_ids                  = [alicloud_vswitch.default_1.id, alicloud_vswitch.default_2.id]
  pod_vswitch_ids              = [alicloud_vswitch.default_1.id, alicloud_vswitch.default_2.id]
  new_nat_gateway              = false
  service_cidr                 = var.service_cidr
  is_enterprise_security_group = true

  addons {
    name = "terway-eniip"
  }

  control_plane_endpoints_config {
    # load_balancer_id is left empty so ACK creates a private NLB automatically.
    load_balancers_config {
      endpoint_type = "private"
    }
  }
}
