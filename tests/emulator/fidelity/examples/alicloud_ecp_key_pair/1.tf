# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ecp_key_pair.html.markdown (example 1)
resource "alicloud_ecp_key_pair" "example" {
  key_pair_name   = "my-KeyPair"
  public_key_body = "ssh-rsa AAAAxxxxxxxxxxtyuudsfsg"
}

