# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/data_works_folder.html.markdown (example 1)
resource "alicloud_data_works_folder" "example" {
  project_id  = "320687"
  folder_path = "Business Flow/tfTestAcc/folderDi/tftest1"
}
