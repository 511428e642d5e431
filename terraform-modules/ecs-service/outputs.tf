output "service_name" {
  description = "ECS service name: <service>, or <service>-pr-<n> in the ephemeral cluster."
  value       = aws_ecs_service.this.name
}

output "cluster_name" {
  description = "ECS cluster the service runs in."
  value       = local.cluster_name
}

output "task_family" {
  description = "Task definition family (<service>-<environment>); the deploy workflow registers new revisions in it."
  value       = aws_ecs_task_definition.this.family
}

output "task_definition_arn" {
  description = "Task definition revision Terraform registered (the deploy workflow registers later ones)."
  value       = aws_ecs_task_definition.this.arn
}

output "container_name" {
  description = "Name of the application container in the task definition (always app)."
  value       = local.container_name
}

output "container_port" {
  description = "Port of the application container."
  value       = var.container_port
}

output "deployment_strategy" {
  description = "BLUE_GREEN or ROLLING."
  value       = local.strategy
}

output "target_group_arns" {
  description = "Target groups by colour: blue (<service>-<env>-b) and, for blue/green, green (<service>-<env>-g)."
  value       = { for colour, target_group in aws_lb_target_group.this : colour => target_group.arn }
}

output "target_group_names" {
  description = "Names of the target groups, in the order blue, green."
  value       = [for target_group in aws_lb_target_group.this : target_group.name]
}

output "target_group_arn_suffixes" {
  description = "ARN suffixes of the target groups (CloudWatch TargetGroup dimension), in the order blue, green."
  value       = [for target_group in aws_lb_target_group.this : target_group.arn_suffix]
}

output "production_listener_rule_arn" {
  description = "Listener rule carrying production traffic (ECS shifts its weights)."
  value       = aws_lb_listener_rule.production.arn
}

output "test_listener_rule_arn" {
  description = "Listener rule on the test listener, or null without a test route."
  value       = local.test_route ? aws_lb_listener_rule.test[0].arn : null
}

output "security_group_id" {
  description = "Security group of the tasks; allow it on the database and cache."
  value       = aws_security_group.this.id
}

output "log_group_name" {
  description = "Application log group (/ecs/<service>/<environment>)."
  value       = aws_cloudwatch_log_group.this.name
}

output "task_role_arn" {
  description = "Role of the running application."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "Role ECS uses to pull the image, write logs and read secrets; the deploy workflow passes it to new revisions."
  value       = aws_iam_role.execution.arn
}

output "ecr_repository_url" {
  description = "URL of the ECR repository when this module created it, else null."
  value       = var.create_ecr_repository ? aws_ecr_repository.this[0].repository_url : null
}
