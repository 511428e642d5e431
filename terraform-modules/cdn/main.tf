data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}

# Forwards everything the application needs except Host, so the origin sees its own name.
data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

locals {
  is_production = var.environment == "production"
  is_ephemeral  = startswith(var.environment, "pr-")
  account_id    = data.aws_caller_identity.current.account_id
  partition     = data.aws_partition.current.partition
  name          = "${var.service}-${var.environment}"
  retention     = var.log_retention_days != null ? var.log_retention_days : (local.is_production ? 365 : 30)
  web_acl_arn   = var.web_acl_arn != null ? var.web_acl_arn : aws_wafv2_web_acl.this[0].arn
  static        = var.static_assets != null
  replicate     = local.static ? var.static_assets.replica_region != null : false

  # Any distribution of this account may use the key: naming the distribution here would make
  # the key depend on the distribution that depends on the bucket that depends on the key.
  distributions_of_account = "arn:${local.partition}:cloudfront::${local.account_id}:distribution/*"

  tags = merge(var.tags, {
    "zeroops:service"     = var.service
    "zeroops:environment" = var.environment
  })
}

# ---------------------------------------------------------------------------------------------
# Key for the log and static asset buckets
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "kms" {
  #checkov:skip=CKV_AWS_109:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_109.
  #checkov:skip=CKV_AWS_111:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_111.
  #checkov:skip=CKV_AWS_356:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_356.
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "AccountUseThroughServices"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudFrontReadsStaticAssets"
    actions   = ["kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [local.distributions_of_account]
    }
  }

  statement {
    sid       = "CloudFrontWritesAccessLogs"
    actions   = ["kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "this" {
  description             = "${local.name} CloudFront logs and static assets"
  enable_key_rotation     = true
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  policy                  = data.aws_iam_policy_document.kms.json

  tags = local.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${local.name}-cdn"
  target_key_id = aws_kms_key.this.key_id
}
