variable "load_balancer_arn_suffix" {
  description = "ARN suffix of the load balancer (LoadBalancer dimension)."
  type        = string
}

variable "target_group_arn_suffixes" {
  description = "ARN suffixes of the service's target groups (blue, and green for blue/green). Alarms cover both, so they keep working whichever colour is live."
  type        = list(string)

  validation {
    condition     = length(var.target_group_arn_suffixes) >= 1 && length(var.target_group_arn_suffixes) <= 2
    error_message = "Give one or two target group ARN suffixes."
  }
}

variable "ecs_cluster_name" {
  description = "ECS cluster of the service."
  type        = string
}

variable "ecs_service_name" {
  description = "ECS service name."
  type        = string
}

variable "aurora_cluster_identifier" {
  description = "Aurora cluster of the service. Null: no database alarms."
  type        = string
  default     = null
}

variable "alb_5xx_rate_percent" {
  description = "Alarm when more than this percentage of requests end in a 5xx (target or load balancer)."
  type        = number
  default     = 5

  validation {
    condition     = var.alb_5xx_rate_percent > 0 && var.alb_5xx_rate_percent <= 100
    error_message = "alb_5xx_rate_percent must be in (0, 100]."
  }
}

variable "p99_latency_seconds" {
  description = "Alarm when the p99 target response time exceeds this (the seed's objective: 200 ms)."
  type        = number
  default     = 0.2

  validation {
    condition     = var.p99_latency_seconds > 0
    error_message = "p99_latency_seconds must be positive."
  }
}

variable "cpu_high_percent" {
  description = "Alarm when average service CPU stays above this."
  type        = number
  default     = 85

  validation {
    condition     = var.cpu_high_percent > 0 && var.cpu_high_percent <= 100
    error_message = "cpu_high_percent must be in (0, 100]."
  }
}

variable "memory_high_percent" {
  description = "Alarm when average service memory stays above this."
  type        = number
  default     = 90

  validation {
    condition     = var.memory_high_percent > 0 && var.memory_high_percent <= 100
    error_message = "memory_high_percent must be in (0, 100]."
  }
}

variable "aurora_acu_high_percent" {
  description = "Alarm when Aurora uses more than this percentage of its maximum capacity."
  type        = number
  default     = 90

  validation {
    condition     = var.aurora_acu_high_percent > 0 && var.aurora_acu_high_percent <= 100
    error_message = "aurora_acu_high_percent must be in (0, 100]."
  }
}

variable "aurora_max_connections" {
  description = "Alarm when the Aurora cluster has more connections than this."
  type        = number
  default     = 400

  validation {
    condition     = var.aurora_max_connections >= 1
    error_message = "aurora_max_connections must be at least 1."
  }
}

variable "notification_emails" {
  description = "E-mail addresses subscribed to the alarm topic (each must confirm the subscription)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.notification_emails : can(regex("^[^@\\s]+@[^@\\s]+$", e))])
    error_message = "notification_emails must be e-mail addresses."
  }
}

variable "kms_key_arn" {
  description = "KMS key of the SNS topic. Null creates a dedicated key that CloudWatch may use."
  type        = string
  default     = null
}
