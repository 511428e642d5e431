output "cluster_identifier" {
  description = "Aurora cluster identifier (<service>-<environment>)."
  value       = aws_rds_cluster.this.cluster_identifier
}

output "cluster_arn" {
  description = "ARN of the Aurora cluster."
  value       = aws_rds_cluster.this.arn
}

output "cluster_resource_id" {
  description = "Resource ID of the cluster, for rds-db:connect IAM policies (IAM database authentication)."
  value       = aws_rds_cluster.this.cluster_resource_id
}

output "endpoint" {
  description = "Writer endpoint."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "Name of the initial database."
  value       = aws_rds_cluster.this.database_name
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret holding the master credentials (managed and rotated by RDS); null for global clusters."
  value       = local.global ? null : aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "Security group of the cluster."
  value       = aws_security_group.this.id
}

output "kms_key_arn" {
  description = "KMS key encrypting the cluster and its master secret; the execution role of a service reading the secret needs kms:Decrypt on it."
  value       = local.kms_key_arn
}

output "max_capacity" {
  description = "Maximum ACU, for the monitoring module's capacity alarm."
  value       = local.max_capacity
}

output "global_cluster_identifier" {
  description = "Global cluster identifier in disaster_recovery.mode = global, else null."
  value       = local.global ? aws_rds_global_cluster.this[0].id : null
}
