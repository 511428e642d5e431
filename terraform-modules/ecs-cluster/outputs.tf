output "cluster_name" {
  description = "Name of the ECS cluster (zeroops-<environment> unless overridden)."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "exec_log_group_name" {
  description = "Log group receiving ECS Exec session logs."
  value       = aws_cloudwatch_log_group.exec.name
}

output "kms_key_arn" {
  description = "KMS key for ECS Exec sessions; task roles that use ECS Exec need kms:Decrypt on it."
  value       = local.kms_key_arn
}

output "default_capacity_provider" {
  description = "Capacity provider services use unless they set their own strategy."
  value       = local.use_spot ? "FARGATE_SPOT" : "FARGATE"
}
