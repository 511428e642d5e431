locals {
  alias_records = merge([
    for key, r in var.alias_records : merge(
      { "${key}-a" = merge(r, { type = "A" }) },
      r.ipv6 ? { "${key}-aaaa" = merge(r, { type = "AAAA" }) } : {},
    )
  ]...)
}

resource "aws_route53_record" "alias" {
  for_each = local.alias_records

  zone_id = var.zone_id
  name    = each.value.name
  type    = each.value.type

  alias {
    name                   = each.value.target_dns_name
    zone_id                = each.value.target_zone_id
    evaluate_target_health = each.value.evaluate_target_health
  }
}

resource "aws_route53_record" "this" {
  for_each = var.records

  zone_id = var.zone_id
  name    = each.value.name
  type    = each.value.type
  ttl     = each.value.ttl
  records = each.value.values
}

resource "aws_route53_health_check" "this" {
  for_each = var.health_checks

  type              = "HTTPS"
  fqdn              = each.value.fqdn
  port              = each.value.port
  resource_path     = each.value.resource_path
  failure_threshold = each.value.failure_threshold
  request_interval  = each.value.request_interval
  regions           = each.value.regions
  enable_sni        = true
  measure_latency   = false

  tags = merge(local.tags, { Name = "${var.service}-${var.environment}-${each.key}" })
}

# Route 53 publishes health check metrics in us-east-1 only.
resource "aws_cloudwatch_metric_alarm" "health_check" {
  for_each = var.alarm_topic_arn != null ? var.health_checks : {}

  region              = "us-east-1"
  alarm_name          = "${var.service}-${var.environment}-health-${each.key}"
  alarm_description   = "Route 53 health check of ${each.value.fqdn}${each.value.resource_path} is failing"
  namespace           = "AWS/Route53"
  metric_name         = "HealthCheckStatus"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]

  dimensions = {
    HealthCheckId = aws_route53_health_check.this[each.key].id
  }

  tags = local.tags
}
