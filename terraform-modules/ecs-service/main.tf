data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  is_production = var.environment == "production"
  is_ephemeral  = startswith(var.environment, "pr-")
  account_id    = data.aws_caller_identity.current.account_id
  region        = data.aws_region.current.region
  partition     = data.aws_partition.current.partition

  # Naming contract shared with the backend plugin and the deploy workflows.
  name             = "${var.service}-${var.environment}"
  ecs_service_name = local.is_ephemeral ? "${var.service}-${var.environment}" : var.service
  cluster_name     = var.cluster_name != null ? var.cluster_name : (local.is_ephemeral ? "zeroops-ephemeral" : "zeroops-${var.environment}")
  container_name   = "app"
  log_group_name   = "/ecs/${var.service}/${var.environment}"

  strategy     = var.deployment_strategy != null ? var.deployment_strategy : (local.is_production ? "BLUE_GREEN" : "ROLLING")
  blue_green   = local.strategy == "BLUE_GREEN"
  test_route   = local.blue_green && var.test_listener_arn != null
  use_spot     = var.cpu_architecture == "X86_64" && (var.use_fargate_spot != null ? var.use_fargate_spot : !local.is_production)
  exec_enabled = var.enable_execute_command != null ? var.enable_execute_command : !local.is_production

  retention   = var.log_retention_days != null ? var.log_retention_days : (local.is_production ? 365 : (local.is_ephemeral ? 7 : 30))
  kms_key_arn = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn
}

# ---------------------------------------------------------------------------------------------
# Encryption key for logs and the image repository
# ---------------------------------------------------------------------------------------------

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.name} logs and images"
  alias                   = "${local.name}-service"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  allow_account_use       = { grant_actions = ["kms:CreateGrant"] }
  allow_cloudwatch_logs   = { log_group_names = ["*"] }

  tags = local.tags
}

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = local.retention
  kms_key_id        = local.kms_key_arn

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Service
# ---------------------------------------------------------------------------------------------

resource "aws_ecs_service" "this" {
  name                              = local.ecs_service_name
  cluster                           = local.cluster_name
  task_definition                   = aws_ecs_task_definition.this.arn
  desired_count                     = local.desired_count
  platform_version                  = "LATEST"
  enable_execute_command            = local.exec_enabled
  enable_ecs_managed_tags           = true
  propagate_tags                    = "SERVICE"
  health_check_grace_period_seconds = var.health_check_grace_period_seconds
  availability_zone_rebalancing     = "ENABLED"
  wait_for_steady_state             = false
  force_delete                      = local.is_ephemeral

  capacity_provider_strategy {
    capacity_provider = local.use_spot ? "FARGATE_SPOT" : "FARGATE"
    weight            = 1
    base              = 0
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this["blue"].arn
    container_name   = local.container_name
    container_port   = var.container_port

    dynamic "advanced_configuration" {
      for_each = local.blue_green ? [1] : []

      content {
        alternate_target_group_arn = aws_lb_target_group.this["green"].arn
        production_listener_rule   = aws_lb_listener_rule.production.arn
        test_listener_rule         = local.test_route ? aws_lb_listener_rule.test[0].arn : null
        role_arn                   = aws_iam_role.load_balancer_traffic[0].arn
      }
    }
  }

  deployment_controller {
    type = "ECS"
  }

  deployment_configuration {
    strategy             = local.strategy
    bake_time_in_minutes = local.blue_green ? tostring(var.bake_time_in_minutes) : null

    dynamic "lifecycle_hook" {
      for_each = local.blue_green ? var.lifecycle_hooks : []

      content {
        hook_target_arn  = lifecycle_hook.value.hook_target_arn
        role_arn         = lifecycle_hook.value.role_arn
        lifecycle_stages = lifecycle_hook.value.lifecycle_stages
      }
    }
  }

  dynamic "deployment_circuit_breaker" {
    for_each = local.blue_green ? [] : [1]

    content {
      enable   = true
      rollback = true
    }
  }

  dynamic "alarms" {
    for_each = length(var.deployment_alarm_names) > 0 ? [1] : []

    content {
      alarm_names = var.deployment_alarm_names
      enable      = true
      rollback    = true
    }
  }

  tags = local.tags

  # The deploy workflow registers task definition revisions with new images and autoscaling
  # owns the task count: Terraform must not roll either back.
  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }

  depends_on = [aws_iam_role_policy.execution, aws_iam_role_policy_attachment.load_balancer_traffic]
}
