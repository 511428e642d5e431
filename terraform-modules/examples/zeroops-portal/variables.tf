variable "aws_region" {
  description = "Region of the production platform (the foundation's awsRegion); ZeroOps reads every environment there."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as us-east-1."
  }
}

variable "production_account_id" {
  description = "Production account: runs the portal, and ZeroOps reads its production environment."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.production_account_id))
    error_message = "production_account_id must be a 12-digit AWS account ID."
  }
}

variable "staging_account_id" {
  description = "Staging account, where ZeroOps reads staging and the pull-request environments."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.staging_account_id))
    error_message = "staging_account_id must be a 12-digit AWS account ID."
  }
}

variable "cost_account_id" {
  description = "Management (payer) account whose Cost Explorer sees every linked account."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.cost_account_id))
    error_message = "cost_account_id must be a 12-digit AWS account ID."
  }
}

variable "domain" {
  description = "Production domain of the foundation (baseDomain): the portal answers on zeroops-portal.<domain>."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a lowercase DNS name such as example.com."
  }
}

variable "image_tag" {
  description = "Tag of the portal image in ECR (the commit SHA the image workflow built); later revisions come from deployments."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))
    error_message = "image_tag must be a Docker image tag (letters, digits, _, . and -, at most 128 characters)."
  }
}

variable "github_oauth_client_id" {
  description = "Client ID of the GitHub OAuth App (or GitHub App) users sign in with; its secret goes into the backstage secret."
  type        = string

  validation {
    condition     = length(var.github_oauth_client_id) > 0
    error_message = "github_oauth_client_id must not be empty."
  }
}

variable "read_role_name" {
  description = "Role ZeroOps assumes in every account to read health and cost (plugins/zeroops-backend README, IAM)."
  type        = string
  default     = "zeroops-backstage-readonly"

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.read_role_name))
    error_message = "read_role_name must be an IAM role name."
  }
}

variable "alarm_emails" {
  description = "Platform team addresses notified of alarms and budget thresholds (each confirms its SNS subscription)."
  type        = list(string)

  validation {
    condition     = length(var.alarm_emails) >= 1 && length(var.alarm_emails) <= 10
    error_message = "Give between 1 and 10 e-mail addresses."
  }
}

variable "monthly_budget_usd" {
  description = "Monthly budget of the portal itself, in USD (README: about $100 at the example's sizing)."
  type        = number
  default     = 120

  validation {
    condition     = var.monthly_budget_usd > 0
    error_message = "monthly_budget_usd must be positive."
  }
}

variable "production_account_monthly_limit_usd" {
  description = "Budget of the whole production account (zeroops-platform-production), in USD."
  type        = number
  default     = 450

  validation {
    condition     = var.production_account_monthly_limit_usd > 0
    error_message = "production_account_monthly_limit_usd must be positive."
  }
}
