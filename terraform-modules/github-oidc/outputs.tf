output "oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider of the account."
  value       = local.oidc_provider_arn
}

output "environment_role_arns" {
  description = "Deploy role ARN by GitHub environment (aws-actions/configure-aws-credentials role-to-assume)."
  value       = { for env, role in aws_iam_role.environment : env => role.arn }
}

output "plan_role_arn" {
  description = "Read-only plan role for pull requests, or null."
  value       = var.create_plan_role ? aws_iam_role.plan[0].arn : null
}

output "trusted_subjects" {
  description = "OIDC subjects each role trusts, for checking against the workflow's jobs."
  value = merge(
    { for env in keys(var.environments) : env => local.trusted_subjects["environment:${env}"] },
    { plan = local.trusted_subjects["pull_request"] },
  )
}
