variable "trail_name" {
  description = "Name of the CloudTrail trail. Null means zeroops-<environment>-audit."
  type        = string
  default     = null

  validation {
    condition     = var.trail_name == null ? true : can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$", var.trail_name))
    error_message = "trail_name must be 3-128 letters, digits, periods, underscores or hyphens."
  }
}

variable "log_retention_days" {
  description = "Days CloudTrail logs are kept (SOC 2 auditors usually ask for at least one year). Logs move to Glacier Instant Retrieval after 90 days."
  type        = number
  default     = 400

  validation {
    condition     = var.log_retention_days >= 365
    error_message = "Keep audit logs at least 365 days."
  }
}

variable "cloudwatch_logs_retention_days" {
  description = "Days the CloudWatch Logs copy of the trail is kept for metric filters and queries (the S3 bucket is the long-term archive)."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.cloudwatch_logs_retention_days)
    error_message = "cloudwatch_logs_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, …)."
  }
}

variable "allowed_regions" {
  description = "Data residency: the only regions where regional AWS services may be used. Enforced by a service control policy when organization_target_ids is set."
  type        = list(string)
  default     = ["us-east-1", "us-west-2"]

  validation {
    condition     = length(var.allowed_regions) >= 1 && contains(var.allowed_regions, "us-east-1")
    error_message = "allowed_regions must include us-east-1 (CloudFront certificates and WAF live there)."
  }
}

variable "organization_target_ids" {
  description = "AWS Organizations root, OU or account IDs the allowed-regions policy is attached to. Needs the management account. Empty: the policy document is only an output."
  type        = list(string)
  default     = []
}

variable "region_guard_exempt_role_arns" {
  description = "Roles exempt from the region guard (e.g. an emergency break-glass role)."
  type        = list(string)
  default     = []
}
