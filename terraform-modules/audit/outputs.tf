output "trail_arn" {
  description = "ARN of the multi-region trail."
  value       = aws_cloudtrail.this.arn
}

output "log_bucket_name" {
  description = "Bucket holding the audit logs."
  value       = module.log_bucket.bucket_name
}

output "cloudwatch_log_group_name" {
  description = "CloudWatch Logs group receiving the trail's events (for metric filters and alarms)."
  value       = aws_cloudwatch_log_group.trail.name
}

output "kms_key_arn" {
  description = "KMS key encrypting the audit logs."
  value       = module.kms.key_arn
}

output "region_guard_policy_json" {
  description = "The allowed-regions policy document (attach it yourself when organization_target_ids is empty)."
  value       = data.aws_iam_policy_document.region_guard.json
}
