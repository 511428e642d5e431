# Alarms that page the platform team and roll a bad deployment back, and the portal's budget.

module "monitoring" {
  source = "../../monitoring"

  service     = local.service
  environment = local.environment

  load_balancer_arn_suffix  = data.aws_lb.platform.arn_suffix
  target_group_arn_suffixes = module.service.target_group_arn_suffixes
  ecs_cluster_name          = module.service.cluster_name
  ecs_service_name          = module.service.service_name
  aurora_cluster_identifier = module.database.cluster_identifier
  notification_emails       = var.alarm_emails
}

# The portal's own monthly budget (zeroops:service = zeroops-portal), next to the foundation's
# platform budget. Budgets in a member account see that account's costs; cost-allocation tags
# are activated once, by the foundation in the payer account.
module "budgets" {
  source = "../../budgets"

  service                       = local.service
  environment                   = local.environment
  platform_monthly_limit_usd    = var.production_account_monthly_limit_usd
  service_budgets               = { (local.service) = var.monthly_budget_usd }
  notification_emails           = var.alarm_emails
  activate_cost_allocation_tags = false
}
