variable "cluster_name" {
  description = "ECS cluster. Null means zeroops-production, zeroops-staging or zeroops-ephemeral for pr-<n>."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "VPC of the service."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets for the tasks; tasks never get a public IP."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Give private subnets in at least two availability zones."
  }
}

variable "load_balancer_security_group_id" {
  description = "Security group of the load balancer; the only source allowed to reach the container port."
  type        = string
}

variable "load_balancer_arn_suffix" {
  description = "ARN suffix of the load balancer, for request-count autoscaling. Null disables the requests-per-target policy."
  type        = string
  default     = null
}

variable "production_listener_arn" {
  description = "HTTPS listener that carries production traffic."
  type        = string
}

variable "test_listener_arn" {
  description = "HTTPS test listener used during blue/green deployments. Null: no test traffic route."
  type        = string
  default     = null
}

variable "host_headers" {
  description = "Host names routed to this service by the listener rules (the origin names CloudFront uses)."
  type        = list(string)

  validation {
    condition     = length(var.host_headers) >= 1 && length(var.host_headers) <= 3
    error_message = "Give one to three host names."
  }
}

variable "path_patterns" {
  description = "Path patterns routed to this service."
  type        = list(string)
  default     = ["/*"]

  validation {
    condition     = length(var.path_patterns) >= 1 && length(var.path_patterns) <= 2
    error_message = "Give one or two path patterns (a listener rule accepts five condition values in total)."
  }
}

variable "listener_rule_slot" {
  description = "The service's slot in the platform's listener rule registry (load-balancer module service_listener_rule_slots), 1-100. Priorities derive from it: the slot in production and staging; for pr-<n>, a priority of the block 1000 + (slot - 1) * 490 .. + 489 claimed in SSM under /zeroops/<load balancer>/listener-rule-priorities/<slot>/ (README \"Listener rule priorities\")."
  type        = number

  validation {
    condition     = var.listener_rule_slot >= 1 && var.listener_rule_slot <= 100 && floor(var.listener_rule_slot) == var.listener_rule_slot
    error_message = "listener_rule_slot must be an integer from 1 to 100 (the service's slot in the foundation's registry)."
  }
}

variable "origin_verify_header" {
  description = "Secret header CloudFront adds to origin requests; when set, the listener rules only match requests that carry it, so the load balancer cannot be used without CloudFront."
  type = object({
    name  = string
    value = string
  })
  default   = null
  sensitive = true
}

variable "image" {
  description = "Container image for the first task definition revision. Later revisions come from the deploy workflow, which Terraform does not override."
  type        = string
}

variable "container_port" {
  description = "Port the container listens on."
  type        = number
  default     = 8080

  validation {
    condition     = var.container_port >= 1024 && var.container_port <= 65535
    error_message = "container_port must be an unprivileged port (1024-65535): the container runs as a non-root user."
  }
}

variable "container_user" {
  description = "User (uid:gid) the container runs as. Root is not allowed."
  type        = string
  default     = "1000:1000"

  validation {
    condition     = !contains(["0", "root", "0:0", "root:root"], var.container_user) && !startswith(var.container_user, "0:") && !startswith(var.container_user, "root:")
    error_message = "container_user must not be root."
  }
}

variable "cpu" {
  description = "Task CPU units (256 = 0.25 vCPU)."
  type        = number
  default     = 256

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be one of the Fargate sizes: 256, 512, 1024, 2048, 4096, 8192 or 16384."
  }
}

variable "memory" {
  description = "Task memory in MiB; must be a valid Fargate combination with cpu."
  type        = number
  default     = 512

  validation {
    condition     = var.memory >= 512 && var.memory <= 122880
    error_message = "memory must be between 512 and 122880 MiB."
  }
}

variable "cpu_architecture" {
  description = "CPU architecture of the task. FARGATE_SPOT runs X86_64 only, so ARM64 implies on-demand Fargate."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "use_fargate_spot" {
  description = "Run on FARGATE_SPOT. Null means on-demand FARGATE in production, FARGATE_SPOT elsewhere (X86_64 only)."
  type        = bool
  default     = null
}

variable "health_check_path" {
  description = "HTTP path the target groups probe."
  type        = string
  default     = "/health"

  validation {
    condition     = startswith(var.health_check_path, "/")
    error_message = "health_check_path must start with /."
  }
}

variable "health_check_grace_period_seconds" {
  description = "Seconds ECS ignores failing load balancer health checks after a task starts."
  type        = number
  default     = 30

  validation {
    condition     = var.health_check_grace_period_seconds >= 0 && var.health_check_grace_period_seconds <= 2147483647
    error_message = "health_check_grace_period_seconds must not be negative."
  }
}

variable "environment_variables" {
  description = "Plain environment variables of the container. Never put secrets here: use secrets."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variables injected from Secrets Manager at task start: name => secret ARN (optionally ARN:json-key::)."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.secrets) : can(regex("^arn:aws[a-z-]*:secretsmanager:", arn))])
    error_message = "Every secret must be a Secrets Manager secret ARN."
  }
}

variable "secrets_kms_key_arns" {
  description = "KMS keys that encrypt the secrets; the execution role may decrypt with them."
  type        = list(string)
  default     = []
}

variable "deployment_strategy" {
  description = "BLUE_GREEN (native ECS blue/green with a test listener and bake time) or ROLLING (with circuit breaker). Null means BLUE_GREEN in production, ROLLING elsewhere."
  type        = string
  default     = null

  validation {
    condition     = var.deployment_strategy == null ? true : contains(["BLUE_GREEN", "ROLLING"], var.deployment_strategy)
    error_message = "deployment_strategy must be BLUE_GREEN or ROLLING."
  }
}

variable "bake_time_in_minutes" {
  description = "Blue/green: minutes both revisions keep running after the traffic shift, so that alarms can still roll back."
  type        = number
  default     = 10

  validation {
    condition     = var.bake_time_in_minutes >= 0 && var.bake_time_in_minutes <= 1440
    error_message = "bake_time_in_minutes must be between 0 and 1440."
  }
}

variable "lifecycle_hooks" {
  description = "Blue/green lifecycle hooks (e.g. a Lambda that runs smoke tests against the test listener in POST_TEST_TRAFFIC_SHIFT)."
  type = list(object({
    hook_target_arn  = string
    role_arn         = string
    lifecycle_stages = list(string)
  }))
  default = []

  validation {
    condition = alltrue(flatten([for h in var.lifecycle_hooks : [for s in h.lifecycle_stages : contains([
      "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT",
    ], s)]]))
    error_message = "lifecycle_stages must be ECS blue/green lifecycle stages such as POST_TEST_TRAFFIC_SHIFT."
  }
}

variable "deployment_alarm_names" {
  description = "CloudWatch alarms that roll a deployment back automatically when they fire (the monitoring module's deployment_alarm_names)."
  type        = list(string)
  default     = []
}

variable "enable_execute_command" {
  description = "Allow ECS Exec into the containers (sessions are logged by the cluster). Null means off in production, on elsewhere."
  type        = bool
  default     = null
}

variable "task_role_policy_json" {
  description = "Extra IAM policy (JSON) for what the application itself may do in AWS. Wildcard actions are rejected by the policy tests."
  type        = string
  default     = null
}

variable "vpc_egress_ports" {
  description = "TCP ports the tasks may open to addresses inside the VPC (PostgreSQL, Valkey). HTTPS to anywhere is always allowed for AWS APIs."
  type        = list(number)
  default     = [5432, 6379]

  validation {
    condition     = alltrue([for p in var.vpc_egress_ports : p >= 1 && p <= 65535])
    error_message = "vpc_egress_ports must be TCP ports (1-65535)."
  }
}

variable "log_retention_days" {
  description = "Retention of the application log group. Null means 365 days in production and 30 elsewhere (7 for pull-request environments)."
  type        = number
  default     = null

  validation {
    condition     = var.log_retention_days == null ? true : contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention period CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "kms_key_arn" {
  description = "KMS key for the log group (and the ECR repository). Null creates a dedicated key with rotation."
  type        = string
  default     = null
}

variable "create_ecr_repository" {
  description = "Create the ECR repository <service> (immutable tags, scan on push, KMS). Create it once, in the account that builds images."
  type        = bool
  default     = false
}

variable "ecr_pull_account_ids" {
  description = "Other AWS accounts allowed to pull from the ECR repository (e.g. staging pulls the image production runs)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.ecr_pull_account_ids : can(regex("^[0-9]{12}$", a))])
    error_message = "ecr_pull_account_ids must be 12-digit AWS account IDs."
  }
}
