variable "service" {
  description = "Service whose repository deploys with these roles (zeroops:service tag and role name prefix)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([a-z0-9-]{0,19}[a-z0-9])?$", var.service)) && !strcontains(var.service, "--")
    error_message = "service must be a lowercase DNS label (a-z, 0-9, single hyphens) of at most 21 characters."
  }
}

variable "github_org" {
  description = "GitHub organization (or user) owning the repository."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{0,38}$", var.github_org))
    error_message = "github_org must be a GitHub organization or user name (no wildcards)."
  }
}

variable "github_repository" {
  description = "Repository name (without the organization)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,100}$", var.github_repository))
    error_message = "github_repository must be a repository name (no wildcards)."
  }
}

variable "github_org_id" {
  description = "Numeric ID of the organization. With github_repository_id, also trusts the immutable subject form repo:<org>@<id>/<repo>@<id>:... that newer repositories present."
  type        = string
  default     = null

  validation {
    condition     = var.github_org_id == null ? true : can(regex("^[0-9]+$", var.github_org_id))
    error_message = "github_org_id must be numeric."
  }
}

variable "github_repository_id" {
  description = "Numeric ID of the repository (see github_org_id)."
  type        = string
  default     = null

  validation {
    condition     = var.github_repository_id == null ? true : can(regex("^[0-9]+$", var.github_repository_id))
    error_message = "github_repository_id must be numeric."
  }
}

variable "environments" {
  description = "GitHub environments that get a deploy role, with the managed policies and inline policy (JSON) the role gets. A job with `environment: <name>` presents the subject repo:<org>/<repo>:environment:<name>, which is the only one each role trusts."
  type = map(object({
    policy_arns = optional(list(string), [])
    policy_json = optional(string)
  }))

  validation {
    condition     = alltrue([for name in keys(var.environments) : can(regex("^[A-Za-z0-9_.-]{1,64}$", name))])
    error_message = "Environment names may not contain wildcards or spaces."
  }
}

variable "create_plan_role" {
  description = "Create a read-only role for `terraform plan` in pull requests (subject repo:<org>/<repo>:pull_request)."
  type        = bool
  default     = true
}

variable "state_bucket_arn" {
  description = "Terraform state bucket; the plan role may read state and write only the S3 lock files (*.tflock)."
  type        = string
  default     = null
}

variable "state_kms_key_arn" {
  description = "KMS key of the state bucket, for the plan role."
  type        = string
  default     = null
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider. There is one per account: set false and pass oidc_provider_arn for the second repository."
  type        = bool
  default     = true
}

variable "oidc_provider_arn" {
  description = "Existing GitHub OIDC provider (when create_oidc_provider is false)."
  type        = string
  default     = null
}

variable "max_session_duration" {
  description = "Maximum session length of the roles in seconds."
  type        = number
  default     = 3600

  validation {
    condition     = var.max_session_duration >= 900 && var.max_session_duration <= 43200
    error_message = "max_session_duration must be between 900 and 43200 seconds."
  }
}

variable "tags" {
  description = "Extra tags for every resource. The zeroops:service tag is always set; zeroops:environment is the role's environment."
  type        = map(string)
  default     = {}
}
