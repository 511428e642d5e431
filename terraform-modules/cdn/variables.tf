variable "aliases" {
  description = "Public host names of the distribution (covered by certificate_arn)."
  type        = list(string)

  validation {
    condition     = length(var.aliases) >= 1
    error_message = "Give at least one host name: the default *.cloudfront.net certificate would allow TLS 1.0."
  }
}

variable "certificate_arn" {
  description = "ACM certificate in us-east-1 covering the aliases."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:us-east-1:", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there)."
  }
}

variable "minimum_protocol_version" {
  description = "Minimum TLS version viewers may use (CKV_AWS_174)."
  type        = string
  default     = "TLSv1.2_2021"

  validation {
    condition     = contains(["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.3_2025"], var.minimum_protocol_version)
    error_message = "minimum_protocol_version must be TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021 or TLSv1.3_2025."
  }
}

variable "origin_domain_name" {
  description = "Host name CloudFront connects to over HTTPS: the service's origin record pointing at the load balancer (covered by the load balancer's certificate)."
  type        = string
}

variable "origin_verify_header" {
  description = "Secret header added to every origin request; give the same value to the ecs-service module so the load balancer only answers CloudFront."
  type = object({
    name  = string
    value = string
  })
  default   = null
  sensitive = true
}

variable "price_class" {
  description = "CloudFront price class; PriceClass_100 (North America and Europe) is the cheapest."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "geo_restriction" {
  description = "Viewer countries (ISO 3166-1 alpha-2): whitelist, blacklist or none."
  type = object({
    type      = string
    locations = list(string)
  })
  default = {
    type      = "none"
    locations = []
  }

  validation {
    condition     = contains(["none", "whitelist", "blacklist"], var.geo_restriction.type)
    error_message = "geo_restriction.type must be none, whitelist or blacklist."
  }
}

variable "content_security_policy" {
  description = "Content-Security-Policy header added to responses. Null: not set (the application decides)."
  type        = string
  default     = null
}

variable "web_acl_arn" {
  description = "Existing WAFv2 web ACL (scope CLOUDFRONT) to attach, e.g. one shared by all services of an environment. Null creates one for this distribution ($5 a month plus $1 per rule)."
  type        = string
  default     = null
}

variable "rate_limit_per_5_minutes" {
  description = "Requests one IP address may send in 5 minutes before WAF blocks it."
  type        = number
  default     = 2000

  validation {
    condition     = var.rate_limit_per_5_minutes >= 10 && var.rate_limit_per_5_minutes <= 2000000000
    error_message = "rate_limit_per_5_minutes must be between 10 and 2000000000."
  }
}

variable "static_assets" {
  description = "Optional S3 origin for static assets behind Origin Access Control: bucket encrypted with KMS, versioned, optionally replicated to another region."
  type = object({
    path_pattern   = optional(string, "/static/*")
    replica_region = optional(string)
  })
  default = null
}

variable "log_retention_days" {
  description = "Days access logs (S3) and WAF logs (CloudWatch) are kept. Null means 365 in production and 30 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.log_retention_days == null ? true : contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention period CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}
