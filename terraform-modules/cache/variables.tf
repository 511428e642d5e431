variable "vpc_id" {
  description = "VPC of the cache."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the cache endpoints, in two or three availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && length(var.subnet_ids) <= 3
    error_message = "ElastiCache Serverless needs two or three subnets in different availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect to Valkey (port 6379 and the reader port 6380)."
  type        = list(string)
  default     = []
}

variable "major_engine_version" {
  description = "Valkey major version."
  type        = string
  default     = "8"

  validation {
    condition     = contains(["7", "8"], var.major_engine_version)
    error_message = "major_engine_version must be 7 or 8."
  }
}

variable "max_data_storage_gb" {
  description = "Cost cap: maximum data stored, in GB ($0.084 per GB-hour; 1 GB is about $61 a month when full). Null means 5 in production and 1 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.max_data_storage_gb == null ? true : var.max_data_storage_gb >= 1 && var.max_data_storage_gb <= 5000
    error_message = "max_data_storage_gb must be between 1 and 5000."
  }
}

variable "max_ecpu_per_second" {
  description = "Cost cap: maximum ElastiCache Processing Units per second. Null means 15000 in production and 5000 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.max_ecpu_per_second == null ? true : var.max_ecpu_per_second >= 1000 && var.max_ecpu_per_second <= 15000000
    error_message = "max_ecpu_per_second must be between 1000 and 15000000."
  }
}

variable "snapshot_retention_limit" {
  description = "Daily snapshots kept. Null means 7 in production, 1 in staging and 0 in pull-request environments."
  type        = number
  default     = null

  validation {
    condition     = var.snapshot_retention_limit == null ? true : var.snapshot_retention_limit >= 0 && var.snapshot_retention_limit <= 35
    error_message = "snapshot_retention_limit must be between 0 and 35."
  }
}

variable "daily_snapshot_time" {
  description = "Time (UTC, HH:MM) of the daily snapshot."
  type        = string
  default     = "04:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]$", var.daily_snapshot_time))
    error_message = "daily_snapshot_time must be HH:MM."
  }
}

variable "user_group_id" {
  description = "ElastiCache user group for authentication (RBAC). Null: default user."
  type        = string
  default     = null
}

variable "kms_key_arn" {
  description = "KMS key for data at rest and snapshots. Null creates a dedicated key with rotation."
  type        = string
  default     = null
}
