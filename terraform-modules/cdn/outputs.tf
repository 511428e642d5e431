output "distribution_id" {
  description = "ID of the CloudFront distribution (for cache invalidations in the deploy workflow)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the CloudFront distribution."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "*.cloudfront.net name, the target of the public alias records."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "Route 53 zone of CloudFront names, for alias records."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "web_acl_arn" {
  description = "WAFv2 web ACL attached to the distribution."
  value       = local.web_acl_arn
}

output "static_assets_bucket" {
  description = "Bucket of the static assets origin, or null."
  value       = local.static ? module.static_assets_bucket[0].bucket_name : null
}

output "logs_bucket" {
  description = "Bucket receiving the access logs."
  value       = module.logs_bucket.bucket_name
}
