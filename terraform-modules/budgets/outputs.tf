output "platform_budget_name" {
  description = "Name of the platform budget (the backend plugin reads it for the overview page)."
  value       = aws_budgets_budget.platform.name
}

output "service_budget_names" {
  description = "Budget names by service."
  value       = { for name, b in aws_budgets_budget.service : name => b.name }
}

output "cost_allocation_tags" {
  description = "Cost-allocation tags activated by this module."
  value       = [for t in aws_ce_cost_allocation_tag.this : t.tag_key]
}
