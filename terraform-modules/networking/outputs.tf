output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "availability_zones" {
  description = "Availability zones the subnets are spread over, in subnet order."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "Public subnets (load balancers, NAT gateways)."
  value       = local.subnet_ids.public
}

output "private_subnet_ids" {
  description = "Private subnets with a NAT route (ECS tasks, ElastiCache)."
  value       = local.subnet_ids.private
}

output "database_subnet_ids" {
  description = "Isolated subnets without internet route (Aurora)."
  value       = local.subnet_ids.database
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways: the source address of outbound traffic from private subnets."
  value       = aws_eip.nat[*].public_ip
}

output "vpc_endpoints_security_group_id" {
  description = "Security group of the interface VPC endpoints."
  value       = aws_security_group.endpoints.id
}

output "flow_log_group_name" {
  description = "CloudWatch log group receiving the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}

output "kms_key_arn" {
  description = "KMS key encrypting the flow logs."
  value       = local.kms_key_arn
}
