output "bucket_name" {
  description = "Name (id) of the bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the bucket, for IAM policies. Known once versioning is on, so a replication rule that names this bucket as its destination waits for it."
  value       = aws_s3_bucket.this.arn

  depends_on = [aws_s3_bucket_versioning.this]
}

output "bucket_domain_name" {
  description = "bucket.s3.amazonaws.com name (CloudFront standard logging destination)."
  value       = aws_s3_bucket.this.bucket_domain_name
}

output "bucket_regional_domain_name" {
  description = "Regional domain name of the bucket (CloudFront S3 origin)."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}
