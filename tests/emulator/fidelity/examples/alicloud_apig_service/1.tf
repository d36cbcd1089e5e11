# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/apig_service.html.markdown (example 1)
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

variable "address" {
  default = "127.0.0.1:8080"
}

variable "address_1" {
  default = "127.0.0.1:7891"
}

variable "address_2" {
  default = "127.0.0.1:7890"
}

resource "alicloud_vpc" "defaultvpc" {
  cidr_block = "172.32.0.0/12"
  vpc_name   = "zhenyuan-example"
}

resource "alicloud_vswitch" "defaultvswitch" {
  vpc_id       = alicloud_vpc.defaultvpc.id
  zone_id      = "cn-hangzhou-g"
  cidr_block   = "172.32.100.0/24"
  vswitch_name = "zhenyuan-example"
}

resource "alicloud_apig_gateway" "defaultFsRKYn" {
  network_access_config {
    type = "Intranet"
  }
  vswitch {
    vswitch_id = alicloud_vswitch.defaultvswitch.id
    name       = alicloud_vswitch.defaultvswitch.vswitch_name
  }
  zone_config {
    select_option = "Auto"
  }
  vpc {
    vpc_id = alicloud_vpc.defaultvpc.id
  }
  payment_type = "PayAsYouGo"
  gateway_name = "zhenyuanexample"
  spec         = "apigw.small.x1"
  log_config {
    sls {
      enable = false
    }
  }
}


resource "alicloud_apig_service" "default" {
  addresses    = ["${var.address}"]
  service_name = "1784264562"
  source_type  = "VIP"
  gateway_id   = alicloud_apig_gateway.defaultFsRKYn.id
  namespace    = "default"
}
