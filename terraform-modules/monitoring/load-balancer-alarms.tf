# ---------------------------------------------------------------------------------------------
# Load balancer alarms (also used for automatic deployment rollback): each is an expression over
# one or two metrics of every target group, so it sees the live colour whichever it is.
# ---------------------------------------------------------------------------------------------

locals {
  # The metric ids of every target group for a query id prefix: e0, e1, ...
  target_group_ids   = { for prefix in ["e", "r", "l", "u"] : prefix => [for tg in local.target_groups : "${prefix}${tg.index}"] }
  target_groups_fill = { for prefix, ids in local.target_group_ids : prefix => join(", ", [for id in ids : "FILL(${id}, 0)"]) }

  # By alarm name suffix; metrics by query id prefix (one query per target group).
  load_balancer_alarms = {
    alb-5xx = {
      description         = "More than ${var.alb_5xx_rate_percent}% of ${var.service} requests in ${var.environment} end in a 5xx"
      threshold           = var.alb_5xx_rate_percent
      evaluation_periods  = 3
      datapoints_to_alarm = 2
      expression          = "100 * SUM([${local.target_groups_fill.e}]) / SUM([${local.target_groups_fill.r}])"
      expression_id       = "rate"
      label               = "5xx rate (%)"
      metrics = {
        e = { metric_name = "HTTPCode_Target_5XX_Count", stat = "Sum" }
        r = { metric_name = "RequestCount", stat = "Sum" }
      }
    }
    p99-latency = {
      description         = "p99 response time of ${var.service} in ${var.environment} is above ${var.p99_latency_seconds * 1000} ms"
      threshold           = var.p99_latency_seconds
      evaluation_periods  = 5
      datapoints_to_alarm = 3
      expression          = "MAX([${join(", ", local.target_group_ids.l)}])"
      expression_id       = "p99"
      label               = "p99 target response time (s)"
      metrics = {
        l = { metric_name = "TargetResponseTime", stat = "p99" }
      }
    }
    unhealthy-hosts = {
      description         = "${var.service} in ${var.environment} has unhealthy targets"
      threshold           = 0
      evaluation_periods  = 3
      datapoints_to_alarm = 3
      expression          = "MAX([${local.target_groups_fill.u}])"
      expression_id       = "unhealthy"
      label               = "Unhealthy targets"
      metrics = {
        u = { metric_name = "UnHealthyHostCount", stat = "Maximum" }
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "load_balancer" {
  for_each = local.load_balancer_alarms

  alarm_name          = "${local.prefix}-${each.key}"
  alarm_description   = each.value.description
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = each.value.expression_id
    expression  = each.value.expression
    label       = each.value.label
    return_data = true
  }

  dynamic "metric_query" {
    for_each = flatten([
      for prefix, metric in each.value.metrics : [
        for tg in local.target_groups : merge(metric, { id = "${prefix}${tg.index}", dimensions = local.tg_dimensions[tg.index] })
      ]
    ])

    content {
      id = metric_query.value.id

      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = metric_query.value.metric_name
        period      = 60
        stat        = metric_query.value.stat
        dimensions  = metric_query.value.dimensions
      }
    }
  }

  tags = local.tags
}
