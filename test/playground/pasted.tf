# Pasted into the playground as main.tf: a dynamic block over two rules whose prefixes overlap on
# one bucket (S3 rejects the configuration at apply).
resource "aws_s3_bucket_notification" "media" {
  bucket = "acme-media"
  dynamic "lambda_function" {
    for_each = ["images/", "images/thumbs/"]
    content {
      lambda_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:resize"
      events              = ["s3:ObjectCreated:*"]
      filter_prefix       = lambda_function.value
    }
  }
}
