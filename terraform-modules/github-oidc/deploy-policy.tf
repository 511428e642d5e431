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
#
# The statements are data, grouped by what they are for: deploy-policy-delivery.tf (image,
# ECS service, roles, state), deploy-policy-resources.tf (what the service's Terraform manages)
# and deploy-policy-edge.tf (DNS, CloudFront, WAF). This file renders them into one document.
# ---------------------------------------------------------------------------------------------

locals {
  deploy_environments = var.deploy_scope == null ? {} : var.environments

  arn_prefix = "arn:${var.partition}"
  region     = var.deploy_scope == null ? "" : var.deploy_scope.region
  account    = var.deploy_scope == null ? "" : var.deploy_scope.account_id

  # arn:<partition>:<service>:<region>:<account> in the deploy region, and in us-east-1 for
  # what CloudFront's web ACL brings there (its logs, alarms and key aliases).
  regional_arn = {
    for service in ["backup", "cloudwatch", "ec2", "ecr", "ecs", "elasticache", "elasticloadbalancing", "kms", "logs", "rds", "secretsmanager", "sns", "ssm"] :
    service => "${local.arn_prefix}:${service}:${local.region}:${local.account}"
  }
  us_east_1_arn = {
    for service in ["cloudwatch", "kms", "logs", "wafv2"] :
    service => "${local.arn_prefix}:${service}:us-east-1:${local.account}"
  }

  # Names of the service's resources per deploy role (plugins/zeroops-common/src/naming.ts).
  deploy_names = {
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
      # The environment load balancer's listener rule priority registry (ecs-service README).
      priority_claims = "${local.regional_arn.ssm}:parameter/zeroops/zeroops-${env}/listener-rule-priorities"
    }
  }

  # The names, and the conditions several statements share.
  deploy = {
    for env, d in local.deploy_names : env => merge(d, {
      # Tagged with the service and the environment: in the request (RequestTag: creating or
      # tagging a resource) or on the resource (ResourceTag: changing it).
      tagged = {
        for key in ["RequestTag", "ResourceTag"] : key => [
          { test = "StringEquals", variable = "aws:${key}/zeroops:service", values = [var.service] },
          { test = d.tag_test, variable = "aws:${key}/zeroops:environment", values = [d.environment] },
        ]
      }
      # Tagging on create (AWS authorizes the tags separately): only resources without a
      # zeroops:service tag yet, so no other service's resource can be re-tagged into reach.
      untagged = [{ test = "Null", variable = "aws:ResourceTag/zeroops:service", values = ["true"] }]
      # Only in the environment's cluster.
      in_cluster = [{ test = "ArnEquals", variable = "ecs:cluster", values = ["${local.regional_arn.ecs}:cluster/${d.cluster}"] }]
    })
  }

  # Every statement of each deploy role: { sid, actions, resources, conditions (optional) }.
  deploy_statements = {
    for env in keys(local.deploy) : env => concat(
      local.delivery_statements[env],
      local.service_resource_statements[env],
      local.edge_statements[env],
    )
  }
}

data "aws_iam_policy_document" "deploy" {
  for_each = local.deploy_environments

  dynamic "statement" {
    for_each = local.deploy_statements[each.key]

    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources

      dynamic "condition" {
        for_each = try(statement.value.conditions, [])

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

resource "aws_iam_role_policy" "deploy" {
  for_each = local.deploy_environments

  name   = "zeroops-deploy"
  role   = aws_iam_role.environment[each.key].id
  policy = data.aws_iam_policy_document.deploy[each.key].json
}
