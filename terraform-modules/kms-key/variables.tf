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

variable "allow_account_use" {
  description = "Let IAM principals of this account encrypt, decrypt and generate data keys with the key as far as their IAM policies allow (the statement names the account root, which delegates to IAM), or null for no such statement. sid names the statement; grant_actions adds kms:CreateGrant and kms:ListGrants for services that hold grants on the caller's behalf (RDS, ElastiCache, ECS); via_services allows the use only through these services (kms:ViaService patterns such as secretsmanager.*.amazonaws.com); additional_principal_arns names roles besides the account root."
  type = object({
    sid                       = optional(string, "AccountUse")
    grant_actions             = optional(list(string), [])
    via_services              = optional(list(string), [])
    additional_principal_arns = optional(list(string), [])
  })
  default = null

  validation {
    condition     = var.allow_account_use == null ? true : alltrue([for action in var.allow_account_use.grant_actions : contains(["kms:CreateGrant", "kms:ListGrants"], action)])
    error_message = "allow_account_use.grant_actions may only hold kms:CreateGrant and kms:ListGrants."
  }
}

variable "allow_cloudwatch_logs" {
  description = "Let CloudWatch Logs of the key's region encrypt the named log groups of this account with the key (kms:EncryptionContext:aws:logs:arn), or null for no such statement. log_group_names are names or IAM wildcard patterns; [\"*\"] is every log group of the account in the key's region."
  type = object({
    log_group_names = list(string)
  })
  default = null

  validation {
    condition     = var.allow_cloudwatch_logs == null ? true : length(var.allow_cloudwatch_logs.log_group_names) > 0 && alltrue([for name in var.allow_cloudwatch_logs.log_group_names : can(regex("^[-._/#A-Za-z0-9*?]{1,512}$", name))])
    error_message = "allow_cloudwatch_logs.log_group_names must hold at least one log group name (letters, digits, . _ - / #, and the wildcards * and ?)."
  }
}

variable "allow_cloudwatch_alarms" {
  description = "Let CloudWatch alarms of this account publish to SNS topics encrypted with the key (kms:Decrypt and kms:GenerateDataKey* for cloudwatch.amazonaws.com, aws:SourceAccount this account)."
  type        = bool
  default     = false
}

variable "policy_statements" {
  description = "Who else may use the key, after the statements of allow_account_use, allow_cloudwatch_logs and allow_cloudwatch_alarms: one statement each (least privilege: only the services and actions that need the key, scoped with conditions). Resources are always this key."
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
