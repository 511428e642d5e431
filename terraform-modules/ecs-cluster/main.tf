locals {
  is_production = var.environment == "production"
  cluster_name  = var.cluster_name != null ? var.cluster_name : "zeroops-${var.environment}"
  use_spot      = var.use_fargate_spot != null ? var.use_fargate_spot : !local.is_production
  retention     = var.log_retention_days != null ? var.log_retention_days : (local.is_production ? 365 : 30)
  kms_key_arn   = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn
}

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.cluster_name} ECS Exec sessions and logs"
  alias                   = "${local.cluster_name}-ecs"
  deletion_window_in_days = 30
  # ECS Exec: the session is encrypted with this key by callers that hold kms:Decrypt through IAM.
  allow_account_use     = {}
  allow_cloudwatch_logs = { log_group_names = ["*"] }

  tags = local.tags
}

# Every ECS Exec session is logged (who ran what inside a production container).
resource "aws_cloudwatch_log_group" "exec" {
  name              = "/ecs/${local.cluster_name}/exec"
  retention_in_days = local.retention
  kms_key_id        = local.kms_key_arn

  tags = local.tags
}

resource "aws_ecs_cluster" "this" {
  name = local.cluster_name

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  configuration {
    execute_command_configuration {
      kms_key_id = local.kms_key_arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
        cloud_watch_encryption_enabled = true
      }
    }
  }

  tags = local.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = local.use_spot ? "FARGATE_SPOT" : "FARGATE"
    weight            = 1
    base              = 0
  }
}
