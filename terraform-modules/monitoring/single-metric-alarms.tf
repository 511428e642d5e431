# ---------------------------------------------------------------------------------------------
# Alarms on one metric: the ECS service's CPU and memory, the Aurora cluster's capacity and
# connections.
# ---------------------------------------------------------------------------------------------

locals {
  ecs_service_dimensions = { ClusterName = var.ecs_cluster_name, ServiceName = var.ecs_service_name }

  # By alarm name suffix. The Aurora alarms only when the service has a cluster.
  single_metric_alarms = merge(
    {
      cpu-high = {
        description         = "CPU of ${var.service} in ${var.environment} stays above ${var.cpu_high_percent}% (autoscaling is not keeping up)"
        namespace           = "AWS/ECS"
        metric_name         = "CPUUtilization"
        statistic           = "Average"
        period              = 60
        evaluation_periods  = 10
        datapoints_to_alarm = 8
        threshold           = var.cpu_high_percent
        dimensions          = local.ecs_service_dimensions
      }
      memory-high = {
        description         = "Memory of ${var.service} in ${var.environment} stays above ${var.memory_high_percent}%"
        namespace           = "AWS/ECS"
        metric_name         = "MemoryUtilization"
        statistic           = "Average"
        period              = 60
        evaluation_periods  = 10
        datapoints_to_alarm = 8
        threshold           = var.memory_high_percent
        dimensions          = local.ecs_service_dimensions
      }
    },
    var.aurora_cluster_identifier == null ? {} : {
      aurora-acu-high = {
        description         = "Aurora ${var.aurora_cluster_identifier} uses more than ${var.aurora_acu_high_percent}% of its maximum capacity"
        namespace           = "AWS/RDS"
        metric_name         = "ACUUtilization"
        statistic           = "Average"
        period              = 300
        evaluation_periods  = 3
        datapoints_to_alarm = null
        threshold           = var.aurora_acu_high_percent
        dimensions          = { DBClusterIdentifier = var.aurora_cluster_identifier }
      }
      aurora-connections-high = {
        description         = "Aurora ${var.aurora_cluster_identifier} has more than ${var.aurora_max_connections} connections"
        namespace           = "AWS/RDS"
        metric_name         = "DatabaseConnections"
        statistic           = "Maximum"
        period              = 300
        evaluation_periods  = 2
        datapoints_to_alarm = null
        threshold           = var.aurora_max_connections
        dimensions          = { DBClusterIdentifier = var.aurora_cluster_identifier }
      }
    },
  )
}

resource "aws_cloudwatch_metric_alarm" "single_metric" {
  for_each = local.single_metric_alarms

  alarm_name          = "${local.prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric_name
  statistic           = each.value.statistic
  period              = each.value.period
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  dimensions          = each.value.dimensions

  tags = local.tags
}
