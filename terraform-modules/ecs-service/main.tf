data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_vpc" "this" {
  id = var.vpc_id
}

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
  # Target group names are limited to 32 characters: production and staging are shortened so
  # that the longest service name fits (zeroops-common naming contract, targetGroupNames).
  target_group_name = "${var.service}-${lookup({ production = "prod", staging = "stg" }, var.environment, var.environment)}"

  # Listener rule priority (zeroops-common listenerRulePriorities, README "Listener rule
  # priorities"): the slot itself in persistent environments. Pull request pr-<n> claims one of
  # its slot's block 1000 + (slot - 1) * 490 .. + 489 in the load balancer's SSM registry
  # <claims path>/<priority> = "<service>/pr-<n>": its own claim if it has one, otherwise the
  # first candidate block start + ((n + i) mod 490), i = 0..489, that no claim holds.
  pull_request_number                = local.is_ephemeral ? tonumber(trimprefix(var.environment, "pr-")) : null
  load_balancer_name                 = split("/", var.production_listener_arn)[2]
  listener_rule_priority_block_start = 1000 + (var.listener_rule_slot - 1) * 490
  listener_rule_priority_claims_path = "/zeroops/${local.load_balancer_name}/listener-rule-priorities/${var.listener_rule_slot}"
  listener_rule_priority_claim_value = "${var.service}/${var.environment}"
  # The block's claims, priority => "<service>/pr-<n>" (plain text, not secret).
  listener_rule_priority_claims = local.is_ephemeral ? {
    for i, name in data.aws_ssm_parameters_by_path.listener_rule_priority_claims[0].names :
    trimprefix(name, "${local.listener_rule_priority_claims_path}/") => nonsensitive(data.aws_ssm_parameters_by_path.listener_rule_priority_claims[0].values[i])
  } : {}
  listener_rule_priority_candidates = local.is_ephemeral ? [for i in range(490) : local.listener_rule_priority_block_start + (local.pull_request_number + i) % 490] : []
  listener_rule_priority_own        = [for p in local.listener_rule_priority_candidates : p if lookup(local.listener_rule_priority_claims, tostring(p), null) == local.listener_rule_priority_claim_value]
  listener_rule_priority_free       = [for p in local.listener_rule_priority_candidates : p if lookup(local.listener_rule_priority_claims, tostring(p), null) == null]
  # Null only when all 490 are claimed by other pull requests (precondition on the rule).
  listener_rule_priority = local.is_ephemeral ? try(concat(local.listener_rule_priority_own, local.listener_rule_priority_free)[0], null) : var.listener_rule_slot

  strategy     = var.deployment_strategy != null ? var.deployment_strategy : (local.is_production ? "BLUE_GREEN" : "ROLLING")
  blue_green   = local.strategy == "BLUE_GREEN"
  test_route   = local.blue_green && var.test_listener_arn != null
  use_spot     = var.cpu_architecture == "X86_64" && (var.use_fargate_spot != null ? var.use_fargate_spot : !local.is_production)
  exec_enabled = var.enable_execute_command != null ? var.enable_execute_command : !local.is_production

  desired_count = var.desired_count != null ? var.desired_count : (local.is_production ? 2 : 1)
  min_capacity  = var.min_capacity != null ? var.min_capacity : (local.is_production ? 2 : 1)
  max_capacity  = var.max_capacity != null ? var.max_capacity : (local.is_production ? 6 : 2)
  scale_to_zero = var.enable_scale_to_zero != null ? var.enable_scale_to_zero : !local.is_production
  schedule = var.scale_to_zero_schedule != null ? var.scale_to_zero_schedule : {
    stop_schedule  = "cron(0 20 ? * MON-FRI *)"
    start_schedule = "cron(0 7 ? * MON-FRI *)"
    timezone       = "UTC"
  }

  retention   = var.log_retention_days != null ? var.log_retention_days : (local.is_production ? 365 : (local.is_ephemeral ? 7 : 30))
  kms_key_arn = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn

  # Secret ARNs may carry ":json-key:version-stage:version-id"; IAM needs the secret itself.
  secret_arns = distinct([for arn in values(var.secrets) : join(":", slice(split(":", arn), 0, 7))])

  # The execution role may pull from the repository the image comes from (possibly another account).
  image_repository = try(regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+)", var.image), null)
  ecr_repository_arns = distinct(concat(
    local.image_repository == null ? [] : ["arn:${local.partition}:ecr:${local.image_repository[1]}:${local.image_repository[0]}:repository/${local.image_repository[2]}"],
    var.create_ecr_repository ? [aws_ecr_repository.this[0].arn] : [],
  ))

  tags = merge(var.tags, {
    "zeroops:service"     = var.service
    "zeroops:environment" = var.environment
  })
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
  policy_statements = [
    {
      sid        = "AccountUse"
      actions    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"]
      principals = { type = "AWS", identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"] }
    },
    {
      sid        = "CloudWatchLogs"
      actions    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      principals = { type = "Service", identifiers = ["logs.${local.region}.amazonaws.com"] }
      conditions = [
        { test = "ArnLike", variable = "kms:EncryptionContext:aws:logs:arn", values = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:*"] },
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

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = local.retention
  kms_key_id        = local.kms_key_arn

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Image repository (optional; one per service, in the account that builds)
# ---------------------------------------------------------------------------------------------

resource "aws_ecr_repository" "this" {
  count = var.create_ecr_repository ? 1 : 0

  name                 = var.service
  image_tag_mutability = "IMMUTABLE"
  force_delete         = false

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = local.kms_key_arn
  }

  tags = local.tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  count = var.create_ecr_repository ? 1 : 0

  repository = aws_ecr_repository.this[0].name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the 200 most recent images (rollbacks need the previous ones)"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = 200
      }
      action = { type = "expire" }
    }]
  })
}

data "aws_iam_policy_document" "ecr_cross_account" {
  count = var.create_ecr_repository && length(var.ecr_pull_account_ids) > 0 ? 1 : 0

  statement {
    sid     = "CrossAccountPull"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]

    principals {
      type        = "AWS"
      identifiers = [for id in var.ecr_pull_account_ids : "arn:${local.partition}:iam::${id}:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "this" {
  count = var.create_ecr_repository && length(var.ecr_pull_account_ids) > 0 ? 1 : 0

  repository = aws_ecr_repository.this[0].name
  policy     = data.aws_iam_policy_document.ecr_cross_account[0].json
}

# ---------------------------------------------------------------------------------------------
# IAM: separate execution role (pull image, write logs, read secrets) and task role (what the
# application may do), both least privilege (CKV_AWS_249).
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"]
    }
  }
}

data "aws_iam_policy_document" "execution" {
  # GetAuthorizationToken cannot be scoped to a repository.
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = length(local.ecr_repository_arns) > 0 ? [1] : []

    content {
      sid       = "EcrPull"
      actions   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
      resources = local.ecr_repository_arns
    }
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(local.secret_arns) > 0 ? [1] : []

    content {
      sid       = "Secrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = local.secret_arns
    }
  }

  dynamic "statement" {
    for_each = length(var.secrets_kms_key_arns) > 0 ? [1] : []

    content {
      sid       = "DecryptSecrets"
      actions   = ["kms:Decrypt"]
      resources = var.secrets_kms_key_arns

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${local.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-log-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json

  tags = local.tags
}

# ECS Exec: the SSM message channels cannot be scoped to a resource.
data "aws_iam_policy_document" "exec" {
  statement {
    sid       = "EcsExecChannels"
    actions   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "exec" {
  count = local.exec_enabled ? 1 : 0

  name   = "ecs-exec"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.exec.json
}

resource "aws_iam_role_policy" "application" {
  count = var.task_role_policy_json != null ? 1 : 0

  name   = "application"
  role   = aws_iam_role.task.id
  policy = var.task_role_policy_json
}

# Role ECS assumes to move traffic between the target groups during blue/green deployments.
data "aws_iam_policy_document" "ecs_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "load_balancer_traffic" {
  count = local.blue_green ? 1 : 0

  name               = "${local.name}-ecs-traffic"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "load_balancer_traffic" {
  count = local.blue_green ? 1 : 0

  role       = aws_iam_role.load_balancer_traffic[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"
}

# ---------------------------------------------------------------------------------------------
# Network: tasks in private subnets, reachable only from the load balancer.
# ---------------------------------------------------------------------------------------------

resource "aws_security_group" "this" {
  name        = "${local.name}-service"
  description = "ECS tasks of ${local.name}"
  vpc_id      = var.vpc_id

  tags = merge(local.tags, { Name = "${local.name}-service" })
}

resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  security_group_id            = aws_security_group.this.id
  description                  = "Container port from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.load_balancer_security_group_id

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS to AWS APIs and external services"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "vpc" {
  count = length(var.vpc_egress_ports)

  security_group_id = aws_security_group.this.id
  description       = "Data stores inside the VPC"
  ip_protocol       = "tcp"
  from_port         = var.vpc_egress_ports[count.index]
  to_port           = var.vpc_egress_ports[count.index]
  cidr_ipv4         = data.aws_vpc.this.cidr_block

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Target groups and listener rules: <service>-<env short>-b (blue) and -g (green).
# ---------------------------------------------------------------------------------------------

# Pull-request listener rule priorities: claims in the load balancer's SSM registry (README
# "Listener rule priorities"). A claim's name is a function of the priority alone and SSM names
# are unique; creating it (no overwrite) fails if another pull request claimed the priority
# first, and the rules depend on it, so no two rules can get one priority. Destroying the
# environment deletes the rules, then the claim.
data "aws_ssm_parameters_by_path" "listener_rule_priority_claims" {
  count = local.is_ephemeral ? 1 : 0

  path            = local.listener_rule_priority_claims_path
  with_decryption = false
}

resource "aws_ssm_parameter" "listener_rule_priority_claim" {
  #checkov:skip=CKV2_AWS_34:A claim holds only "<service>/pr-<n>" (also in its tags, no secret) and every pull request of the service must read all claims of its block; replaced by the deploy roles' IAM (github-oidc ListenerRulePriorityClaims: only the service's pull-request role writes or deletes claims tagged with its service).
  count = local.is_ephemeral ? 1 : 0

  name        = "${local.listener_rule_priority_claims_path}/${local.listener_rule_priority}"
  description = "Listener rule priority ${local.listener_rule_priority} on ${local.load_balancer_name}, claimed by ${local.listener_rule_priority_claim_value}"
  type        = "String"
  value       = local.listener_rule_priority_claim_value

  tags = local.tags
}

resource "aws_lb_target_group" "blue" {
  name                 = "${local.target_group_name}-b"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.container_port
  deregistration_delay = 30

  health_check {
    path                = var.health_check_path
    matcher             = "200-399"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = local.tags
}

resource "aws_lb_target_group" "green" {
  count = local.blue_green ? 1 : 0

  name                 = "${local.target_group_name}-g"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.container_port
  deregistration_delay = 30

  health_check {
    path                = var.health_check_path
    matcher             = "200-399"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = local.tags
}

# Forward-only rules (ECS blue/green cannot shift traffic on rules that mix forward with other
# actions). ECS owns the weights after creation, so Terraform ignores the action.
resource "aws_lb_listener_rule" "production" {
  listener_arn = var.production_listener_arn
  priority     = local.listener_rule_priority

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.blue.arn
        weight = 100
      }

      dynamic "target_group" {
        for_each = aws_lb_target_group.green

        content {
          arn    = target_group.value.arn
          weight = 0
        }
      }
    }
  }

  condition {
    host_header {
      values = var.host_headers
    }
  }

  condition {
    path_pattern {
      values = var.path_patterns
    }
  }

  dynamic "condition" {
    for_each = var.origin_verify_header == null ? [] : [var.origin_verify_header]

    content {
      http_header {
        http_header_name = condition.value.name
        values           = [condition.value.value]
      }
    }
  }

  tags = local.tags

  # The pull request's priority is claimed before its rule exists and released after it is gone.
  depends_on = [aws_ssm_parameter.listener_rule_priority_claim]

  lifecycle {
    ignore_changes = [action]

    precondition {
      condition     = local.listener_rule_priority != null
      error_message = "All 490 pull-request listener rule priorities of slot ${var.listener_rule_slot} are claimed under ${local.listener_rule_priority_claims_path} (490 open pull requests of one service is the limit): destroy closed pull request environments first."
    }
  }
}

resource "aws_lb_listener_rule" "test" {
  count = local.test_route ? 1 : 0

  listener_arn = var.test_listener_arn
  priority     = local.listener_rule_priority

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.blue.arn
        weight = 100
      }

      target_group {
        arn    = aws_lb_target_group.green[0].arn
        weight = 0
      }
    }
  }

  condition {
    host_header {
      values = var.host_headers
    }
  }

  condition {
    path_pattern {
      values = var.path_patterns
    }
  }

  tags = local.tags

  depends_on = [aws_ssm_parameter.listener_rule_priority_claim]

  lifecycle {
    ignore_changes = [action]
  }
}

# ---------------------------------------------------------------------------------------------
# Task definition and service
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
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = local.container_name
    container_port   = var.container_port

    dynamic "advanced_configuration" {
      for_each = local.blue_green ? [1] : []

      content {
        alternate_target_group_arn = aws_lb_target_group.green[0].arn
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

# ---------------------------------------------------------------------------------------------
# Autoscaling: CPU 70 %, memory 80 %, requests per target; scheduled scale-to-zero outside
# production.
# ---------------------------------------------------------------------------------------------

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${local.cluster_name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = local.min_capacity
  max_capacity       = local.max_capacity

  tags = local.tags
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${local.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  name               = "${local.name}-memory"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.memory_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

# Requests per target of each colour. Under native blue/green the traffic moves from blue to
# green and back with every deployment, so one policy per target group: the live colour's
# policy drives scale-out, and the idle colour (no requests) cannot scale in on its own because
# Application Auto Scaling scales in only when every target-tracking policy agrees.
resource "aws_appautoscaling_policy" "requests" {
  count = var.load_balancer_arn_suffix != null ? 1 : 0

  name               = "${local.name}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.load_balancer_arn_suffix}/${aws_lb_target_group.blue.arn_suffix}"
    }
  }
}

resource "aws_appautoscaling_policy" "requests_green" {
  count = var.load_balancer_arn_suffix != null && local.blue_green ? 1 : 0

  name               = "${local.name}-requests-green"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.load_balancer_arn_suffix}/${aws_lb_target_group.green[0].arn_suffix}"
    }
  }

  # Application Auto Scaling rejects concurrent updates of one scalable target.
  depends_on = [aws_appautoscaling_policy.requests]
}

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
