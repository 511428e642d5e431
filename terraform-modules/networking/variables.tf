variable "name" {
  description = "Name of the VPC and prefix of its resources. Defaults to zeroops-<environment>."
  type        = string
  default     = null

  validation {
    condition     = var.name == null ? true : can(regex("^[a-z0-9][a-z0-9-]{0,30}$", var.name))
    error_message = "name must be at most 31 lowercase letters, digits or hyphens."
  }
}

variable "cidr_block" {
  description = "IPv4 CIDR block of the VPC. It is split into /20 subnets: public, private and database per availability zone."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.cidr_block)) && can(regex("/(8|9|1[0-6])$", var.cidr_block))
    error_message = "cidr_block must be a valid IPv4 CIDR block of /16 or larger."
  }
}

variable "az_count" {
  description = "Number of availability zones (2 or 3). Aurora and the ALB need at least 2."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "single_nat_gateway" {
  description = "Use one NAT gateway for all availability zones. Null means: one per zone in production, a single one elsewhere (about $33 a month each)."
  type        = bool
  default     = null
}

variable "interface_endpoints" {
  description = "AWS services reached through interface VPC endpoints instead of the NAT gateway. Null means all four in production (ecr.api, ecr.dkr, logs, secretsmanager) and none elsewhere, because each endpoint costs about $7 per zone a month. The S3 gateway endpoint is always created (it is free)."
  type        = list(string)
  default     = null

  validation {
    condition     = var.interface_endpoints == null ? true : alltrue([for s in var.interface_endpoints : contains(["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sts", "kms", "ssmmessages"], s)])
    error_message = "interface_endpoints may contain ecr.api, ecr.dkr, logs, secretsmanager, sts, kms and ssmmessages."
  }
}

variable "flow_log_retention_days" {
  description = "Retention of the VPC flow logs in CloudWatch Logs. Null means 365 days in production and 30 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.flow_log_retention_days == null ? true : contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be a retention period CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the flow log group. Null creates a dedicated key with rotation."
  type        = string
  default     = null
}
