# ---------------------------------------------------------------------------------------------
# Dashboard: one 12 x 6 metric widget per signal, in the module's region.
# ---------------------------------------------------------------------------------------------

locals {
  dashboard_widgets = concat(
    [
      {
        title   = "Requests and 5xx"
        stat    = "Sum"
        period  = 60
        metrics = flatten([for d in local.tg_dimensions : [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", d.LoadBalancer, "TargetGroup", d.TargetGroup], ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", d.LoadBalancer, "TargetGroup", d.TargetGroup]]])
      },
      {
        title       = "p99 response time"
        stat        = "p99"
        period      = 60
        metrics     = [for d in local.tg_dimensions : ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", d.LoadBalancer, "TargetGroup", d.TargetGroup]]
        annotations = { horizontal = [{ label = "objective", value = var.p99_latency_seconds }] }
      },
      {
        title  = "ECS CPU and memory"
        stat   = "Average"
        period = 60
        metrics = [
          ["AWS/ECS", "CPUUtilization", "ClusterName", var.ecs_cluster_name, "ServiceName", var.ecs_service_name],
          ["AWS/ECS", "MemoryUtilization", "ClusterName", var.ecs_cluster_name, "ServiceName", var.ecs_service_name],
        ]
      },
    ],
    var.aurora_cluster_identifier == null ? [] : [
      {
        title  = "Aurora capacity and connections"
        stat   = "Maximum"
        period = 300
        metrics = [
          ["AWS/RDS", "ServerlessDatabaseCapacity", "DBClusterIdentifier", var.aurora_cluster_identifier],
          ["AWS/RDS", "DatabaseConnections", "DBClusterIdentifier", var.aurora_cluster_identifier],
        ]
      },
    ],
  )
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = local.prefix
  dashboard_body = jsonencode({
    widgets = [
      for properties in local.dashboard_widgets : {
        type       = "metric"
        width      = 12
        height     = 6
        properties = merge(properties, { region = data.aws_region.current.region })
      }
    ]
  })
}
