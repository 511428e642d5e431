# ---------------------------------------------------------------------------------------------
# Autoscaling: CPU 70 %, memory 80 %, requests per target; scheduled scale-to-zero outside
# production.
# ---------------------------------------------------------------------------------------------

locals {
  desired_count = var.desired_count != null ? var.desired_count : (local.is_production ? 2 : 1)
  min_capacity  = var.min_capacity != null ? var.min_capacity : (local.is_production ? 2 : 1)
  max_capacity  = var.max_capacity != null ? var.max_capacity : (local.is_production ? 6 : 2)
  scale_to_zero = var.enable_scale_to_zero != null ? var.enable_scale_to_zero : !local.is_production
  schedule = var.scale_to_zero_schedule != null ? var.scale_to_zero_schedule : {
    stop_schedule  = "cron(0 20 ? * MON-FRI *)"
    start_schedule = "cron(0 7 ? * MON-FRI *)"
    timezone       = "UTC"
  }

  # Target-tracking policies by name suffix. Requests per target of each colour: under native
  # blue/green the traffic moves from blue to green and back with every deployment, so one
  # policy per target group: the live colour's policy drives scale-out, and the idle colour (no
  # requests) cannot scale in on its own because Application Auto Scaling scales in only when
  # every target-tracking policy agrees.
  scale_on_requests       = var.load_balancer_arn_suffix != null
  scale_on_green_requests = local.scale_on_requests && local.blue_green
  target_tracking = {
    for suffix, policy in {
      cpu = {
        enabled        = true
        metric         = "ECSServiceAverageCPUUtilization"
        target         = var.cpu_target_percent
        resource_label = null
      }
      memory = {
        enabled        = true
        metric         = "ECSServiceAverageMemoryUtilization"
        target         = var.memory_target_percent
        resource_label = null
      }
      requests = {
        enabled        = local.scale_on_requests
        metric         = "ALBRequestCountPerTarget"
        target         = var.requests_per_target
        resource_label = local.scale_on_requests ? "${var.load_balancer_arn_suffix}/${aws_lb_target_group.this["blue"].arn_suffix}" : null
      }
      requests-green = {
        enabled        = local.scale_on_green_requests
        metric         = "ALBRequestCountPerTarget"
        target         = var.requests_per_target
        resource_label = local.scale_on_green_requests ? "${var.load_balancer_arn_suffix}/${aws_lb_target_group.this["green"].arn_suffix}" : null
      }
    } : suffix => policy if policy.enabled
  }
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${local.cluster_name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = local.min_capacity
  max_capacity       = local.max_capacity

  tags = local.tags
}

resource "aws_appautoscaling_policy" "target_tracking" {
  for_each = local.target_tracking

  name               = "${local.name}-${each.key}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = each.value.target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = each.value.metric
      resource_label         = each.value.resource_label
    }
  }
}

# Two resources rather than one for_each: start must be created after stop.
resource "aws_appautoscaling_scheduled_action" "stop" {
  count = local.scale_to_zero ? 1 : 0

  name               = "${local.name}-stop"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  schedule           = local.schedule.stop_schedule
  timezone           = local.schedule.timezone

  scalable_target_action {
    min_capacity = 0
    max_capacity = 0
  }
}

resource "aws_appautoscaling_scheduled_action" "start" {
  count = local.scale_to_zero ? 1 : 0

  name               = "${local.name}-start"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  schedule           = local.schedule.start_schedule
  timezone           = local.schedule.timezone

  scalable_target_action {
    min_capacity = local.min_capacity
    max_capacity = local.max_capacity
  }

  # Application Auto Scaling rejects concurrent updates of one scalable target.
  depends_on = [aws_appautoscaling_scheduled_action.stop]
}
