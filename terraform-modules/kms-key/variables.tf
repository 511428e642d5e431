variable "description" {
  description = "What the key encrypts, shown in the KMS console (e.g. \"payments-api-production logs and images\")."
  type        = string
}

variable "alias" {
  description = "Alias name without the alias/ prefix (e.g. payments-api-production-service), or null for no alias."
  type        = string
  default     = null

  validation {
    condition     = var.alias == null || can(regex("^[a-zA-Z0-9/_-]{1,250}$", var.alias))
    error_message = "alias must be 1 to 250 letters, digits, slashes, underscores or hyphens, without the alias/ prefix."
  }
}

variable "deletion_window_in_days" {
  description = "Days a deleted key can still be recovered: 7 for pull-request environments, 30 elsewhere (data encrypted with a deleted key is lost)."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "deletion_window_in_days must be between 7 and 30."
  }
}

variable "region" {
  description = "Region of the key (AWS provider 6 per-resource region), or null for the provider's region."
  type        = string
  default     = null

  validation {
    condition     = var.region == null || can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-east-1."
  }
}

variable "multi_region" {
  description = "Create a multi-Region primary key, for replica keys in other regions (aws_kms_replica_key)."
  type        = bool
  default     = false
}

variable "allow_replication" {
  description = "Let the account's administrators replicate the key (kms:ReplicateKey in the administration statement)."
  type        = bool
  default     = false
}

variable "policy_statements" {
  description = "Who may use the key, after the account's administration statement: one statement each (least privilege: only the services and actions that need the key, scoped with conditions). Resources are always this key."
  type = list(object({
    sid     = string
    actions = list(string)
    principals = object({
      type        = string
      identifiers = list(string)
    })
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.policy_statements : contains(["AWS", "Service"], s.principals.type)])
    error_message = "policy_statements principals.type must be AWS or Service."
  }
}

variable "tags" {
  description = "Tags of the key, including the cost-allocation tags zeroops:service and zeroops:environment."
  type        = map(string)
  default     = {}
}
