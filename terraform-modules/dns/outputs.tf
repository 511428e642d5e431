output "record_fqdns" {
  description = "Fully qualified names of the records created, by record key."
  value       = merge({ for k, r in aws_route53_record.alias : k => r.fqdn }, { for k, r in aws_route53_record.this : k => r.fqdn })
}

output "health_check_ids" {
  description = "Route 53 health check IDs by key."
  value       = { for k, h in aws_route53_health_check.this : k => h.id }
}
