variable "service_listener_rule_slots" {
  description = "Registry of listener rule slots: service name => slot (1-100), one distinct slot per service. Each service's listener rule priorities derive from its slot (the slot itself in production and staging; for pr-<n>, a priority of the block 1000 + (slot - 1) * 490 .. + 489 that the ecs-service module claims under /zeroops/<load balancer>/listener-rule-priorities/<slot>/), so they cannot collide on this load balancer's listeners. Published as SSM parameters /zeroops/<load balancer>/listener-rule-slots/<service>."
  type        = map(number)
  default     = {}

  validation {
    condition     = alltrue([for slot in values(var.service_listener_rule_slots) : slot >= 1 && slot <= 100 && floor(slot) == slot])
    error_message = "Every listener rule slot must be an integer from 1 to 100."
  }

  validation {
    condition     = length(distinct(values(var.service_listener_rule_slots))) == length(var.service_listener_rule_slots)
    error_message = "Listener rule slots must be distinct: two services with one slot would get the same listener rule priorities."
  }
}

variable "name" {
  description = "Name of the load balancer (at most 32 characters). Defaults to zeroops-<environment>."
  type        = string
  default     = null

  validation {
    condition     = var.name == null ? true : can(regex("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$", var.name))
    error_message = "name must be at most 32 letters, digits or hyphens and must not start or end with a hyphen."
  }
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "An Application Load Balancer needs subnets in at least two availability zones."
  }
}

variable "certificate_arn" {
  description = "ACM certificate (in the load balancer's region) for the origin host names CloudFront connects to, e.g. *.origin.example.com."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "additional_certificate_arns" {
  description = "Further ACM certificates served by SNI on the HTTPS listeners."
  type        = list(string)
  default     = []
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listeners. Only TLS 1.2+ policies are accepted (CKV_AWS_103); the default allows TLS 1.3 and 1.2 with forward secrecy, which CloudFront supports as a client."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition = contains([
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS-1-2-2017-01",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
      "ELBSecurityPolicy-FS-1-2-2019-08",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    ], var.ssl_policy)
    error_message = "ssl_policy must be one of the ELB security policies that require TLS 1.2 or newer."
  }
}

variable "test_listener_port" {
  description = "Port of the HTTPS test listener that ECS blue/green deployments use to reach the new (green) tasks before production traffic shifts."
  type        = number
  default     = 8443

  validation {
    condition     = var.test_listener_port >= 1024 && var.test_listener_port <= 65535 && var.test_listener_port != 8080
    error_message = "test_listener_port must be an unprivileged port (1024-65535) other than 8080."
  }
}

variable "test_listener_allowed_cidr_blocks" {
  description = "Sources allowed on the test listener, e.g. the NAT gateway IPs (/32) so that deployment lifecycle hooks inside the VPC can call the green tasks. Empty: nobody can reach it."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.test_listener_allowed_cidr_blocks : can(cidrnetmask(c)) && c != "0.0.0.0/0"])
    error_message = "test_listener_allowed_cidr_blocks must be IPv4 CIDR blocks and must not include 0.0.0.0/0."
  }
}

variable "target_port_range" {
  description = "Ports the load balancer may connect to on targets inside the VPC (container ports and health checks)."
  type = object({
    from = number
    to   = number
  })
  default = {
    from = 1024
    to   = 65535
  }

  validation {
    condition     = var.target_port_range.from >= 1 && var.target_port_range.to <= 65535 && var.target_port_range.from <= var.target_port_range.to
    error_message = "target_port_range must satisfy 1 <= from <= to <= 65535."
  }
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion (CKV_AWS_150). Null means on in production, off elsewhere."
  type        = bool
  default     = null
}

variable "idle_timeout" {
  description = "Seconds a connection may stay idle."
  type        = number
  default     = 60

  validation {
    condition     = var.idle_timeout >= 1 && var.idle_timeout <= 4000
    error_message = "idle_timeout must be between 1 and 4000 seconds."
  }
}

variable "access_log_retention_days" {
  description = "Days access logs are kept in the S3 bucket. Null means 365 in production and 30 elsewhere."
  type        = number
  default     = null

  validation {
    condition     = var.access_log_retention_days == null ? true : var.access_log_retention_days >= 1
    error_message = "access_log_retention_days must be at least 1."
  }
}
