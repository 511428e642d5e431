data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region
  trail_name = var.trail_name != null ? var.trail_name : "zeroops-${var.environment}-audit"
  trail_arn  = "arn:${local.partition}:cloudtrail:${local.region}:${local.account_id}:trail/${local.trail_name}"
  bucket     = "${local.trail_name}-${local.account_id}"
  # Known before the log group exists, so that the key policy can name it.
  log_group_name = "/aws/cloudtrail/${local.trail_name}"
  log_group_arn  = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"
}

# ---------------------------------------------------------------------------------------------
# Key (CKV_AWS_35)
# ---------------------------------------------------------------------------------------------

module "kms" {
  source = "../kms-key"

  description             = "CloudTrail ${local.trail_name}"
  alias                   = local.trail_name
  deletion_window_in_days = 30
  policy_statements = [
    {
      sid        = "CloudTrailEncrypt"
      actions    = ["kms:GenerateDataKey*"]
      principals = { type = "Service", identifiers = ["cloudtrail.amazonaws.com"] }
      conditions = [
        { test = "StringEquals", variable = "aws:SourceArn", values = [local.trail_arn] },
        { test = "StringLike", variable = "kms:EncryptionContext:aws:cloudtrail:arn", values = ["arn:${local.partition}:cloudtrail:*:${local.account_id}:trail/*"] },
      ]
    },
    {
      sid        = "CloudTrailDescribe"
      actions    = ["kms:DescribeKey"]
      principals = { type = "Service", identifiers = ["cloudtrail.amazonaws.com"] }
      conditions = [
        { test = "StringEquals", variable = "aws:SourceArn", values = [local.trail_arn] },
      ]
    },
    # The trail's CloudWatch Logs copy (CKV2_AWS_10) is encrypted with this key too.
    {
      sid        = "CloudWatchLogsEncrypt"
      actions    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
      principals = { type = "Service", identifiers = ["logs.${local.region}.amazonaws.com"] }
      conditions = [
        { test = "ArnEquals", variable = "kms:EncryptionContext:aws:logs:arn", values = [local.log_group_arn] },
      ]
    },
    # Auditors in this account read the logs (decryption needs IAM permission as well).
    {
      sid        = "AccountDecryptLogs"
      actions    = ["kms:Decrypt", "kms:ReEncryptFrom"]
      principals = { type = "AWS", identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"] }
      conditions = [
        { test = "StringLike", variable = "kms:EncryptionContext:aws:cloudtrail:arn", values = ["arn:${local.partition}:cloudtrail:*:${local.account_id}:trail/*"] },
      ]
    },
  ]

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Dedicated log bucket
# ---------------------------------------------------------------------------------------------

# Protected from destruction (prevent_destroy), TLS-only, versioned, encrypted with the key above.
module "log_bucket" {
  source = "../secure-bucket"

  name        = local.bucket
  kms_key_arn = module.kms.key_arn

  lifecycle_rule = {
    id                                 = "archive-then-expire"
    transitions                        = [{ days = 90, storage_class = "GLACIER_IR" }]
    expiration_days                    = var.log_retention_days
    noncurrent_version_expiration_days = 30
  }

  policy_statements = [
    {
      sid        = "CloudTrailAclCheck"
      actions    = ["s3:GetBucketAcl"]
      principals = [{ type = "Service", identifiers = ["cloudtrail.amazonaws.com"] }]
      conditions = [
        { test = "StringEquals", variable = "aws:SourceArn", values = [local.trail_arn] },
      ]
    },
    {
      sid         = "CloudTrailWrite"
      actions     = ["s3:PutObject"]
      principals  = [{ type = "Service", identifiers = ["cloudtrail.amazonaws.com"] }]
      object_keys = ["AWSLogs/${local.account_id}/*"]
      conditions = [
        { test = "StringEquals", variable = "aws:SourceArn", values = [local.trail_arn] },
        { test = "StringEquals", variable = "s3:x-amz-acl", values = ["bucket-owner-full-control"] },
      ]
    },
    # Nobody, not even an administrator of this account, may delete audit logs early.
    {
      sid         = "DenyLogDeletion"
      effect      = "Deny"
      actions     = ["s3:DeleteObject", "s3:DeleteObjectVersion"]
      principals  = [{ type = "*", identifiers = ["*"] }]
      object_keys = ["*"]
      conditions = [
        { test = "StringNotEquals", variable = "aws:PrincipalServiceName", values = ["s3.amazonaws.com"] },
      ]
    },
  ]

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Trail (CKV_AWS_36, CKV_AWS_67)
# ---------------------------------------------------------------------------------------------

# CloudWatch Logs copy of the trail (CKV2_AWS_10): metric filters and alarms act on API events
# within minutes; the S3 bucket stays the long-term archive.
resource "aws_cloudwatch_log_group" "trail" {
  name              = local.log_group_name
  retention_in_days = var.cloudwatch_logs_retention_days
  kms_key_id        = module.kms.key_arn

  tags = local.tags
}

data "aws_iam_policy_document" "trail_logs_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
  }
}

data "aws_iam_policy_document" "trail_logs" {
  statement {
    sid       = "DeliverTrailEvents"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.trail.arn}:log-stream:*"]
  }
}

resource "aws_iam_role" "trail_logs" {
  name               = "${local.trail_name}-cloudwatch-logs"
  assume_role_policy = data.aws_iam_policy_document.trail_logs_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy" "trail_logs" {
  name   = "deliver-trail-events"
  role   = aws_iam_role.trail_logs.id
  policy = data.aws_iam_policy_document.trail_logs.json
}

resource "aws_cloudtrail" "this" {
  #checkov:skip=CKV_AWS_252:An SNS message per delivered log file is noise; replaced by the CloudWatch Logs copy of the trail (CKV2_AWS_10), where metric filters raise alarms.
  name                          = local.trail_name
  s3_bucket_name                = module.log_bucket.bucket_name
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail_logs.arn
  kms_key_id                    = module.kms.key_arn
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }

  tags = local.tags

  depends_on = [module.log_bucket, aws_iam_role_policy.trail_logs]
}

# ---------------------------------------------------------------------------------------------
# Allowed-regions guard (data residency)
# ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "region_guard" {
  statement {
    sid    = "DenyOutsideAllowedRegions"
    effect = "Deny"
    # Global services have their endpoint in us-east-1 or no region at all.
    not_actions = [
      "account:*", "acm:*", "budgets:*", "ce:*", "cloudfront:*", "globalaccelerator:*", "health:*", "iam:*",
      "organizations:*", "route53:*", "route53domains:*", "s3:GetBucketLocation", "s3:ListAllMyBuckets",
      "sts:*", "support:*", "trustedadvisor:*", "waf:*", "wafv2:*",
    ]
    resources = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = var.allowed_regions
    }

    dynamic "condition" {
      for_each = length(var.region_guard_exempt_role_arns) > 0 ? [1] : []

      content {
        test     = "ArnNotLike"
        variable = "aws:PrincipalArn"
        values   = var.region_guard_exempt_role_arns
      }
    }
  }
}

resource "aws_organizations_policy" "region_guard" {
  count = length(var.organization_target_ids) > 0 ? 1 : 0

  name        = "zeroops-allowed-regions"
  description = "Deny regional services outside ${join(", ", var.allowed_regions)}"
  type        = "SERVICE_CONTROL_POLICY"
  content     = data.aws_iam_policy_document.region_guard.json

  tags = local.tags
}

resource "aws_organizations_policy_attachment" "region_guard" {
  count = length(var.organization_target_ids)

  policy_id = aws_organizations_policy.region_guard[0].id
  target_id = var.organization_target_ids[count.index]
}
