output "dnssec_ds_record" {
  description = "DS record to add at the parent domain (its registrar or zone) so resolvers validate this zone's DNSSEC signatures."
  value       = aws_route53_key_signing_key.environment.ds_record
}

output "waf_log_group_name" {
  description = "CloudWatch Logs group (us-east-1) of the web ACL's request logs."
  value       = aws_cloudwatch_log_group.edge["waf"].name
}

output "dns_query_log_group_name" {
  description = "CloudWatch Logs group (us-east-1) of the zone's query logs."
  value       = aws_cloudwatch_log_group.edge["dns_queries"].name
}

output "log_kms_key_arn" {
  description = "KMS key that encrypts both log groups."
  value       = module.edge_logs_kms.key_arn
}
