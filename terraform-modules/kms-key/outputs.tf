output "key_arn" {
  description = "ARN of the key, for kms_key_id / kms_master_key_id arguments and IAM policies."
  value       = aws_kms_key.this.arn
}

output "key_id" {
  description = "Id of the key."
  value       = aws_kms_key.this.key_id
}

output "alias_arn" {
  description = "ARN of the alias, or null without one."
  value       = one(aws_kms_alias.this[*].arn)
}

output "policy" {
  description = "The key policy (JSON), for replica keys that must carry the same policy."
  value       = data.aws_iam_policy_document.this.json
}
