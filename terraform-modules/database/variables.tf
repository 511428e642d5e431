variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Database subnets (no internet route) in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "Aurora needs subnets in at least two availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups (e.g. the ECS service's) allowed to connect on the PostgreSQL port. Nothing else can."
  type        = list(string)
  default     = []
}

variable "engine_version" {
  description = "Aurora PostgreSQL version. Scale to 0 ACU needs 13.15, 14.12, 15.7, 16.3 or later. Upgrade major versions with RDS Blue/Green Deployments (see README)."
  type        = string
  default     = "16.6"

  validation {
    condition     = can(regex("^1[3-7]\\.[0-9]+$", var.engine_version))
    error_message = "engine_version must be an Aurora PostgreSQL version such as 16.6."
  }
}

variable "database_name" {
  description = "Name of the initial database."
  type        = string
  default     = "app"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.database_name))
    error_message = "database_name must start with a letter and contain lowercase letters, digits and underscores."
  }
}

variable "master_username" {
  description = "Master user name. Its password is generated and rotated by RDS in Secrets Manager; applications should use IAM authentication or their own users."
  type        = string
  default     = "zeroops_admin"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,15}$", var.master_username)) && !contains(["postgres", "admin", "rdsadmin"], var.master_username)
    error_message = "master_username must be 1-16 lowercase letters, digits or underscores, start with a letter and not be a reserved name."
  }
}

variable "min_capacity" {
  description = "Minimum Aurora capacity units. Null means 0.5 in production and 0 (auto-pause) elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.min_capacity == null ? true : var.min_capacity >= 0 && var.min_capacity <= 256
    error_message = "min_capacity must be between 0 and 256 ACU."
  }
}

variable "max_capacity" {
  description = "Maximum Aurora capacity units (cost cap). Null means 8 in production and 2 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.max_capacity == null ? true : var.max_capacity >= 1 && var.max_capacity <= 256
    error_message = "max_capacity must be between 1 and 256 ACU."
  }
}

variable "seconds_until_auto_pause" {
  description = "Idle seconds before a 0-ACU cluster pauses (connection pools that stay open prevent pausing)."
  type        = number
  default     = 600

  validation {
    condition     = var.seconds_until_auto_pause >= 300 && var.seconds_until_auto_pause <= 86400
    error_message = "seconds_until_auto_pause must be between 300 and 86400."
  }
}

variable "instance_count" {
  description = "Aurora instances (writer + readers). Null means 2 in production (failover to another zone in about a minute) and 1 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.instance_count == null ? true : var.instance_count >= 1 && var.instance_count <= 15
    error_message = "instance_count must be between 1 and 15."
  }
}

variable "backup_retention_days" {
  description = "Days of point-in-time recovery. Null means 35 in production, 7 in staging and 1 in pull-request environments."
  type        = number
  default     = null

  validation {
    condition     = var.backup_retention_days == null ? true : var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 1 and 35."
  }
}

variable "deletion_protection" {
  description = "Protect the cluster from deletion. Null means on in production and staging, off in pull-request environments."
  type        = bool
  default     = null
}

variable "performance_insights" {
  description = "Performance Insights on the instances (KMS-encrypted, 7 days free retention). Null means on in production."
  type        = bool
  default     = null
}

variable "enable_blue_green_upgrades" {
  description = "Turn on logical replication (rds.logical_replication = 1), which RDS Blue/Green Deployments need for engine upgrades. It is a static parameter, so set it before the first upgrade. Null means on in production."
  type        = bool
  default     = null
}

variable "disaster_recovery" {
  description = <<-EOT
    Cross-region disaster recovery:
    - mode "none";
    - mode "backup-copy": AWS Backup copies hourly snapshots to the DR region (RPO about 1 hour, restore takes longer than 15 minutes);
    - mode "global": Aurora global database with a secondary cluster in the DR region (RPO under a second, managed failover in minutes: meets RPO 5 min / RTO 15 min). Global clusters cannot use RDS-managed master passwords, so master_password must be given.
    region, subnet_ids and security_group_ids describe the DR region's network (global mode).
  EOT
  type = object({
    mode               = string
    region             = optional(string)
    subnet_ids         = optional(list(string), [])
    security_group_ids = optional(list(string), [])
  })
  default = {
    mode = "none"
  }

  validation {
    condition     = contains(["none", "backup-copy", "global"], var.disaster_recovery.mode) && (var.disaster_recovery.mode == "none" || var.disaster_recovery.region != null)
    error_message = "disaster_recovery.mode must be none, backup-copy or global; the last two need a region."
  }

  validation {
    condition     = var.disaster_recovery.mode != "global" || length(var.disaster_recovery.subnet_ids) >= 2
    error_message = "Global mode needs at least two subnets in the DR region."
  }
}

variable "master_password" {
  description = "Master password, only for disaster_recovery.mode = global (RDS cannot manage the password of a global cluster). It is written with a write-only argument and never stored in state."
  type        = string
  default     = null
  sensitive   = true
  ephemeral   = true

  validation {
    condition     = var.master_password == null ? var.disaster_recovery.mode != "global" : length(var.master_password) >= 16
    error_message = "master_password is required in disaster_recovery.mode = global and must have at least 16 characters."
  }
}

variable "master_password_version" {
  description = "Increment to rotate master_password (global mode)."
  type        = number
  default     = 1

  validation {
    condition     = var.master_password_version >= 1 && floor(var.master_password_version) == var.master_password_version
    error_message = "master_password_version must be a positive integer."
  }
}

variable "kms_key_arn" {
  description = "KMS key for storage, snapshots, Performance Insights and the master secret. Null creates a dedicated key with rotation."
  type        = string
  default     = null
}

variable "preferred_backup_window" {
  description = "Daily backup window (UTC)."
  type        = string
  default     = "03:00-04:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_backup_window))
    error_message = "preferred_backup_window must look like 03:00-04:00 (UTC)."
  }
}

variable "preferred_maintenance_window" {
  description = "Weekly maintenance window (UTC)."
  type        = string
  default     = "sun:04:30-sun:05:30"

  validation {
    condition     = can(regex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_maintenance_window))
    error_message = "preferred_maintenance_window must look like sun:04:30-sun:05:30 (UTC)."
  }
}
