data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  partition    = data.aws_partition.current.partition
  account_id   = data.aws_caller_identity.current.account_id
  account_root = "arn:${local.partition}:iam::${local.account_id}:root"
  # The key's region: services such as CloudWatch Logs use a key of their own region only.
  region = coalesce(var.region, data.aws_region.current.region)

  # The account administers the key through IAM (and can recover it if a policy locks everyone
  # else out); it cannot use it for data unless a statement below allows that.
  administration_actions = concat(
    ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand"],
    var.allow_replication ? ["kms:ReplicateKey"] : [],
  )

  # What a user of a symmetric key needs for data, and no more.
  data_actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]

  # The uses several modules share, built here once, in this order, then the caller's own.
  use_statements = concat(
    var.allow_account_use == null ? [] : [{
      sid        = var.allow_account_use.sid
      actions    = concat(local.data_actions, var.allow_account_use.grant_actions)
      principals = { type = "AWS", identifiers = concat([local.account_root], var.allow_account_use.additional_principal_arns) }
      conditions = length(var.allow_account_use.via_services) == 0 ? [] : [
        { test = "StringLike", variable = "kms:ViaService", values = var.allow_account_use.via_services },
      ]
    }],
    # A log group can only use a key of its own region, through the regional service principal.
    var.allow_cloudwatch_logs == null ? [] : [{
      sid        = "CloudWatchLogs"
      actions    = local.data_actions
      principals = { type = "Service", identifiers = ["logs.${local.region}.amazonaws.com"] }
      conditions = [
        { test = "ArnLike", variable = "kms:EncryptionContext:aws:logs:arn", values = [for name in var.allow_cloudwatch_logs.log_group_names : "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${name}"] },
      ]
    }],
    # An alarm publishes to an encrypted SNS topic only if CloudWatch can generate and read its data keys.
    var.allow_cloudwatch_alarms ? [{
      sid        = "CloudWatchAlarmsPublish"
      actions    = ["kms:Decrypt", "kms:GenerateDataKey*"]
      principals = { type = "Service", identifiers = ["cloudwatch.amazonaws.com"] }
      conditions = [
        { test = "StringEquals", variable = "aws:SourceAccount", values = [local.account_id] },
      ]
    }] : [],
    var.policy_statements,
  )
}

data "aws_iam_policy_document" "this" {
  #checkov:skip=CKV_AWS_109:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_109.
  #checkov:skip=CKV_AWS_111:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_111.
  #checkov:skip=CKV_AWS_356:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_356.
  statement {
    sid       = "AccountAdministration"
    actions   = local.administration_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [local.account_root]
    }
  }

  dynamic "statement" {
    for_each = local.use_statements

    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = ["*"]

      principals {
        type        = statement.value.principals.type
        identifiers = statement.value.principals.identifiers
      }

      dynamic "condition" {
        for_each = statement.value.conditions

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

resource "aws_kms_key" "this" {
  region = var.region

  description             = var.description
  enable_key_rotation     = true
  deletion_window_in_days = var.deletion_window_in_days
  multi_region            = var.multi_region
  policy                  = data.aws_iam_policy_document.this.json

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count  = var.alias == null ? 0 : 1
  region = var.region

  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this.key_id
}
