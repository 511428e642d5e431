variable "platform_monthly_limit_usd" {
  description = "Monthly budget of the whole platform in USD (the seed's target is 500)."
  type        = number
  default     = 500

  validation {
    condition     = var.platform_monthly_limit_usd > 0
    error_message = "platform_monthly_limit_usd must be positive."
  }
}

variable "linked_account_ids" {
  description = "Accounts whose costs count towards the platform budget (empty: the account the budget is created in, or all accounts of the organization from the payer account)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.linked_account_ids : can(regex("^[0-9]{12}$", a))])
    error_message = "linked_account_ids must be 12-digit AWS account IDs."
  }
}

variable "service_budgets" {
  description = "Monthly budget in USD per service, filtered by the cost-allocation tag zeroops:service."
  type        = map(number)
  default     = {}

  validation {
    condition     = alltrue([for name, amount in var.service_budgets : can(regex("^[a-z]([a-z0-9-]{0,18}[a-z0-9])?$", name)) && amount > 0])
    error_message = "Keys must be service names and amounts must be positive."
  }
}

variable "alert_thresholds_percent" {
  description = "Percentages of the budget that trigger a notification on actual spend (the seed: 50, 80, 95). A forecast above 100 % is always notified."
  type        = list(number)
  default     = [50, 80, 95]

  validation {
    condition     = length(var.alert_thresholds_percent) >= 1 && alltrue([for t in var.alert_thresholds_percent : t > 0 && t <= 1000])
    error_message = "Give at least one threshold between 0 and 1000 percent."
  }
}

variable "notification_emails" {
  description = "E-mail addresses notified (at most 10)."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.notification_emails) <= 10
    error_message = "AWS Budgets accepts at most 10 e-mail subscribers."
  }
}

variable "notification_topic_arns" {
  description = "SNS topics notified (e.g. a chat integration)."
  type        = list(string)
  default     = []
}

variable "activate_cost_allocation_tags" {
  description = "Activate zeroops:service and zeroops:environment as cost-allocation tags (only possible in the payer account, and only after the tags have appeared on resources). Cost Explorer groups by them afterwards."
  type        = bool
  default     = true
}
