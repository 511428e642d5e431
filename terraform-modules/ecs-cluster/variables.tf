variable "cluster_name" {
  description = "Name of the ECS cluster. Defaults to zeroops-<environment>, the name the ZeroOps backend plugin and the deploy workflows expect."
  type        = string
  default     = null

  validation {
    condition     = var.cluster_name == null ? true : can(regex("^[a-zA-Z0-9_-]{1,255}$", var.cluster_name))
    error_message = "cluster_name may contain letters, digits, hyphens and underscores (at most 255)."
  }
}

variable "container_insights" {
  description = "Container Insights mode: enabled, or enhanced (per-task metrics, costs more). Disabling it is not offered (CKV_AWS_65)."
  type        = string
  default     = "enabled"

  validation {
    condition     = contains(["enabled", "enhanced"], var.container_insights)
    error_message = "container_insights must be enabled or enhanced."
  }
}

variable "use_fargate_spot" {
  description = "Default capacity provider strategy prefers FARGATE_SPOT (interruptible, much cheaper). Null means: on-demand FARGATE in production, FARGATE_SPOT elsewhere."
  type        = bool
  default     = null
}

variable "log_retention_days" {
  description = "Retention of the ECS Exec session log group. Null means 365 days in production and 30 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.log_retention_days == null ? true : contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention period CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "kms_key_arn" {
  description = "KMS key for ECS Exec sessions and their logs. Null creates a dedicated key with rotation."
  type        = string
  default     = null
}
