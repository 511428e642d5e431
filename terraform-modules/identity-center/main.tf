# IAM Identity Center (AWS SSO) access for people: temporary credentials only, no IAM users or
# access keys. Runs in the organization's management account or the Identity Center delegated
# administrator account.

data "aws_partition" "current" {}

data "aws_ssoadmin_instances" "this" {}

locals {
  partition         = data.aws_partition.current.partition
  instance_arn      = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  identity_store_id = tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]

  groups = {
    developers  = var.developers_group_name
    platform    = var.platform_group_name
    break_glass = var.break_glass_group_name
  }

  # Staging and the pull-request environments (cluster zeroops-ephemeral) in the staging account.
  staging_ecs          = "arn:${local.partition}:ecs:*:${var.staging_account_id}"
  staging_cluster_arns = ["${local.staging_ecs}:cluster/zeroops-staging", "${local.staging_ecs}:cluster/zeroops-ephemeral"]
  staging_service_arns = ["${local.staging_ecs}:service/zeroops-staging/*", "${local.staging_ecs}:service/zeroops-ephemeral/*"]
  staging_task_arns    = ["${local.staging_ecs}:task/zeroops-staging/*", "${local.staging_ecs}:task/zeroops-ephemeral/*"]

  # Log events of an account's log groups, as an incident needs them (both permission sets).
  log_read_actions = [
    "logs:DescribeLogStreams",
    "logs:FilterLogEvents",
    "logs:GetLogEvents",
    "logs:GetQueryResults",
    "logs:StartQuery",
  ]

  # Who gets what (README "Who gets what"): each group's permission set in each account.
  # Break-glass is the only administrator access and only its own group has it.
  accounts = {
    production = var.production_account_id
    staging    = var.staging_account_id
  }
  permission_sets = {
    developers  = { production = "ZeroOpsReadOnly", staging = "ZeroOpsDeployDebug" }
    platform    = { production = "ZeroOpsReadOnly", staging = "ZeroOpsDeployDebug" }
    break_glass = { production = "ZeroOpsBreakGlass", staging = "ZeroOpsBreakGlass" }
  }
  # One assignment per group and account, <group>_<account>.
  assignments = merge([
    for group, sets in local.permission_sets : {
      for account, permission_set in sets : "${group}_${account}" => {
        group          = group
        group_name     = local.groups[group]
        account_id     = local.accounts[account]
        permission_set = permission_set
      }
    }
  ]...)

  permission_set_arns = {
    ZeroOpsReadOnly    = aws_ssoadmin_permission_set.read_only.arn
    ZeroOpsDeployDebug = aws_ssoadmin_permission_set.deploy_debug.arn
    ZeroOpsBreakGlass  = aws_ssoadmin_permission_set.break_glass.arn
  }
}

data "aws_identitystore_group" "this" {
  for_each = local.groups

  identity_store_id = local.identity_store_id

  alternate_identifier {
    unique_attribute {
      attribute_path  = "DisplayName"
      attribute_value = each.value
    }
  }
}

# ---------------------------------------------------------------------------------------------
# ZeroOpsReadOnly (production): see configuration and metadata, read logs and metrics; no data
# ---------------------------------------------------------------------------------------------

resource "aws_ssoadmin_permission_set" "read_only" {
  name             = "ZeroOpsReadOnly"
  description      = "ZeroOps: view resources, logs and metrics; no data, no secrets, no changes"
  instance_arn     = local.instance_arn
  session_duration = var.read_only_session_duration
  relay_state      = var.relay_state

  tags = local.tags
}

# ViewOnlyAccess, not ReadOnlyAccess: ReadOnlyAccess also reads data (s3:GetObject,
# dynamodb:GetItem, ...), which production customer data must not leak through.
resource "aws_ssoadmin_managed_policy_attachment" "read_only" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.read_only.arn
  managed_policy_arn = "arn:${local.partition}:iam::aws:policy/job-function/ViewOnlyAccess"
}

# What ViewOnlyAccess lacks for diagnosing an incident: log events, metric data, ECS details.
data "aws_iam_policy_document" "read_only" {
  statement {
    sid       = "ReadLogEvents"
    actions   = local.log_read_actions
    resources = ["arn:${local.partition}:logs:*:${var.production_account_id}:log-group:*"]
  }

  statement {
    sid = "ReadQueriesAndMetrics"
    # Query listings and metric data have no resource-level permissions.
    actions = [
      "cloudwatch:GetMetricData",
      "cloudwatch:GetMetricStatistics",
      "cloudwatch:ListMetrics",
      "logs:DescribeQueries",
      "logs:StopQuery",
    ]
    resources = ["*"]
  }

  statement {
    sid = "DescribeEcs"
    actions = [
      "ecs:DescribeServices",
      "ecs:DescribeTasks",
      "ecs:ListServiceDeployments",
      "ecs:DescribeServiceDeployments",
      "ecs:DescribeServiceRevisions",
    ]
    resources = [
      "arn:${local.partition}:ecs:*:${var.production_account_id}:service/*",
      "arn:${local.partition}:ecs:*:${var.production_account_id}:service-deployment/*",
      "arn:${local.partition}:ecs:*:${var.production_account_id}:service-revision/*",
      "arn:${local.partition}:ecs:*:${var.production_account_id}:task/*",
    ]
  }
}

resource "aws_ssoadmin_permission_set_inline_policy" "read_only" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.read_only.arn
  inline_policy      = data.aws_iam_policy_document.read_only.json
}

# ---------------------------------------------------------------------------------------------
# ZeroOpsDeployDebug (staging account: staging and pr-<n>): debug and redeploy, no IAM
# ---------------------------------------------------------------------------------------------

resource "aws_ssoadmin_permission_set" "deploy_debug" {
  name             = "ZeroOpsDeployDebug"
  description      = "ZeroOps: debug and redeploy staging and pull-request environments (ECS Exec, logs, secrets); no IAM"
  instance_arn     = local.instance_arn
  session_duration = var.deploy_debug_session_duration
  relay_state      = var.relay_state

  tags = local.tags
}

data "aws_iam_policy_document" "deploy_debug" {
  statement {
    sid = "ListEcs"
    # These list calls and DescribeTaskDefinition have no resource-level permissions.
    actions = [
      "ecs:DescribeTaskDefinition",
      "ecs:ListClusters",
      "ecs:ListServices",
      "ecs:ListTaskDefinitions",
    ]
    resources = ["*"]
  }

  # AWS documents ListTasks per cluster as Resource "*" with the ecs:cluster condition.
  statement {
    sid       = "ListStagingTasks"
    actions   = ["ecs:ListTasks"]
    resources = ["*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = local.staging_cluster_arns
    }
  }

  statement {
    sid       = "DescribeStagingClusters"
    actions   = ["ecs:DescribeClusters"]
    resources = local.staging_cluster_arns
  }

  statement {
    sid       = "DescribeStagingServices"
    actions   = ["ecs:DescribeServices", "ecs:ListServiceDeployments"]
    resources = local.staging_service_arns
  }

  statement {
    sid       = "DescribeStagingTasks"
    actions   = ["ecs:DescribeTasks"]
    resources = local.staging_task_arns
  }

  statement {
    sid       = "DescribeStagingDeployments"
    actions   = ["ecs:DescribeServiceDeployments", "ecs:DescribeServiceRevisions"]
    resources = ["${local.staging_ecs}:service-deployment/*", "${local.staging_ecs}:service-revision/*"]
  }

  # Force a new deployment or scale a service of staging or a pull request. The task definition
  # stays what the deploy workflow registered: no ecs:RegisterTaskDefinition, no iam:PassRole.
  statement {
    sid       = "UpdateStagingServices"
    actions   = ["ecs:UpdateService"]
    resources = local.staging_service_arns

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = local.staging_cluster_arns
    }
  }

  # ECS Exec: the task role holds the ssmmessages permissions; the caller only needs
  # ecs:ExecuteCommand (the CLI's session-manager-plugin uses the returned session token) and
  # the cluster's exec-logging KMS key for the session's data key.
  statement {
    sid       = "ExecIntoStagingTasks"
    actions   = ["ecs:ExecuteCommand"]
    resources = concat(local.staging_cluster_arns, local.staging_task_arns)

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = local.staging_cluster_arns
    }
  }

  statement {
    sid       = "ExecSessionKey"
    actions   = ["kms:GenerateDataKey"]
    resources = ["arn:${local.partition}:kms:*:${var.staging_account_id}:key/*"]

    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values   = ["ssm.*.amazonaws.com", "ecs.*.amazonaws.com"]
    }
  }

  statement {
    sid       = "ReadLogEvents"
    actions   = local.log_read_actions
    resources = ["arn:${local.partition}:logs:*:${var.staging_account_id}:log-group:*"]
  }

  statement {
    sid = "ReadQueriesAndMetrics"
    # Query listings, log group listings, metric data, target groups and secret listings have no
    # resource-level permissions.
    actions = [
      "cloudwatch:GetMetricData",
      "cloudwatch:GetMetricStatistics",
      "cloudwatch:ListMetrics",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
      "logs:DescribeLogGroups",
      "logs:DescribeQueries",
      "logs:StopQuery",
      "secretsmanager:ListSecrets",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "ReadAlarms"
    actions   = ["cloudwatch:DescribeAlarmHistory", "cloudwatch:DescribeAlarms"]
    resources = ["arn:${local.partition}:cloudwatch:*:${var.staging_account_id}:alarm:*"]
  }

  # scripts/fetch-secrets.sh: the database cluster's managed secret and the service's secrets,
  # only those tagged as a staging or pull-request environment.
  statement {
    sid       = "FindDatabaseSecrets"
    actions   = ["rds:DescribeDBClusters"]
    resources = ["arn:${local.partition}:rds:*:${var.staging_account_id}:cluster:*"]
  }

  statement {
    sid       = "ReadNonProductionSecrets"
    actions   = ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"]
    resources = ["arn:${local.partition}:secretsmanager:*:${var.staging_account_id}:secret:*"]

    condition {
      test     = "StringLike"
      variable = "aws:ResourceTag/zeroops:environment"
      values   = ["staging", "pr-*"]
    }
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = ["arn:${local.partition}:kms:*:${var.staging_account_id}:key/*"]

    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values   = ["secretsmanager.*.amazonaws.com"]
    }
  }
}

resource "aws_ssoadmin_permission_set_inline_policy" "deploy_debug" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.deploy_debug.arn
  inline_policy      = data.aws_iam_policy_document.deploy_debug.json
}

# ---------------------------------------------------------------------------------------------
# ZeroOpsBreakGlass: emergency administrator, one-hour sessions, its own group only
# ---------------------------------------------------------------------------------------------

resource "aws_ssoadmin_permission_set" "break_glass" {
  name             = "ZeroOpsBreakGlass"
  description      = "ZeroOps emergency administrator: incidents only, every use is reviewed in CloudTrail"
  instance_arn     = local.instance_arn
  session_duration = "PT1H"

  tags = local.tags
}

resource "aws_ssoadmin_managed_policy_attachment" "break_glass" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.break_glass.arn
  managed_policy_arn = "arn:${local.partition}:iam::aws:policy/AdministratorAccess"
}

# ---------------------------------------------------------------------------------------------
# Account assignments
# ---------------------------------------------------------------------------------------------

resource "aws_ssoadmin_account_assignment" "this" {
  for_each = local.assignments

  instance_arn       = local.instance_arn
  permission_set_arn = local.permission_set_arns[each.value.permission_set]
  principal_type     = "GROUP"
  principal_id       = data.aws_identitystore_group.this[each.value.group].group_id
  target_type        = "AWS_ACCOUNT"
  target_id          = each.value.account_id

  # A permission set is provisioned to the account with its policies, not before them.
  depends_on = [
    aws_ssoadmin_managed_policy_attachment.read_only,
    aws_ssoadmin_managed_policy_attachment.break_glass,
    aws_ssoadmin_permission_set_inline_policy.read_only,
    aws_ssoadmin_permission_set_inline_policy.deploy_debug,
  ]
}
