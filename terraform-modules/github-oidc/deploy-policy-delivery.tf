# Deploy policy statements for what a deploy job does itself: push the image, register and run
# task definitions, update the ECS service, pass the service's roles, use its Terraform state.

locals {
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

  # ARNs of those roles per deploy role, by role name suffix.
  service_role_arns = {
    for env, d in local.deploy : env => {
      for suffix in keys(local.service_roles) : suffix => "${local.arn_prefix}:iam::${local.account}:role/${d.instance}-${suffix}"
    }
  }

  state_bucket_arn  = var.deploy_scope == null ? "" : var.deploy_scope.state_bucket_arn
  state_kms_key_arn = var.deploy_scope == null ? "" : var.deploy_scope.state_kms_key_arn

  delivery_statements = {
    for env, d in local.deploy : env => concat(
      [
        # AWS requires "*": GetAuthorizationToken has no resource type.
        {
          sid       = "EcrLogin"
          actions   = ["ecr:GetAuthorizationToken"]
          resources = ["*"]
        },
        {
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
          resources = ["${local.regional_arn.ecr}:repository/${var.service}"]
        },
      ],
      # The persistent environments' Terraform owns the repository (ecs-service create_ecr_repository).
      [for statement in [{
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
        resources = ["${local.regional_arn.ecr}:repository/${var.service}"]
      }] : statement if !d.ephemeral],
      [
        {
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
          resources = ["${local.regional_arn.ecs}:service/${d.cluster}/${d.ecs_service}"]
        },
        {
          sid       = "EcsServiceDeployments"
          actions   = ["ecs:DescribeServiceDeployments"]
          resources = ["${local.regional_arn.ecs}:service-deployment/${d.cluster}/${d.ecs_service}/*"]
        },
        # RegisterTaskDefinition has no resource-level permissions: "*" with the tags it must carry.
        {
          sid        = "EcsRegisterTaskDefinition"
          actions    = ["ecs:RegisterTaskDefinition"]
          resources  = ["*"]
          conditions = d.tagged.RequestTag
        },
        # DescribeTaskDefinition has no resource-level permissions (AWS requires "*"); it reads.
        {
          sid       = "EcsReadTaskDefinitions"
          actions   = ["ecs:DescribeTaskDefinition"]
          resources = ["*"]
        },
        # DeregisterTaskDefinition has no resource type either: only the service's tagged revisions.
        {
          sid        = "EcsDeregisterTaskDefinitions"
          actions    = ["ecs:DeregisterTaskDefinition"]
          resources  = ["*"]
          conditions = d.tagged.ResourceTag
        },
        # The migration task: only the service's family, only in the environment's cluster.
        {
          sid        = "EcsRunMigrationTask"
          actions    = ["ecs:RunTask"]
          resources  = ["${local.regional_arn.ecs}:task-definition/${d.instance}:*"]
          conditions = d.in_cluster
        },
        {
          sid        = "EcsReadTasks"
          actions    = ["ecs:DescribeTasks"]
          resources  = ["${local.regional_arn.ecs}:task/${d.cluster}/*"]
          conditions = d.in_cluster
        },
        # ListServices has no resource type; the condition keeps it to the environment's cluster.
        # The cleanup workflow's nightly sweep lists the ephemeral cluster's services to find orphans.
        {
          sid        = "EcsListServices"
          actions    = ["ecs:ListServices"]
          resources  = ["*"]
          conditions = d.in_cluster
        },
      ],
      # Each of the service's roles may be passed only to the AWS service that uses it.
      [
        for suffix, role in local.service_roles : {
          sid        = role.sid
          actions    = ["iam:PassRole"]
          resources  = [local.service_role_arns[env][suffix]]
          conditions = [{ test = "StringEquals", variable = "iam:PassedToService", values = [role.passed_to] }]
        }
      ],
      [
        {
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
          resources = values(local.service_role_arns[env])
        },
        {
          sid        = "ServiceRoleManagedPolicies"
          actions    = ["iam:AttachRolePolicy", "iam:DetachRolePolicy"]
          resources  = values(local.service_role_arns[env])
          conditions = [{ test = "ArnEquals", variable = "iam:PolicyARN", values = [for policy in local.attachable_policies : "${local.arn_prefix}:${policy}"] }]
        },
        # Terraform state: this service's and environment's key and its S3 native lock file only.
        {
          sid        = "StateList"
          actions    = ["s3:ListBucket"]
          resources  = [local.state_bucket_arn]
          conditions = [{ test = "StringLike", variable = "s3:prefix", values = [d.state_key, "${d.state_key}.tflock"] }]
        },
        {
          sid       = "StateReadWrite"
          actions   = ["s3:GetObject", "s3:PutObject"]
          resources = ["${local.state_bucket_arn}/${d.state_key}"]
        },
        {
          sid       = "StateLock"
          actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
          resources = ["${local.state_bucket_arn}/${d.state_key}.tflock"]
        },
        {
          sid       = "StateKey"
          actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
          resources = [local.state_kms_key_arn]
        },
      ],
    )
  }
}
