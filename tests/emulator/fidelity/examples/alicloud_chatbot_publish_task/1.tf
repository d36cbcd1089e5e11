# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/chatbot_publish_task.html.markdown (example 1)
provider "alicloud" {
  region = "cn-shanghai"
}
data "alicloud_chatbot_agents" "default" {}
resource "alicloud_chatbot_publish_task" "default" {
  biz_type  = "faq"
  agent_key = data.alicloud_chatbot_agents.default.agents.0.agent_key
}
