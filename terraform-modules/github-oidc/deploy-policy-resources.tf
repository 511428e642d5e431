# Deploy policy statements for the resources the service's Terraform manages: those named after
# the service and environment, those AWS names by generated id (by tags), and the platform's
# VPC, listeners and listener rule priority registry they attach to.

locals {
  service_resource_statements = {
    for env, d in local.deploy : env => concat(
      [
        # Resources whose ARN carries the service's name (naming contract).
        {
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
            "${local.regional_arn.backup}:backup-vault:${d.instance}",
            "${local.regional_arn.cloudwatch}:alarm:${d.instance}-*",
            "${local.us_east_1_arn.cloudwatch}:alarm:${d.instance}-*",
            "${local.arn_prefix}:cloudwatch::${local.account}:dashboard/${d.instance}",
            "${local.regional_arn.elasticache}:serverlesscache:${d.instance}",
            "${local.regional_arn.elasticloadbalancing}:targetgroup/${d.instance}-*/*",
            "${local.regional_arn.kms}:alias/${d.instance}-*",
            "${local.us_east_1_arn.kms}:alias/${d.instance}-*",
            "${local.regional_arn.logs}:log-group:/ecs/${var.service}/${d.environment}",
            "${local.regional_arn.logs}:log-group:/ecs/${var.service}/${d.environment}:*",
            "${local.us_east_1_arn.logs}:log-group:aws-waf-logs-${d.instance}",
            "${local.us_east_1_arn.logs}:log-group:aws-waf-logs-${d.instance}:*",
            "${local.regional_arn.rds}:cluster:${d.instance}",
            "${local.regional_arn.rds}:cluster-pg:${d.instance}-*",
            "${local.regional_arn.rds}:db:${d.instance}-*",
            "${local.regional_arn.rds}:subgrp:${d.instance}",
            "${local.regional_arn.secretsmanager}:secret:${var.service}/${d.environment}/*",
            "${local.regional_arn.sns}:${d.instance}-*",
          ]
        },
        # Resources AWS names by generated id (keys, security groups, listener rules, scaling
        # targets, distributions, backup plans): only those tagged with the service and environment.
        {
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
          resources  = ["*"]
          conditions = d.tagged.ResourceTag
        },
        # Creating those resources: only with the service's and environment's tags in the request.
        {
          sid = "CreateTaggedResources"
          actions = [
            "application-autoscaling:RegisterScalableTarget",
            "backup:CreateBackupPlan",
            "cloudfront:CreateDistributionWithTags",
            "ec2:CreateSecurityGroup",
            "elasticloadbalancing:CreateRule",
            "kms:CreateKey",
          ]
          resources  = ["*"]
          conditions = d.tagged.RequestTag
        },
        {
          sid = "TagOnCreate"
          actions = [
            "application-autoscaling:TagResource",
            "cloudfront:TagResource",
            "ec2:CreateTags",
            "ecs:TagResource",
            "elasticloadbalancing:AddTags",
            "kms:TagResource",
          ]
          resources  = ["*"]
          conditions = concat(d.untagged, d.tagged.RequestTag)
        },
        # New security groups go into the environment's platform VPC only.
        {
          sid        = "PlatformVpc"
          actions    = ["ec2:CreateSecurityGroup"]
          resources  = ["${local.regional_arn.ec2}:vpc/*"]
          conditions = [{ test = "StringEquals", variable = "aws:ResourceTag/zeroops:environment", values = [env] }]
        },
        # Listener rules go on the environment's load balancer (zeroops-<environment>) only.
        {
          sid       = "PlatformListener"
          actions   = ["elasticloadbalancing:CreateRule"]
          resources = ["${local.regional_arn.elasticloadbalancing}:listener/app/zeroops-${env}/*"]
        },
      ],
      # Pull requests claim their listener rule priority in the ephemeral load balancer's SSM
      # registry (ecs-service README "Listener rule priorities"): every claim can be read (no
      # secrets); only claims tagged with the service and a pull request can be created, changed
      # or deleted, and no other service's claim can be re-tagged into reach.
      [for statement in [
        {
          sid       = "ReadListenerRulePriorityClaims"
          actions   = ["ssm:GetParameter", "ssm:GetParametersByPath", "ssm:ListTagsForResource"]
          resources = ["${d.priority_claims}/*"]
        },
        {
          sid        = "CreateListenerRulePriorityClaims"
          actions    = ["ssm:AddTagsToResource", "ssm:PutParameter"]
          resources  = ["${d.priority_claims}/*/*"]
          conditions = concat(d.untagged, d.tagged.RequestTag)
        },
        {
          sid        = "ListenerRulePriorityClaims"
          actions    = ["ssm:AddTagsToResource", "ssm:DeleteParameter", "ssm:PutParameter", "ssm:RemoveTagsFromResource"]
          resources  = ["${d.priority_claims}/*/*"]
          conditions = d.tagged.ResourceTag
        },
      ] : statement if d.ephemeral],
      [
        # Reads Terraform needs to refresh state; AWS offers no resource-level permissions for them.
        {
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
        },
      ],
    )
  }
}
