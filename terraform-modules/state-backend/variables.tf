variable "bucket_name" {
  description = "Name of the state bucket. Null means zeroops-tfstate-<account id>-<region>."
  type        = string
  default     = null

  validation {
    condition     = var.bucket_name == null ? true : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name."
  }
}

variable "noncurrent_version_retention_days" {
  description = "Days old state versions are kept (they are the undo history of every apply)."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_version_retention_days >= 30
    error_message = "Keep old state versions at least 30 days."
  }
}

variable "replica_region" {
  description = "Region of the cross-region replica bucket (the seed's state backup). Null: no replication."
  type        = string
  default     = null

  validation {
    condition     = var.replica_region == null ? true : can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.replica_region))
    error_message = "replica_region must be an AWS region name such as us-west-2."
  }
}
