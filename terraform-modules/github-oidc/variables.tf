variable "service" {
  description = "Service whose repository deploys with these roles (zeroops:service tag and role name prefix)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([a-z0-9-]{0,19}[a-z0-9])?$", var.service)) && !strcontains(var.service, "--")
    error_message = "service must be a lowercase DNS label (a-z, 0-9, single hyphens) of at most 21 characters."
  }

  # Reserved names, as RESERVED_SERVICE_NAME_RULES in plugins/zeroops-common/src/naming (a test
  # keeps both in step): the platform's resources, roles and state keys are zeroops-... and
  # platform/..., "shared" owns the shared data stores, S3 rejects sthree- and amzn-s3-demo-.
  validation {
    condition     = var.platform_repository || !can(regex("^(zeroops(-|$)|platform$|shared$|sthree-|amzn-s3-demo-)", var.service))
    error_message = "service must not be zeroops, zeroops-*, platform, shared, sthree-* or amzn-s3-demo-*: those names are reserved."
  }

  # Deploy policies match "<service>-<environment>-*" and "<service>-pr-*": a service whose name
  # contained an environment word (payments-staging, orders-pr) would fall into another's patterns.
  validation {
    condition     = !can(regex("(^|-)(production|staging|ephemeral|pr)(-|$)", var.service))
    error_message = "service must not contain production, staging, ephemeral or pr as a hyphen-separated word (deploy policy patterns would match another service)."
  }
}

variable "platform_repository" {
  description = "The platform's own repository (foundation template): its roles may use a reserved name and get only the policies given in environments."
  type        = bool
  default     = false
}

variable "deploy_scope" {
  description = "Where a service repository deploys. When set, each role of environments (production, staging or ephemeral, the pull-request role) gets the least-privilege deploy policy of that environment, scoped to this service's names, tags and Terraform state (see the README). Null for the platform's own repository."
  type = object({
    account_id        = string
    region            = string
    state_bucket_arn  = string
    state_kms_key_arn = string
  })
  default = null

  validation {
    condition     = var.deploy_scope == null ? true : can(regex("^[0-9]{12}$", var.deploy_scope.account_id)) && can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.deploy_scope.region))
    error_message = "deploy_scope needs a 12-digit account_id and an AWS region name."
  }

  validation {
    condition     = var.deploy_scope == null ? true : can(regex("^arn:[a-z-]+:s3:::[a-z0-9.-]+$", var.deploy_scope.state_bucket_arn)) && can(regex("^arn:[a-z-]+:kms:", var.deploy_scope.state_kms_key_arn))
    error_message = "deploy_scope.state_bucket_arn must be a bucket ARN (no wildcard) and state_kms_key_arn a KMS key ARN."
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

  # A service repository's roles get the generated least-privilege policy and nothing broader.
  validation {
    condition = var.deploy_scope == null ? true : alltrue([
      for name, config in var.environments :
      contains(["production", "staging", "ephemeral"], name) && length(config.policy_arns) == 0 && config.policy_json == null
    ])
    error_message = "With deploy_scope, environments must be production, staging or ephemeral and carry no policy_arns or policy_json."
  }
}

variable "partition" {
  description = "AWS partition of the deploy policies' ARNs (aws, aws-cn, aws-us-gov)."
  type        = string
  default     = "aws"

  validation {
    condition     = contains(["aws", "aws-cn", "aws-us-gov"], var.partition)
    error_message = "partition must be aws, aws-cn or aws-us-gov."
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
