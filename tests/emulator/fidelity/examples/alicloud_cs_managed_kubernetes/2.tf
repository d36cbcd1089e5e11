# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/cs_managed_kubernetes.html.markdown (example 2)
variable "name" {
  default = "auto-mode"
}

variable "proxy_mode" {
  description = "Proxy mode is option of kube-proxy."
  default     = "ipvs"
}

variable "service_cidr" {
  description = "The kubernetes service cidr block."
  default     = "192.168.0.0/16"
}

data "alicloud_enhanced_nat_available_zones" "enhanced" {}

resource "alicloud_cs_managed_kubernetes" "auto-mode" {
  name                           = var.name
  cluster_spec                   = "ack.pro.small"
  zone_ids                       = [data.alicloud_enhanced_nat_available_zones.enhanced.zones.0.zone_id]
  new_nat_gateway                = true
  is_enterprise_security_group   = true
  slb_internet_enabled           = false
  skip_set_certificate_authority = true
  proxy_mode                     = var.proxy_mode
  service_cidr                   = var.service_cidr
  ip_stack                       = "ipv4"
  deletion_protection            = true

  auto_mode {
    enabled = true
  }

  maintenance_window {
    duration         = "3h"
    weekly_period    = "Monday"
    enable           = true
    maintenance_time = "2025-07-07T00:00:00.000+08:00"
  }

  operation_policy {
    cluster_auto_upgrade {
      channel = "stable"
      enabled = true
    }
  }

  control_plane_log_components = [
    "apiserver",
    "kcm",
    "scheduler",
    "ccm",
    "controlplane-events",
    "alb",
    "ack-goatscaler",
    "coredns",
    "gatekeeper"
  ]
  control_plane_log_ttl = "30"

  audit_log_config {
    enabled = true
  }

  addons {
    name = "metrics-server"
  }

  addons {
    name = "managed-coredns"
  }

  addons {
    name = "managed-security-inspector"
  }

  addons {
    name = "ack-cost-exporter"
  }

  addons {
    name = "terway-controlplane"
    config = jsonencode({
      ENITrunking = "true"
    })
  }

  addons {
    name = "terway-eniip"
    config = jsonencode({
      NetworkPolicy = "false"
      ENITrunking   = "true"
      IPVlan        = "false"
    })
  }

  addons {
    name = "csi-plugin"
  }

  addons {
    name = "managed-csiprovisioner"
  }

  addons {
    name = "storage-operator"
    config = jsonencode({
      CnfsOssEnable = "false"
      CnfsNasEnable = "false"
    })
  }

  addons {
    name = "loongcollector"
    config = jsonencode({
      IngressDashboardEnabled = "true"
    })
  }

  addons {
    name = "ack-node-problem-detector"
    config = jsonencode({
      sls_project_name = ""
    })
  }

  addons {
    name     = "nginx-ingress-controller"
    disabled = true
  }

  addons {
    name = "alb-ingress-controller"
    config = jsonencode({
      albIngress = {
        CreateDefaultALBConfig = false
      }
    })
  }

  addons {
    name = "arms-prometheus"
    config = jsonencode({
      prometheusMode = "default"
    })
  }

  addons {
    name = "alicloud-monitor-controller"
  }

  addons {
    name = "managed-aliyun-acr-credential-helper"
  }
}

