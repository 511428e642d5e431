# ---------------------------------------------------------------------------------------------
# IAM: separate execution role (pull image, write logs, read secrets) and task role (what the
# application may do), both least privilege (CKV_AWS_249).
# ---------------------------------------------------------------------------------------------

locals {
  # Secret ARNs may carry ":json-key:version-stage:version-id"; IAM needs the secret itself.
  secret_arns = distinct([for arn in values(var.secrets) : join(":", slice(split(":", arn), 0, 7))])

  # The execution role may pull from the repository the image comes from (possibly another account).
  image_repository = try(regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+)", var.image), null)
  ecr_repository_arns = distinct(concat(
    local.image_repository == null ? [] : ["arn:${local.partition}:ecr:${local.image_repository[1]}:${local.image_repository[0]}:repository/${local.image_repository[2]}"],
    var.create_ecr_repository ? [aws_ecr_repository.this[0].arn] : [],
  ))

  # Conditions beyond this account's, by the service that assumes a role: ECS tasks only for
  # this account's ECS resources in this region.
  role_trust = {
    ecs-tasks = [{ test = "ArnLike", variable = "aws:SourceArn", values = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"] }]
    ecs       = []
  }
}

# Who may assume the roles: the AWS service (ecs-tasks for the execution and task roles, ecs for
# the blue/green traffic role) on behalf of this account only, with the extra conditions each
# service allows.
data "aws_iam_policy_document" "assume_role" {
  for_each = local.role_trust

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["${each.key}.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    dynamic "condition" {
      for_each = each.value

      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
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
      actions   = local.ecr_pull_actions
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
  assume_role_policy = data.aws_iam_policy_document.assume_role["ecs-tasks"].json

  tags = local.tags
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-log-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.assume_role["ecs-tasks"].json

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
resource "aws_iam_role" "load_balancer_traffic" {
  count = local.blue_green ? 1 : 0

  name               = "${local.name}-ecs-traffic"
  assume_role_policy = data.aws_iam_policy_document.assume_role["ecs"].json

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "load_balancer_traffic" {
  count = local.blue_green ? 1 : 0

  role       = aws_iam_role.load_balancer_traffic[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"
}
