variable "desired_count" {
  description = "Tasks at creation; afterwards autoscaling owns the count. Null means 2 in production, 1 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.desired_count == null ? true : var.desired_count >= 0 && var.desired_count <= 100
    error_message = "desired_count must be between 0 and 100."
  }
}

variable "min_capacity" {
  description = "Autoscaling minimum. Null means 2 in production (two zones), 1 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.min_capacity == null ? true : var.min_capacity >= 0 && var.min_capacity <= 100
    error_message = "min_capacity must be between 0 and 100."
  }
}

variable "max_capacity" {
  description = "Autoscaling maximum. Null means 6 in production, 2 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.max_capacity == null ? true : var.max_capacity >= 1 && var.max_capacity <= 100
    error_message = "max_capacity must be between 1 and 100."
  }
}

variable "cpu_target_percent" {
  description = "Target average CPU utilisation for autoscaling."
  type        = number
  default     = 70

  validation {
    condition     = var.cpu_target_percent > 0 && var.cpu_target_percent <= 100
    error_message = "cpu_target_percent must be in (0, 100]."
  }
}

variable "memory_target_percent" {
  description = "Target average memory utilisation for autoscaling."
  type        = number
  default     = 80

  validation {
    condition     = var.memory_target_percent > 0 && var.memory_target_percent <= 100
    error_message = "memory_target_percent must be in (0, 100]."
  }
}

variable "requests_per_target" {
  description = "Target ALB requests per task per minute for autoscaling."
  type        = number
  default     = 1000

  validation {
    condition     = var.requests_per_target >= 1
    error_message = "requests_per_target must be at least 1."
  }
}

variable "scale_to_zero_schedule" {
  description = "Scheduled scale-to-zero (runs inside AWS, not in GitHub cron). Null means off in production and weekdays 07:00-20:00 elsewhere."
  type = object({
    stop_schedule  = string
    start_schedule = string
    timezone       = string
  })
  default = null

  validation {
    condition     = var.scale_to_zero_schedule == null ? true : can(regex("^cron\\(.+\\)$", var.scale_to_zero_schedule.stop_schedule)) && can(regex("^cron\\(.+\\)$", var.scale_to_zero_schedule.start_schedule))
    error_message = "stop_schedule and start_schedule must be Application Auto Scaling cron(...) expressions."
  }
}

variable "enable_scale_to_zero" {
  description = "Apply scale_to_zero_schedule. Null means on outside production."
  type        = bool
  default     = null
}
