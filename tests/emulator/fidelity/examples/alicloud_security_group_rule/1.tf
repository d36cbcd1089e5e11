# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/security_group_rule.html.markdown (example 1)
resource "alicloud_security_group" "default" {
  security_group_name = "default"
}
resource "alicloud_security_group_rule" "allow_all_tcp" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "1/65535"
  priority          = 1
  security_group_id = alicloud_security_group.default.id
  cidr_ip           = "0.0.0.0/0"
}
