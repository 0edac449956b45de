# Terraform (Alibaba Cloud FC 3.0): one OSS trigger per folder through for_each; the "reports"
# prefix starts with "/", which OSS keys never do, and the function writes its output under the
# watched "invoices/" prefix.
resource "alicloud_fcv3_function" "ingest" {
  function_name = "ingest"
  runtime       = "python3.10"
  handler       = "index.handler"
  environment_variables = {
    OUTPUT_BUCKET = "acme-archive"
    OUTPUT_PREFIX = "invoices/parsed/"
  }
}

resource "alicloud_fcv3_trigger" "folder" {
  for_each = {
    invoices = "invoices/"
    reports  = "/reports/"
  }
  function_name = alicloud_fcv3_function.ingest.function_name
  trigger_name  = "oss-${each.key}"
  trigger_type  = "oss"
  source_arn    = "acs:oss:cn-hangzhou:1234567890:acme-archive"
  trigger_config = jsonencode({
    events = ["oss:ObjectCreated:PutObject"]
    filter = { key = { prefix = each.value, suffix = "" } }
  })
}
