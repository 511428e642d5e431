variable "zone_id" {
  description = "Route 53 hosted zone to sign with DNSSEC and whose queries are logged."
  type        = string

  validation {
    condition     = can(regex("^Z[A-Z0-9]{1,31}$", var.zone_id))
    error_message = "zone_id must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ."
  }
}

variable "zone_name" {
  description = "Domain name of the hosted zone (names its query log group /aws/route53/<zone_name>)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", var.zone_name))
    error_message = "zone_name must be a domain name without a trailing dot."
  }
}

variable "web_acl_arn" {
  description = "ARN of the environment's CloudFront (us-east-1) WAF web ACL whose requests are logged."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global/webacl/", var.web_acl_arn))
    error_message = "web_acl_arn must be a CLOUDFRONT-scope WAF web ACL ARN in us-east-1."
  }
}

variable "log_retention_days" {
  description = "Days to keep WAF request and DNS query logs. Default: 365 in production, 30 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.log_retention_days == null || contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653)."
  }
}
