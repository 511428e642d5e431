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
