data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  is_ephemeral = startswith(var.environment, "pr-")
  prefix       = "${var.service}-${var.environment}"
  kms_key_arn  = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn
  actions      = [aws_sns_topic.alarms.arn]

  # One metric per target group, so alarms see the live colour whichever it is.
  target_groups = [for i, suffix in var.target_group_arn_suffixes : { index = i, suffix = suffix }]
  tg_dimensions = [for tg in local.target_groups : { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = tg.suffix }]

  tags = merge(var.tags, {
    "zeroops:service"     = var.service
    "zeroops:environment" = var.environment
  })
}

# ---------------------------------------------------------------------------------------------
# Notification topic, encrypted with a key CloudWatch alarms may use.
# ---------------------------------------------------------------------------------------------

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.prefix} alarm notifications"
  alias                   = "${local.prefix}-alarms"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  policy_statements = [
    {
      sid        = "CloudWatchAlarmsPublish"
      actions    = ["kms:Decrypt", "kms:GenerateDataKey*"]
      principals = { type = "Service", identifiers = ["cloudwatch.amazonaws.com"] }
      conditions = [
        { test = "StringEquals", variable = "aws:SourceAccount", values = [data.aws_caller_identity.current.account_id] },
      ]
    },
  ]

  tags = local.tags
}

# Keys created before the kms-key module move into it instead of being replaced (a new key
# could not decrypt what the old one encrypted).
moved {
  from = aws_kms_key.this[0]
  to   = module.kms[0].aws_kms_key.this
}

moved {
  from = aws_kms_alias.this[0]
  to   = module.kms[0].aws_kms_alias.this[0]
}

resource "aws_sns_topic" "alarms" {
  name              = "${local.prefix}-alarms"
  kms_master_key_id = local.kms_key_arn

  tags = local.tags
}

data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "CloudWatchAlarms"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "email" {
  count = length(var.notification_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.notification_emails[count.index]
}

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

# ---------------------------------------------------------------------------------------------
# ECS alarms
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "cpu_high" {
  alarm_name          = "${local.prefix}-cpu-high"
  alarm_description   = "CPU of ${var.service} in ${var.environment} stays above ${var.cpu_high_percent}% (autoscaling is not keeping up)"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 10
  datapoints_to_alarm = 8
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.cpu_high_percent
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  dimensions = {
    ClusterName = var.ecs_cluster_name
    ServiceName = var.ecs_service_name
  }

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "memory_high" {
  alarm_name          = "${local.prefix}-memory-high"
  alarm_description   = "Memory of ${var.service} in ${var.environment} stays above ${var.memory_high_percent}%"
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 10
  datapoints_to_alarm = 8
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.memory_high_percent
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  dimensions = {
    ClusterName = var.ecs_cluster_name
    ServiceName = var.ecs_service_name
  }

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Aurora alarms
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "aurora_acu_high" {
  count = var.aurora_cluster_identifier != null ? 1 : 0

  alarm_name          = "${local.prefix}-aurora-acu-high"
  alarm_description   = "Aurora ${var.aurora_cluster_identifier} uses more than ${var.aurora_acu_high_percent}% of its maximum capacity"
  namespace           = "AWS/RDS"
  metric_name         = "ACUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.aurora_acu_high_percent
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  dimensions = {
    DBClusterIdentifier = var.aurora_cluster_identifier
  }

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "aurora_connections_high" {
  count = var.aurora_cluster_identifier != null ? 1 : 0

  alarm_name          = "${local.prefix}-aurora-connections-high"
  alarm_description   = "Aurora ${var.aurora_cluster_identifier} has more than ${var.aurora_max_connections} connections"
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.aurora_max_connections
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  dimensions = {
    DBClusterIdentifier = var.aurora_cluster_identifier
  }

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Dashboard
# ---------------------------------------------------------------------------------------------

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = local.prefix
  dashboard_body = jsonencode({
    widgets = concat(
      [
        {
          type   = "metric"
          width  = 12
          height = 6
          properties = {
            title   = "Requests and 5xx"
            region  = data.aws_region.current.region
            stat    = "Sum"
            period  = 60
            metrics = flatten([for d in local.tg_dimensions : [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", d.LoadBalancer, "TargetGroup", d.TargetGroup], ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", d.LoadBalancer, "TargetGroup", d.TargetGroup]]])
          }
        },
        {
          type   = "metric"
          width  = 12
          height = 6
          properties = {
            title       = "p99 response time"
            region      = data.aws_region.current.region
            stat        = "p99"
            period      = 60
            metrics     = [for d in local.tg_dimensions : ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", d.LoadBalancer, "TargetGroup", d.TargetGroup]]
            annotations = { horizontal = [{ label = "objective", value = var.p99_latency_seconds }] }
          }
        },
        {
          type   = "metric"
          width  = 12
          height = 6
          properties = {
            title  = "ECS CPU and memory"
            region = data.aws_region.current.region
            stat   = "Average"
            period = 60
            metrics = [
              ["AWS/ECS", "CPUUtilization", "ClusterName", var.ecs_cluster_name, "ServiceName", var.ecs_service_name],
              ["AWS/ECS", "MemoryUtilization", "ClusterName", var.ecs_cluster_name, "ServiceName", var.ecs_service_name],
            ]
          }
        },
      ],
      var.aurora_cluster_identifier == null ? [] : [
        {
          type   = "metric"
          width  = 12
          height = 6
          properties = {
            title  = "Aurora capacity and connections"
            region = data.aws_region.current.region
            stat   = "Maximum"
            period = 300
            metrics = [
              ["AWS/RDS", "ServerlessDatabaseCapacity", "DBClusterIdentifier", var.aurora_cluster_identifier],
              ["AWS/RDS", "DatabaseConnections", "DBClusterIdentifier", var.aurora_cluster_identifier],
            ]
          }
        },
      ],
    )
  })
}
