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
}

# ---------------------------------------------------------------------------------------------
# Key for the log and static asset buckets
# ---------------------------------------------------------------------------------------------

# Who may use the keys of this module besides the account administrators (kms-key module).
locals {
  kms_account_use = { sid = "AccountUseThroughServices" }

  # CloudFront reads the static assets and writes the access logs encrypted with the keys.
  kms_policy_statements = [
    {
      sid        = "CloudFrontReadsStaticAssets"
      actions    = ["kms:Decrypt"]
      principals = { type = "Service", identifiers = ["cloudfront.amazonaws.com"] }
      conditions = [
        { test = "ArnLike", variable = "aws:SourceArn", values = [local.distributions_of_account] },
      ]
    },
    {
      sid        = "CloudFrontWritesAccessLogs"
      actions    = ["kms:GenerateDataKey*"]
      principals = { type = "Service", identifiers = ["delivery.logs.amazonaws.com"] }
    },
  ]
}

module "kms" {
  source = "../kms-key"

  description             = "${local.name} CloudFront logs and static assets"
  alias                   = "${local.name}-cdn"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  allow_account_use       = local.kms_account_use
  policy_statements       = local.kms_policy_statements

  tags = local.tags
}
