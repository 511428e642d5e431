output "name" {
  description = "Name of the serverless cache (<service>-<environment>)."
  value       = aws_elasticache_serverless_cache.this.name
}

output "arn" {
  description = "ARN of the serverless cache."
  value       = aws_elasticache_serverless_cache.this.arn
}

output "endpoint_address" {
  description = "Primary endpoint host (TLS, port 6379)."
  value       = aws_elasticache_serverless_cache.this.endpoint[0].address
}

output "endpoint_port" {
  description = "Primary endpoint port."
  value       = aws_elasticache_serverless_cache.this.endpoint[0].port
}

output "reader_endpoint_address" {
  description = "Reader endpoint host (TLS, port 6380)."
  value       = aws_elasticache_serverless_cache.this.reader_endpoint[0].address
}

output "security_group_id" {
  description = "Security group of the cache."
  value       = aws_security_group.this.id
}

output "kms_key_arn" {
  description = "KMS key encrypting the cache."
  value       = local.kms_key_arn
}
