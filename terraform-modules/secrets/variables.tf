variable "secrets" {
  description = "Secrets to create, by name. Values are never passed through Terraform (they would land in the state): put them with `aws secretsmanager put-secret-value` or let the rotation function create them."
  type = map(object({
    description         = string
    rotation_lambda_arn = optional(string)
    rotation_days       = optional(number, 30)
  }))

  validation {
    condition     = alltrue([for name in keys(var.secrets) : can(regex("^[a-z0-9][a-z0-9_-]{0,63}$", name))])
    error_message = "Secret names must be lowercase letters, digits, hyphens and underscores."
  }

  # Rotation at least every 90 days (CKV_AWS_304), enforced here for every secret.
  validation {
    condition     = alltrue([for s in values(var.secrets) : s.rotation_days >= 1 && s.rotation_days <= 90])
    error_message = "rotation_days must be between 1 and 90."
  }
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can be restored. 0 deletes immediately, so a pull-request environment can be destroyed and recreated with the same names. Null means 0 for pr-<n> and 30 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.recovery_window_in_days == null ? true : var.recovery_window_in_days == 0 || (var.recovery_window_in_days >= 7 && var.recovery_window_in_days <= 30)
    error_message = "recovery_window_in_days must be 0 or between 7 and 30."
  }
}

variable "replica_regions" {
  description = "Regions the secrets are replicated to for disaster recovery."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for r in var.replica_regions : can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", r))])
    error_message = "replica_regions must be AWS region names such as us-west-2."
  }
}

variable "reader_role_arns" {
  description = "IAM roles (e.g. the ECS execution role) allowed by the key policy to decrypt the secrets. Their own IAM policy must allow it too."
  type        = list(string)
  default     = []
}

variable "kms_key_arn" {
  description = "KMS key for the secrets (CKV_AWS_149). Null creates a dedicated key with rotation."
  type        = string
  default     = null
}
