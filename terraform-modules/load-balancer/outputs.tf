output "arn" {
  description = "ARN of the load balancer."
  value       = aws_lb.this.arn
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer, the LoadBalancer dimension of its CloudWatch metrics."
  value       = aws_lb.this.arn_suffix
}

output "dns_name" {
  description = "DNS name of the load balancer, the target of the origin alias records."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Route 53 hosted zone of the load balancer's DNS name, for alias records."
  value       = aws_lb.this.zone_id
}

output "https_listener_arn" {
  description = "Production HTTPS listener; services attach their production listener rules here."
  value       = aws_lb_listener.https["production"].arn
}

output "test_listener_arn" {
  description = "HTTPS test listener; services attach their blue/green test listener rules here."
  value       = aws_lb_listener.https["test"].arn
}

output "security_group_id" {
  description = "Security group of the load balancer's HTTPS side; service security groups allow their container port from it."
  value       = aws_security_group.public["https"].id
}

output "access_logs_bucket" {
  description = "S3 bucket receiving the access logs."
  value       = module.access_logs_bucket.bucket_name
}

output "listener_rule_slots" {
  description = "The listener rule slot registry (service => slot) this load balancer publishes as SSM parameters."
  value       = { for service, parameter in aws_ssm_parameter.listener_rule_slot : service => parameter.name }
}
