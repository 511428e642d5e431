# ---------------------------------------------------------------------------------------------
# Load balancer alarms (also used for automatic deployment rollback).
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "alb_5xx" {
  alarm_name          = "${local.prefix}-alb-5xx"
  alarm_description   = "More than ${var.alb_5xx_rate_percent}% of ${var.service} requests in ${var.environment} end in a 5xx"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alb_5xx_rate_percent
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = "rate"
    expression  = "100 * SUM([${join(", ", [for tg in local.target_groups : "FILL(e${tg.index}, 0)"])}]) / SUM([${join(", ", [for tg in local.target_groups : "FILL(r${tg.index}, 0)"])}])"
    label       = "5xx rate (%)"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.target_groups

    content {
      id = "e${metric_query.value.index}"

      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = "HTTPCode_Target_5XX_Count"
        period      = 60
        stat        = "Sum"
        dimensions  = local.tg_dimensions[metric_query.value.index]
      }
    }
  }

  dynamic "metric_query" {
    for_each = local.target_groups

    content {
      id = "r${metric_query.value.index}"

      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = "RequestCount"
        period      = 60
        stat        = "Sum"
        dimensions  = local.tg_dimensions[metric_query.value.index]
      }
    }
  }

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "p99_latency" {
  alarm_name          = "${local.prefix}-p99-latency"
  alarm_description   = "p99 response time of ${var.service} in ${var.environment} is above ${var.p99_latency_seconds * 1000} ms"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.p99_latency_seconds
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = "p99"
    expression  = "MAX([${join(", ", [for tg in local.target_groups : "l${tg.index}"])}])"
    label       = "p99 target response time (s)"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.target_groups

    content {
      id = "l${metric_query.value.index}"

      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = "TargetResponseTime"
        period      = 60
        stat        = "p99"
        dimensions  = local.tg_dimensions[metric_query.value.index]
      }
    }
  }

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_hosts" {
  alarm_name          = "${local.prefix}-unhealthy-hosts"
  alarm_description   = "${var.service} in ${var.environment} has unhealthy targets"
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = "unhealthy"
    expression  = "MAX([${join(", ", [for tg in local.target_groups : "FILL(u${tg.index}, 0)"])}])"
    label       = "Unhealthy targets"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.target_groups

    content {
      id = "u${metric_query.value.index}"

      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = "UnHealthyHostCount"
        period      = 60
        stat        = "Maximum"
        dimensions  = local.tg_dimensions[metric_query.value.index]
      }
    }
  }

  tags = local.tags
}
