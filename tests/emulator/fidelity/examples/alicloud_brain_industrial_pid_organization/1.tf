# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/brain_industrial_pid_organization.html.markdown (example 1)
resource "alicloud_brain_industrial_pid_organization" "example" {
  pid_organization_name = "tf-testAcc"
}

