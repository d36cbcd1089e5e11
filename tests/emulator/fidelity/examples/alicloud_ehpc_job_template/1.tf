# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ehpc_job_template.html.markdown (example 1)
resource "alicloud_ehpc_job_template" "default" {
  job_template_name = "example_value"
  command_line      = "./LammpsTest/lammps.pbs"
}

