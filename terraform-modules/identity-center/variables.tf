variable "production_account_id" {
  description = "AWS account ID of production: developers and the platform group get ZeroOpsReadOnly there."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.production_account_id))
    error_message = "production_account_id must be a 12-digit AWS account ID."
  }
}

variable "staging_account_id" {
  description = "AWS account ID of staging, which also holds the pull-request (pr-<n>) environments: developers and the platform group get ZeroOpsDeployDebug there."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.staging_account_id))
    error_message = "staging_account_id must be a 12-digit AWS account ID."
  }
}

variable "developers_group_name" {
  description = "Display name of the Identity Center group of the service developers."
  type        = string
  default     = "zeroops-developers"

  validation {
    condition     = length(trimspace(var.developers_group_name)) > 0 && length(var.developers_group_name) <= 1024
    error_message = "developers_group_name must be a non-empty group display name of at most 1024 characters."
  }
}

variable "platform_group_name" {
  description = "Display name of the Identity Center group of the platform team."
  type        = string
  default     = "zeroops-platform"

  validation {
    condition     = length(trimspace(var.platform_group_name)) > 0 && length(var.platform_group_name) <= 1024
    error_message = "platform_group_name must be a non-empty group display name of at most 1024 characters."
  }
}

variable "break_glass_group_name" {
  description = "Display name of the Identity Center group allowed to use the emergency administrator access (keep it empty; add people only during an incident)."
  type        = string
  default     = "zeroops-break-glass"

  validation {
    condition     = length(trimspace(var.break_glass_group_name)) > 0 && length(var.break_glass_group_name) <= 1024
    error_message = "break_glass_group_name must be a non-empty group display name of at most 1024 characters."
  }
}

variable "read_only_session_duration" {
  description = "Session length of ZeroOpsReadOnly, ISO-8601 whole hours (PT1H-PT12H)."
  type        = string
  default     = "PT8H"

  validation {
    condition     = can(regex("^PT([1-9]|1[0-2])H$", var.read_only_session_duration))
    error_message = "read_only_session_duration must be PT1H to PT12H."
  }
}

variable "deploy_debug_session_duration" {
  description = "Session length of ZeroOpsDeployDebug, ISO-8601 whole hours (PT1H-PT12H)."
  type        = string
  default     = "PT4H"

  validation {
    condition     = can(regex("^PT([1-9]|1[0-2])H$", var.deploy_debug_session_duration))
    error_message = "deploy_debug_session_duration must be PT1H to PT12H."
  }
}

variable "relay_state" {
  description = "Optional console URL users land on after choosing a permission set in the access portal (e.g. the ECS console). Null: the console home."
  type        = string
  default     = null

  validation {
    condition     = var.relay_state == null ? true : can(regex("^https://", var.relay_state))
    error_message = "relay_state must be an https:// URL."
  }
}
