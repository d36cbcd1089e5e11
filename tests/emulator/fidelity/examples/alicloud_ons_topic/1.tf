# Source: aliyun/terraform-provider-alicloud v1.289.0 website/docs/r/ons_topic.html.markdown (example 1)
variable "name" {
  default = "onsInstanceName"
}

variable "topic" {
  default = "onsTopicName"
}

resource "random_integer" "default" {
  min = 10000
  max = 99999
}


resource "alicloud_ons_instance" "default" {
  instance_name = "${var.name}-${random_integer.default.result}"
  remark        = "default_ons_instance_remark"
}

resource "alicloud_ons_topic" "default" {
  topic_name   = var.topic
  instance_id  = alicloud_ons_instance.default.id
  message_type = 0
  remark       = "dafault_ons_topic_remark"
}
