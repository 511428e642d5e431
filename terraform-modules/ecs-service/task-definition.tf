# ---------------------------------------------------------------------------------------------
# Task definition: one non-root container with a read-only root filesystem, logging to the
# service's log group. Later revisions come from the deploy workflow.
# ---------------------------------------------------------------------------------------------

resource "aws_ecs_task_definition" "this" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  # Keep old revisions registered: blue/green rollbacks and the deploy workflow need them.
  skip_destroy = true

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # The root filesystem is read-only; /tmp is a task-local writable volume.
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([{
    name                   = local.container_name
    image                  = var.image
    essential              = true
    readonlyRootFilesystem = true
    privileged             = false
    user                   = var.container_user
    portMappings = [{
      name          = "http"
      containerPort = var.container_port
      protocol      = "tcp"
    }]
    environment = [for name, value in var.environment_variables : { name = name, value = value }]
    secrets     = [for name, arn in var.secrets : { name = name, valueFrom = arn }]
    mountPoints = [{
      sourceVolume  = "tmp"
      containerPath = "/tmp"
      readOnly      = false
    }]
    linuxParameters = {
      initProcessEnabled = true
      capabilities       = { drop = ["ALL"] }
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.this.name
        "awslogs-region"        = local.region
        "awslogs-stream-prefix" = local.container_name
      }
    }
  }])

  tags = local.tags
}
