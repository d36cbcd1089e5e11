# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/slb_ca_certificate.html.markdown (example 2)
resource "alicloud_slb_ca_certificate" "foo-file" {
  ca_certificate_name = "tf-testAccSlbCACertificate"
  ca_certificate      = file("${path.module}/ca_certificate.pem")
}
