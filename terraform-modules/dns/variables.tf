variable "zone_id" {
  description = "Route 53 hosted zone that holds the records."
  type        = string
}

variable "alias_records" {
  description = "Alias records by key: name (fully qualified), target DNS name and hosted zone (CloudFront: Z2FDTNDATAQYW2, or the load balancer's zone_id). Each gets an A and an AAAA record unless ipv6 is false."
  type = map(object({
    name                   = string
    target_dns_name        = string
    target_zone_id         = string
    evaluate_target_health = optional(bool, false)
    ipv6                   = optional(bool, true)
  }))
  default = {}
}

variable "records" {
  description = "Plain records by key (e.g. TXT or CNAME)."
  type = map(object({
    name   = string
    type   = string
    ttl    = optional(number, 300)
    values = list(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for r in values(var.records) : contains(["A", "AAAA", "CNAME", "TXT", "MX", "CAA", "NS", "SRV"], r.type)])
    error_message = "Record types must be A, AAAA, CNAME, TXT, MX, CAA, NS or SRV."
  }
}

variable "health_checks" {
  description = "HTTPS health checks by key, e.g. the service's public /health endpoint. Each gets a CloudWatch alarm <service>-<environment>-health-<key> in us-east-1, where Route 53 publishes its metrics."
  type = map(object({
    fqdn              = string
    resource_path     = optional(string, "/health")
    port              = optional(number, 443)
    failure_threshold = optional(number, 3)
    request_interval  = optional(number, 30)
    regions           = optional(list(string), ["us-east-1", "us-west-2", "eu-west-1"])
  }))
  default = {}

  validation {
    condition     = alltrue([for h in values(var.health_checks) : contains([10, 30], h.request_interval) && h.failure_threshold >= 1 && h.failure_threshold <= 10])
    error_message = "request_interval must be 10 or 30 seconds and failure_threshold between 1 and 10."
  }
}

variable "alarm_topic_arn" {
  description = "SNS topic (in us-east-1) notified when a health check fails. Null: health checks without alarms."
  type        = string
  default     = null
}
