# ---------------------------------------------------------------------------------------------
# Least-privilege deploy policy of a service repository, one per environment role.
#
# Everything a deploy job does (README "Deploy role permissions"): push to the service's ECR
# repository, register its task definition family, run its migration task, update its ECS
# service, pass only its own roles, read and write its own Terraform state and lock, and let
# Terraform manage the resources named or tagged after the service and environment.
#
# Names are exact or delimited patterns: "<service>-<environment>-*" can only match another
# service's names if that service's name contained an environment word, which the `service`
# validation forbids; "/" and ":" delimit state keys and log groups. The pull-request role
# ("ephemeral") only reaches "<service>-pr-*" names in the ephemeral cluster and resources
# tagged zeroops:environment = pr-*, never staging's.
# ---------------------------------------------------------------------------------------------

locals {
  deploy_environments = var.deploy_scope == null ? {} : var.environments

  # Names of the service's resources per deploy role (plugins/zeroops-common/src/naming.ts).
  deploy = {
    for env in keys(local.deploy_environments) : env => {
      ephemeral = env == "ephemeral"
      # <service>-<environment>, or every pull request's <service>-pr-<n>.
      instance = env == "ephemeral" ? "${var.service}-pr-*" : "${var.service}-${env}"
      # Environment path segment (log groups, secrets) and zeroops:environment tag value.
      environment = env == "ephemeral" ? "pr-*" : env
      ecs_service = env == "ephemeral" ? "${var.service}-pr-*" : var.service
      cluster     = "zeroops-${env}"
      state_key   = env == "ephemeral" ? "${var.service}/ephemeral/pr-*/terraform.tfstate" : "${var.service}/${env}/terraform.tfstate"
      # String test for the zeroops:environment tag: exact, or pr-* for pull requests.
      tag_test = env == "ephemeral" ? "StringLike" : "StringEquals"
    }
  }

  arn_prefix = "arn:${var.partition}"
  region     = var.deploy_scope == null ? "" : var.deploy_scope.region
  account    = var.deploy_scope == null ? "" : var.deploy_scope.account_id

  # Roles the service's modules create (ecs-service, database, cdn), by the service they are
  # passed to. Nothing else may be created, changed or passed.
  service_roles = {
    task               = { passed_to = "ecs-tasks.amazonaws.com", sid = "PassTaskRole" }
    execution          = { passed_to = "ecs-tasks.amazonaws.com", sid = "PassExecutionRole" }
    ecs-traffic        = { passed_to = "ecs.amazonaws.com", sid = "PassEcsInfrastructureRole" }
    backup             = { passed_to = "backup.amazonaws.com", sid = "PassBackupRole" }
    static-replication = { passed_to = "s3.amazonaws.com", sid = "PassReplicationRole" }
  }
  # AWS managed policies those modules attach; no other policy can be attached.
  attachable_policies = [
    "iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers",
    "iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
  ]
}

data "aws_iam_policy_document" "deploy" {
  for_each = local.deploy_environments

  # AWS requires "*": GetAuthorizationToken has no resource type.
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:DescribeRepositories",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:ListTagsForResource",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["${local.arn_prefix}:ecr:${local.region}:${local.account}:repository/${var.service}"]
  }

  # The persistent environments' Terraform owns the repository (ecs-service create_ecr_repository).
  dynamic "statement" {
    for_each = local.deploy[each.key].ephemeral ? [] : [1]

    content {
      sid = "EcrRepository"
      actions = [
        "ecr:CreateRepository",
        "ecr:DeleteLifecyclePolicy",
        "ecr:DeleteRepositoryPolicy",
        "ecr:GetLifecyclePolicy",
        "ecr:GetRepositoryPolicy",
        "ecr:PutImageScanningConfiguration",
        "ecr:PutLifecyclePolicy",
        "ecr:SetRepositoryPolicy",
        "ecr:TagResource",
        "ecr:UntagResource",
      ]
      resources = ["${local.arn_prefix}:ecr:${local.region}:${local.account}:repository/${var.service}"]
    }
  }

  statement {
    sid = "EcsService"
    actions = [
      "ecs:CreateService",
      "ecs:DeleteService",
      "ecs:DescribeServices",
      "ecs:ListServiceDeployments",
      "ecs:ListTagsForResource",
      "ecs:TagResource",
      "ecs:UntagResource",
      "ecs:UpdateService",
    ]
    resources = ["${local.arn_prefix}:ecs:${local.region}:${local.account}:service/${local.deploy[each.key].cluster}/${local.deploy[each.key].ecs_service}"]
  }

  statement {
    sid       = "EcsServiceDeployments"
    actions   = ["ecs:DescribeServiceDeployments"]
    resources = ["${local.arn_prefix}:ecs:${local.region}:${local.account}:service-deployment/${local.deploy[each.key].cluster}/${local.deploy[each.key].ecs_service}/*"]
  }

  # RegisterTaskDefinition has no resource-level permissions: "*" with the tags it must carry.
  statement {
    sid       = "EcsRegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/zeroops:service"
      values   = [var.service]
    }

    condition {
      test     = local.deploy[each.key].tag_test
      variable = "aws:RequestTag/zeroops:environment"
      values   = [local.deploy[each.key].environment]
    }
  }

  # DescribeTaskDefinition has no resource-level permissions (AWS requires "*"); it reads.
  statement {
    sid       = "EcsReadTaskDefinitions"
    actions   = ["ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  # DeregisterTaskDefinition has no resource type either: only the service's tagged revisions.
  statement {
    sid       = "EcsDeregisterTaskDefinitions"
    actions   = ["ecs:DeregisterTaskDefinition"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/zeroops:service"
      values   = [var.service]
    }

    condition {
      test     = local.deploy[each.key].tag_test
      variable = "aws:ResourceTag/zeroops:environment"
      values   = [local.deploy[each.key].environment]
    }
  }

  # The migration task: only the service's family, only in the environment's cluster.
  statement {
    sid       = "EcsRunMigrationTask"
    actions   = ["ecs:RunTask"]
    resources = ["${local.arn_prefix}:ecs:${local.region}:${local.account}:task-definition/${local.deploy[each.key].instance}:*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = ["${local.arn_prefix}:ecs:${local.region}:${local.account}:cluster/${local.deploy[each.key].cluster}"]
    }
  }

  statement {
    sid       = "EcsReadTasks"
    actions   = ["ecs:DescribeTasks"]
    resources = ["${local.arn_prefix}:ecs:${local.region}:${local.account}:task/${local.deploy[each.key].cluster}/*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = ["${local.arn_prefix}:ecs:${local.region}:${local.account}:cluster/${local.deploy[each.key].cluster}"]
    }
  }

  # ListServices has no resource type; the condition keeps it to the environment's cluster. The
  # cleanup workflow's nightly sweep lists the ephemeral cluster's services to find orphans.
  statement {
    sid       = "EcsListServices"
    actions   = ["ecs:ListServices"]
    resources = ["*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = ["${local.arn_prefix}:ecs:${local.region}:${local.account}:cluster/${local.deploy[each.key].cluster}"]
    }
  }

  # Each of the service's roles may be passed only to the AWS service that uses it.
  dynamic "statement" {
    for_each = local.service_roles

    content {
      sid       = statement.value.sid
      actions   = ["iam:PassRole"]
      resources = ["${local.arn_prefix}:iam::${local.account}:role/${local.deploy[each.key].instance}-${statement.key}"]

      condition {
        test     = "StringEquals"
        variable = "iam:PassedToService"
        values   = [statement.value.passed_to]
      }
    }
  }

  statement {
    sid = "ServiceRoles"
    actions = [
      "iam:CreateRole",
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:GetRole",
      "iam:GetRolePolicy",
      "iam:ListAttachedRolePolicies",
      "iam:ListInstanceProfilesForRole",
      "iam:ListRolePolicies",
      "iam:ListRoleTags",
      "iam:PutRolePolicy",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateRole",
    ]
    resources = [
      for suffix in keys(local.service_roles) :
      "${local.arn_prefix}:iam::${local.account}:role/${local.deploy[each.key].instance}-${suffix}"
    ]
  }

  statement {
    sid     = "ServiceRoleManagedPolicies"
    actions = ["iam:AttachRolePolicy", "iam:DetachRolePolicy"]
    resources = [
      for suffix in keys(local.service_roles) :
      "${local.arn_prefix}:iam::${local.account}:role/${local.deploy[each.key].instance}-${suffix}"
    ]

    condition {
      test     = "ArnEquals"
      variable = "iam:PolicyARN"
      values   = [for policy in local.attachable_policies : "${local.arn_prefix}:${policy}"]
    }
  }

  # Terraform state: this service's and environment's key and its S3 native lock file only.
  statement {
    sid       = "StateList"
    actions   = ["s3:ListBucket"]
    resources = [var.deploy_scope == null ? "" : var.deploy_scope.state_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [local.deploy[each.key].state_key, "${local.deploy[each.key].state_key}.tflock"]
    }
  }

  statement {
    sid     = "StateReadWrite"
    actions = ["s3:GetObject", "s3:PutObject"]
    resources = [
      "${var.deploy_scope == null ? "" : var.deploy_scope.state_bucket_arn}/${local.deploy[each.key].state_key}",
    ]
  }

  statement {
    sid     = "StateLock"
    actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = [
      "${var.deploy_scope == null ? "" : var.deploy_scope.state_bucket_arn}/${local.deploy[each.key].state_key}.tflock",
    ]
  }

  statement {
    sid       = "StateKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.deploy_scope == null ? "" : var.deploy_scope.state_kms_key_arn]
  }

  # Resources whose ARN carries the service's name (naming contract).
  statement {
    sid = "NamedResources"
    actions = [
      "backup:CreateBackupVault",
      "backup:DeleteBackupVault",
      "backup:DescribeBackupVault",
      "backup:ListTags",
      "backup:TagResource",
      "backup:UntagResource",
      "cloudwatch:DeleteAlarms",
      "cloudwatch:DeleteDashboards",
      "cloudwatch:DescribeAlarms",
      "cloudwatch:GetDashboard",
      "cloudwatch:ListTagsForResource",
      "cloudwatch:PutDashboard",
      "cloudwatch:PutMetricAlarm",
      "cloudwatch:TagResource",
      "cloudwatch:UntagResource",
      "elasticache:AddTagsToResource",
      "elasticache:CreateServerlessCache",
      "elasticache:DeleteServerlessCache",
      "elasticache:DescribeServerlessCaches",
      "elasticache:ListTagsForResource",
      "elasticache:ModifyServerlessCache",
      "elasticache:RemoveTagsFromResource",
      "elasticloadbalancing:AddTags",
      "elasticloadbalancing:CreateTargetGroup",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:RemoveTags",
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:UpdateAlias",
      "logs:AssociateKmsKey",
      "logs:CreateLogGroup",
      "logs:DeleteLogGroup",
      "logs:DeleteRetentionPolicy",
      "logs:DisassociateKmsKey",
      "logs:ListTagsForResource",
      "logs:PutRetentionPolicy",
      "logs:TagResource",
      "logs:UntagResource",
      "rds:AddTagsToResource",
      "rds:CreateDBCluster",
      "rds:CreateDBClusterParameterGroup",
      "rds:CreateDBInstance",
      "rds:CreateDBSubnetGroup",
      "rds:DeleteDBCluster",
      "rds:DeleteDBClusterParameterGroup",
      "rds:DeleteDBInstance",
      "rds:DeleteDBSubnetGroup",
      "rds:DescribeDBClusterParameterGroups",
      "rds:DescribeDBClusterParameters",
      "rds:DescribeDBClusters",
      "rds:DescribeDBInstances",
      "rds:DescribeDBSubnetGroups",
      "rds:ListTagsForResource",
      "rds:ModifyDBCluster",
      "rds:ModifyDBClusterParameterGroup",
      "rds:ModifyDBInstance",
      "rds:ModifyDBSubnetGroup",
      "rds:RemoveTagsFromResource",
      "secretsmanager:CreateSecret",
      "secretsmanager:DeleteSecret",
      "secretsmanager:DescribeSecret",
      "secretsmanager:GetResourcePolicy",
      "secretsmanager:TagResource",
      "secretsmanager:UntagResource",
      "secretsmanager:UpdateSecret",
      "sns:CreateTopic",
      "sns:DeleteTopic",
      "sns:GetSubscriptionAttributes",
      "sns:GetTopicAttributes",
      "sns:ListSubscriptionsByTopic",
      "sns:ListTagsForResource",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "sns:TagResource",
      "sns:Unsubscribe",
      "sns:UntagResource",
    ]
    resources = [
      "${local.arn_prefix}:backup:${local.region}:${local.account}:backup-vault:${local.deploy[each.key].instance}",
      "${local.arn_prefix}:cloudwatch:${local.region}:${local.account}:alarm:${local.deploy[each.key].instance}-*",
      "${local.arn_prefix}:cloudwatch:us-east-1:${local.account}:alarm:${local.deploy[each.key].instance}-*",
      "${local.arn_prefix}:cloudwatch::${local.account}:dashboard/${local.deploy[each.key].instance}",
      "${local.arn_prefix}:elasticache:${local.region}:${local.account}:serverlesscache:${local.deploy[each.key].instance}",
      "${local.arn_prefix}:elasticloadbalancing:${local.region}:${local.account}:targetgroup/${local.deploy[each.key].instance}-*/*",
      "${local.arn_prefix}:kms:${local.region}:${local.account}:alias/${local.deploy[each.key].instance}-*",
      "${local.arn_prefix}:kms:us-east-1:${local.account}:alias/${local.deploy[each.key].instance}-*",
      "${local.arn_prefix}:logs:${local.region}:${local.account}:log-group:/ecs/${var.service}/${local.deploy[each.key].environment}",
      "${local.arn_prefix}:logs:${local.region}:${local.account}:log-group:/ecs/${var.service}/${local.deploy[each.key].environment}:*",
      "${local.arn_prefix}:logs:us-east-1:${local.account}:log-group:aws-waf-logs-${local.deploy[each.key].instance}",
      "${local.arn_prefix}:logs:us-east-1:${local.account}:log-group:aws-waf-logs-${local.deploy[each.key].instance}:*",
      "${local.arn_prefix}:rds:${local.region}:${local.account}:cluster:${local.deploy[each.key].instance}",
      "${local.arn_prefix}:rds:${local.region}:${local.account}:cluster-pg:${local.deploy[each.key].instance}-*",
      "${local.arn_prefix}:rds:${local.region}:${local.account}:db:${local.deploy[each.key].instance}-*",
      "${local.arn_prefix}:rds:${local.region}:${local.account}:subgrp:${local.deploy[each.key].instance}",
      "${local.arn_prefix}:secretsmanager:${local.region}:${local.account}:secret:${var.service}/${local.deploy[each.key].environment}/*",
      "${local.arn_prefix}:sns:${local.region}:${local.account}:${local.deploy[each.key].instance}-*",
    ]
  }

  # Resources AWS names by generated id (keys, security groups, listener rules, scaling targets,
  # distributions, backup plans): only those tagged with the service and environment.
  statement {
    sid = "TaggedResources"
    actions = [
      "application-autoscaling:DeleteScalingPolicy",
      "application-autoscaling:DeleteScheduledAction",
      "application-autoscaling:DeregisterScalableTarget",
      "application-autoscaling:PutScalingPolicy",
      "application-autoscaling:PutScheduledAction",
      "application-autoscaling:TagResource",
      "application-autoscaling:UntagResource",
      "backup:CreateBackupSelection",
      "backup:DeleteBackupPlan",
      "backup:DeleteBackupSelection",
      "backup:GetBackupPlan",
      "backup:GetBackupSelection",
      "backup:UpdateBackupPlan",
      "cloudfront:DeleteDistribution",
      "cloudfront:GetDistribution",
      "cloudfront:TagResource",
      "cloudfront:UntagResource",
      "cloudfront:UpdateDistribution",
      "ec2:AuthorizeSecurityGroupEgress",
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:CreateTags",
      "ec2:DeleteSecurityGroup",
      "ec2:DeleteTags",
      "ec2:ModifySecurityGroupRules",
      "ec2:RevokeSecurityGroupEgress",
      "ec2:RevokeSecurityGroupIngress",
      "elasticloadbalancing:DeleteRule",
      "elasticloadbalancing:ModifyRule",
      "kms:CreateGrant",
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:DisableKeyRotation",
      "kms:EnableKeyRotation",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListResourceTags",
      "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateKeyDescription",
    ]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/zeroops:service"
      values   = [var.service]
    }

    condition {
      test     = local.deploy[each.key].tag_test
      variable = "aws:ResourceTag/zeroops:environment"
      values   = [local.deploy[each.key].environment]
    }
  }

  # Creating those resources: only with the service's and environment's tags in the request.
  statement {
    sid = "CreateTaggedResources"
    actions = [
      "application-autoscaling:RegisterScalableTarget",
      "backup:CreateBackupPlan",
      "cloudfront:CreateDistributionWithTags",
      "ec2:CreateSecurityGroup",
      "elasticloadbalancing:CreateRule",
      "kms:CreateKey",
    ]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/zeroops:service"
      values   = [var.service]
    }

    condition {
      test     = local.deploy[each.key].tag_test
      variable = "aws:RequestTag/zeroops:environment"
      values   = [local.deploy[each.key].environment]
    }
  }

  # Tagging on create (AWS authorizes the tags separately): only resources without a
  # zeroops:service tag yet, so no other service's resource can be re-tagged into reach.
  statement {
    sid = "TagOnCreate"
    actions = [
      "application-autoscaling:TagResource",
      "cloudfront:TagResource",
      "ec2:CreateTags",
      "ecs:TagResource",
      "elasticloadbalancing:AddTags",
      "kms:TagResource",
    ]
    resources = ["*"]

    condition {
      test     = "Null"
      variable = "aws:ResourceTag/zeroops:service"
      values   = ["true"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/zeroops:service"
      values   = [var.service]
    }

    condition {
      test     = local.deploy[each.key].tag_test
      variable = "aws:RequestTag/zeroops:environment"
      values   = [local.deploy[each.key].environment]
    }
  }

  # New security groups go into the environment's platform VPC only.
  statement {
    sid       = "PlatformVpc"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = ["${local.arn_prefix}:ec2:${local.region}:${local.account}:vpc/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/zeroops:environment"
      values   = [each.key]
    }
  }

  # Listener rules go on the environment's load balancer (zeroops-<environment>) only.
  statement {
    sid       = "PlatformListener"
    actions   = ["elasticloadbalancing:CreateRule"]
    resources = ["${local.arn_prefix}:elasticloadbalancing:${local.region}:${local.account}:listener/app/zeroops-${each.key}/*"]
  }

  # DNS records under the service's own names only.
  statement {
    sid       = "ServiceRecords"
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = ["${local.arn_prefix}:route53:::hostedzone/*"]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "route53:ChangeResourceRecordSetsNormalizedRecordNames"
      values = local.deploy[each.key].ephemeral ? ["${var.service}-pr-*.*"] : [
        "${var.service}.*",
        "${var.service}.origin.*",
      ]
    }
  }

  # The web ACL of the service's CloudFront distribution (cdn module; CLOUDFRONT scope lives in
  # us-east-1) and the AWS managed rule groups it references.
  statement {
    sid = "WebAcl"
    actions = [
      "wafv2:CreateWebACL",
      "wafv2:DeleteLoggingConfiguration",
      "wafv2:DeleteWebACL",
      "wafv2:GetLoggingConfiguration",
      "wafv2:GetWebACL",
      "wafv2:ListTagsForResource",
      "wafv2:PutLoggingConfiguration",
      "wafv2:TagResource",
      "wafv2:UntagResource",
      "wafv2:UpdateWebACL",
    ]
    resources = [
      "${local.arn_prefix}:wafv2:us-east-1:${local.account}:global/webacl/${local.deploy[each.key].instance}/*",
      "${local.arn_prefix}:wafv2:us-east-1:${local.account}:global/managedruleset/*/*",
    ]
  }

  # The cdn module's buckets: <instance>-cdn-logs-<account> and <instance>-static-<account>.
  statement {
    sid = "CdnBuckets"
    actions = [
      "s3:CreateBucket",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:GetBucketAcl",
      "s3:GetBucketCORS",
      "s3:GetBucketLocation",
      "s3:GetBucketLogging",
      "s3:GetBucketObjectLockConfiguration",
      "s3:GetBucketOwnershipControls",
      "s3:GetBucketPolicy",
      "s3:GetBucketPublicAccessBlock",
      "s3:GetBucketTagging",
      "s3:GetBucketVersioning",
      "s3:GetBucketWebsite",
      "s3:GetAccelerateConfiguration",
      "s3:GetEncryptionConfiguration",
      "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration",
      "s3:GetBucketRequestPayment",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketTagging",
      "s3:PutBucketVersioning",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration",
      "s3:PutReplicationConfiguration",
    ]
    resources = [
      "${local.arn_prefix}:s3:::${local.deploy[each.key].instance}-cdn-logs-${local.account}",
      "${local.arn_prefix}:s3:::${local.deploy[each.key].instance}-static-${local.account}",
    ]
  }

  # CloudFront origin access controls and response headers policies have generated ids and no
  # tags: the deploy role can create and change them, not read or change distributions.
  statement {
    sid = "CloudFrontPolicies"
    actions = [
      "cloudfront:CreateOriginAccessControl",
      "cloudfront:CreateResponseHeadersPolicy",
      "cloudfront:DeleteOriginAccessControl",
      "cloudfront:DeleteResponseHeadersPolicy",
      "cloudfront:GetCachePolicy",
      "cloudfront:GetOriginAccessControl",
      "cloudfront:GetOriginRequestPolicy",
      "cloudfront:GetResponseHeadersPolicy",
      "cloudfront:UpdateOriginAccessControl",
      "cloudfront:UpdateResponseHeadersPolicy",
    ]
    resources = [
      "${local.arn_prefix}:cloudfront::${local.account}:cache-policy/*",
      "${local.arn_prefix}:cloudfront::${local.account}:origin-access-control/*",
      "${local.arn_prefix}:cloudfront::${local.account}:origin-request-policy/*",
      "${local.arn_prefix}:cloudfront::${local.account}:response-headers-policy/*",
    ]
  }

  # Pull requests claim their listener rule priority in the ephemeral load balancer's SSM
  # registry (ecs-service README "Listener rule priorities"): every claim can be read (no secrets);
  # only claims tagged with the service and a pull request can be created, changed or deleted,
  # and no other service's claim can be re-tagged into reach.
  dynamic "statement" {
    for_each = local.deploy[each.key].ephemeral ? ["parameter/zeroops/zeroops-${each.key}/listener-rule-priorities/*"] : []

    content {
      sid       = "ReadListenerRulePriorityClaims"
      actions   = ["ssm:GetParameter", "ssm:GetParametersByPath", "ssm:ListTagsForResource"]
      resources = ["${local.arn_prefix}:ssm:${local.region}:${local.account}:${statement.value}"]
    }
  }

  dynamic "statement" {
    for_each = local.deploy[each.key].ephemeral ? ["parameter/zeroops/zeroops-${each.key}/listener-rule-priorities/*/*"] : []

    content {
      sid       = "CreateListenerRulePriorityClaims"
      actions   = ["ssm:AddTagsToResource", "ssm:PutParameter"]
      resources = ["${local.arn_prefix}:ssm:${local.region}:${local.account}:${statement.value}"]

      condition {
        test     = "Null"
        variable = "aws:ResourceTag/zeroops:service"
        values   = ["true"]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:RequestTag/zeroops:service"
        values   = [var.service]
      }

      condition {
        test     = local.deploy[each.key].tag_test
        variable = "aws:RequestTag/zeroops:environment"
        values   = [local.deploy[each.key].environment]
      }
    }
  }

  dynamic "statement" {
    for_each = local.deploy[each.key].ephemeral ? ["parameter/zeroops/zeroops-${each.key}/listener-rule-priorities/*/*"] : []

    content {
      sid       = "ListenerRulePriorityClaims"
      actions   = ["ssm:AddTagsToResource", "ssm:DeleteParameter", "ssm:PutParameter", "ssm:RemoveTagsFromResource"]
      resources = ["${local.arn_prefix}:ssm:${local.region}:${local.account}:${statement.value}"]

      condition {
        test     = "StringEquals"
        variable = "aws:ResourceTag/zeroops:service"
        values   = [var.service]
      }

      condition {
        test     = local.deploy[each.key].tag_test
        variable = "aws:ResourceTag/zeroops:environment"
        values   = [local.deploy[each.key].environment]
      }
    }
  }

  # Reads Terraform needs to refresh state; AWS offers no resource-level permissions for them.
  statement {
    sid = "Describe"
    actions = [
      "application-autoscaling:DescribeScalableTargets",
      "application-autoscaling:DescribeScalingPolicies",
      "application-autoscaling:DescribeScheduledActions",
      "ec2:DescribeSecurityGroupRules",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcs",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
      "logs:DescribeLogGroups",
      "route53:ListHostedZones",
    ]
    resources = ["*"]
  }

  # Route 53 health checks have generated ids and no tag conditions (dns module).
  statement {
    sid       = "CreateHealthChecks"
    actions   = ["route53:CreateHealthCheck"]
    resources = ["*"]
  }

  statement {
    sid = "HealthChecks"
    actions = [
      "route53:ChangeTagsForResource",
      "route53:DeleteHealthCheck",
      "route53:GetHealthCheck",
      "route53:UpdateHealthCheck",
    ]
    resources = ["${local.arn_prefix}:route53:::healthcheck/*"]
  }

  statement {
    sid       = "ReadHostedZones"
    actions   = ["route53:GetHostedZone", "route53:ListResourceRecordSets", "route53:ListTagsForResource"]
    resources = ["${local.arn_prefix}:route53:::hostedzone/*"]
  }

  # Terraform waits for record changes to reach INSYNC.
  statement {
    sid       = "ReadRecordChanges"
    actions   = ["route53:GetChange"]
    resources = ["${local.arn_prefix}:route53:::change/*"]
  }
}

resource "aws_iam_role_policy" "deploy" {
  for_each = local.deploy_environments

  name   = "zeroops-deploy"
  role   = aws_iam_role.environment[each.key].id
  policy = data.aws_iam_policy_document.deploy[each.key].json
}
