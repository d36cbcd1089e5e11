# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/eflo_node_group.html.markdown (example 1)
# Before executing this example, you need to confirm with the product team whether the resources are sufficient or you will get an error message with "Failure to check order before create instance"
variable "name" {
  default = "terraform-example"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpc" "create_vpc" {
  cidr_block = "192.168.0.0/16"
  vpc_name   = "cluster-resoure-example"
}

resource "alicloud_vswitch" "create_vswitch" {
  vpc_id       = alicloud_vpc.create_vpc.id
  zone_id      = "cn-hangzhou-b"
  cidr_block   = "192.168.0.0/24"
  vswitch_name = "cluster-resoure-example"
}

resource "alicloud_security_group" "create_security_group" {
  description         = "sg"
  security_group_name = "cluster-resoure-example"
  security_group_type = "normal"
  vpc_id              = alicloud_vpc.create_vpc.id
}

resource "alicloud_eflo_cluster" "default" {
  cluster_description  = "cluster-resource-example"
  open_eni_jumbo_frame = "false"
  hpn_zone             = "B1"
  nimiz_vswitches = [
    "1111"
  ]
  ignore_failed_node_tasks = "true"
  resource_group_id        = data.alicloud_resource_manager_resource_groups.default.ids.1
  node_groups {
    image_id               = "i198448731735114628708"
    zone_id                = "cn-hangzhou-b"
    node_group_name        = "cluster-resource-example"
    node_group_description = "cluster-resource-example"
    machine_type           = "efg2.C48cA3sen"
  }

  networks {
    tail_ip_version = "ipv4"
    new_vpd_info {
      monitor_vpc_id     = alicloud_vpc.create_vpc.id
      monitor_vswitch_id = alicloud_vswitch.create_vswitch.id
      cen_id             = "11111"
      cloud_link_id      = "1111"
      vpd_cidr           = "111"
      vpd_subnets {
        zone_id     = "1111"
        subnet_cidr = "111"
        subnet_type = "111"
      }
      cloud_link_cidr = "169.254.128.0/23"
    }

    security_group_id = alicloud_security_group.create_security_group.id
    vswitch_zone_id   = "cn-hangzhou-b"
    vpc_id            = alicloud_vpc.create_vpc.id
    vswitch_id        = alicloud_vswitch.create_vswitch.id
    vpd_info {
      vpd_id = "111"
      vpd_subnets = [
        "111"
      ]
    }
    ip_allocation_policy {
      bond_policy {
        bond_default_subnet = "111"
        bonds {
          name   = "111"
          subnet = "111"
        }
      }
      machine_type_policy {
        bonds {
          name   = "111"
          subnet = "111"
        }
        machine_type = "111"
      }
      node_policy {
        bonds {
          name   = "111"
          subnet = "111"
        }
        node_id = "111"
      }
    }
  }

  cluster_name = "tfacceflo7165"
  cluster_type = "Lite"
}

resource "alicloud_eflo_node" "default" {
  period           = "36"
  discount_level   = "36"
  billing_cycle    = "1month"
  classify         = "gpuserver"
  zone             = "cn-hangzhou-b"
  product_form     = "instance"
  payment_ratio    = "0"
  hpn_zone         = "B1"
  server_arch      = "bmserver"
  computing_server = "efg1.nvga1n"
  stage_num        = "36"
  renewal_status   = "AutoRenewal"
  renew_period     = "36"
  status           = "Unused"
}

resource "alicloud_eflo_node_group" "default" {
  nodes {
    node_id        = alicloud_eflo_node.default.id
    vpc_id         = alicloud_vpc.create_vpc.id
    vswitch_id     = alicloud_vswitch.create_vswitch.id
    hostname       = "jxyhostname"
    login_password = "Alibaba@2025"
  }

  ignore_failed_node_tasks = "true"
  cluster_id               = alicloud_eflo_cluster.default.id
  image_id                 = "i195048661660874208657"
  zone_id                  = "cn-hangzhou-b"
  vpd_subnets = [
    "example"
  ]
  user_data       = "YWxpLGFsaSxhbGliYWJh"
  vswitch_zone_id = "cn-hangzhou-b"
  ip_allocation_policy {
    bond_policy {
      bond_default_subnet = "example"
      bonds {
        name   = "example"
        subnet = "example"
      }
    }
    machine_type_policy {
      bonds {
        name   = "example"
        subnet = "example"
      }
      machine_type = "example"
    }
    node_policy {
      node_id = alicloud_eflo_node.default.id
      bonds {
        name   = "example"
        subnet = "example"
      }
    }
  }
  machine_type           = "efg1.nvga1"
  az                     = "cn-hangzhou-b"
  node_group_description = "resource-example1"
  node_group_name        = "tfacceflo63657_update"
}
