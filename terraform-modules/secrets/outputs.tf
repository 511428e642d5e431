output "secret_arns" {
  description = "Secret ARNs by name, ready for the ecs-service module's secrets input."
  value       = { for name, secret in aws_secretsmanager_secret.this : name => secret.arn }
}

output "secret_names" {
  description = "Secret names (<service>/<environment>/<name>) by name, for scripts such as fetch-secrets.sh."
  value       = { for name, secret in aws_secretsmanager_secret.this : name => secret.name }
}

output "kms_key_arn" {
  description = "KMS key of the secrets; pass it to the ecs-service module's secrets_kms_key_arns."
  value       = local.kms_key_arn
}
