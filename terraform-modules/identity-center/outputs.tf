output "read_only_permission_set_arn" {
  description = "ARN of the ZeroOpsReadOnly permission set (production)."
  value       = aws_ssoadmin_permission_set.read_only.arn
}

output "deploy_debug_permission_set_arn" {
  description = "ARN of the ZeroOpsDeployDebug permission set (staging and pull-request environments)."
  value       = aws_ssoadmin_permission_set.deploy_debug.arn
}

output "break_glass_permission_set_arn" {
  description = "ARN of the ZeroOpsBreakGlass permission set (emergency administrator, both accounts)."
  value       = aws_ssoadmin_permission_set.break_glass.arn
}

output "account_assignments" {
  description = "Who gets what: <group> -> <account> -> <permission set> for every assignment the module creates."
  value       = { for key, a in local.assignments : key => "${a.group_name} -> ${a.account_id} -> ${a.permission_set}" }
}

output "identity_store_id" {
  description = "Identity store of the Identity Center instance (for aws identitystore CLI calls)."
  value       = local.identity_store_id
}
