# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/eflo_node.html.markdown (example 2)
resource "alicloud_eflo_node" "payasyougo" {
  machine_type   = "efg1.nvga8n"
  payment_type   = "PayAsYouGo"
  hpn_zone       = "A1"
  product_form   = "instance"
  renewal_status = "ManualRenewal"
  zone           = "cn-wulanchabu-a"
  tags = {
    From = "Terraform"
  }
  # status = "Unused"
  cluster_id     = "i11922307xxxxxxx"
  node_group_id  = "i1254705xxxxxxxx"
  hostname       = "terraform-example"
  login_password = "xxxxxxxx"
  data_disk {
    size              = 120
    category          = "cloud_essd"
    performance_level = "PL0"
  }
  data_disk {
    size              = 120
    category          = "cloud_essd"
    performance_level = "PL1"
  }

  ip_allocation_policy {
    machine_type_policy {
      machine_type = "efg1.nvga8n"

      bonds {
        subnet = "subnet-x1xxx"
        name   = "example01"
      }
      bonds {
        subnet = "subnet-xxxx"
        name   = "example02"
      }
      bonds {
        subnet = "subnet-xxxx"
        name   = "example03"
      }
      bonds {
        subnet = "subnet-xxxx"
        name   = "example04"
      }
      bonds {
        subnet = "subnet-xxxx"
        name   = "example05"
      }
    }
  }
}
