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

# ---------------------------------------------------------------------------------------------
# WAF (CKV_AWS_68, CKV2_AWS_47, CKV_AWS_192): in us-east-1, attached through web_acl_id.
# ---------------------------------------------------------------------------------------------

resource "aws_wafv2_web_acl" "this" {
  count  = var.web_acl_arn == null ? 1 : 0
  region = "us-east-1"

  name  = local.name
  scope = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "rate-limit-per-ip"
    priority = 0

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = var.rate_limit_per_5_minutes
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-rate-limit"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "aws-ip-reputation"
    priority = 10

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAmazonIpReputationList"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-ip-reputation"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "aws-common"
    priority = 20

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-common"
      sampled_requests_enabled   = true
    }
  }

  # Anonymizing proxies and Tor exits are blocked. Requests from cloud hosting providers are only
  # counted: API clients and webhooks of customers legitimately run there.
  rule {
    name     = "aws-anonymous-ip"
    priority = 25

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAnonymousIpList"

        rule_action_override {
          name = "HostingProviderIPList"

          action_to_use {
            count {}
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-anonymous-ip"
      sampled_requests_enabled   = true
    }
  }

  # Includes the Log4j (Log4JRCE) rules.
  rule {
    name     = "aws-known-bad-inputs"
    priority = 30

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = local.name
    sampled_requests_enabled   = true
  }

  tags = local.tags
}

data "aws_iam_policy_document" "waf_logs_kms" {
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
    sid       = "CloudWatchLogs"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.us-east-1.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${local.partition}:logs:us-east-1:${local.account_id}:log-group:*"]
    }
  }
}

resource "aws_kms_key" "waf_logs" {
  count  = var.web_acl_arn == null ? 1 : 0
  region = "us-east-1"

  description             = "${local.name} WAF logs"
  enable_key_rotation     = true
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  policy                  = data.aws_iam_policy_document.waf_logs_kms.json

  tags = local.tags
}

# WAF requires the aws-waf-logs- prefix.
resource "aws_cloudwatch_log_group" "waf" {
  count  = var.web_acl_arn == null ? 1 : 0
  region = "us-east-1"

  name              = "aws-waf-logs-${local.name}"
  retention_in_days = local.retention
  kms_key_id        = aws_kms_key.waf_logs[0].arn

  tags = local.tags
}

resource "aws_wafv2_web_acl_logging_configuration" "this" {
  count  = var.web_acl_arn == null ? 1 : 0
  region = "us-east-1"

  resource_arn            = aws_wafv2_web_acl.this[0].arn
  log_destination_configs = [aws_cloudwatch_log_group.waf[0].arn]

  redacted_fields {
    single_header {
      name = "authorization"
    }
  }
}

# ---------------------------------------------------------------------------------------------
# Access logs (CKV_AWS_86). CloudFront standard logs need bucket ACLs (BucketOwnerPreferred);
# the bucket is still private and encrypted with the key above.
# ---------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "logs" {
  bucket        = "${local.name}-cdn-logs-${local.account_id}"
  force_destroy = !local.is_production

  tags = local.tags
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  #checkov:skip=CKV2_AWS_65:CloudFront standard logs are delivered through bucket ACLs; replaced by the public access block (block_public_acls, ignore_public_acls) and the deny-insecure-transport bucket policy.
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = local.retention
    }

    noncurrent_version_expiration {
      noncurrent_days = 1
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

data "aws_iam_policy_document" "logs" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs.json

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

# ---------------------------------------------------------------------------------------------
# Optional static assets origin behind Origin Access Control
# ---------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "static" {
  count = local.static ? 1 : 0

  bucket        = "${local.name}-static-${local.account_id}"
  force_destroy = local.is_ephemeral

  tags = local.tags
}

resource "aws_s3_bucket_public_access_block" "static" {
  count = local.static ? 1 : 0

  bucket = aws_s3_bucket.static[0].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "static" {
  count = local.static ? 1 : 0

  bucket = aws_s3_bucket.static[0].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "static" {
  count = local.static ? 1 : 0

  bucket = aws_s3_bucket.static[0].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "static" {
  count = local.static ? 1 : 0

  bucket = aws_s3_bucket.static[0].id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "static" {
  count = local.static ? 1 : 0

  bucket = aws_s3_bucket.static[0].id

  rule {
    id     = "expire-old-asset-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

resource "aws_cloudfront_origin_access_control" "static" {
  count = local.static ? 1 : 0

  name                              = "${local.name}-static"
  description                       = "CloudFront access to the static assets of ${local.name}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

data "aws_iam_policy_document" "static" {
  count = local.static ? 1 : 0

  statement {
    sid       = "CloudFrontOriginAccessControl"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.static[0].arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudfront_distribution.this.arn]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.static[0].arn, "${aws_s3_bucket.static[0].arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "static" {
  count = local.static ? 1 : 0

  bucket = aws_s3_bucket.static[0].id
  policy = data.aws_iam_policy_document.static[0].json

  depends_on = [aws_s3_bucket_public_access_block.static]
}

# Cross-region replica of the static assets (the seed's "S3 cross-region replication").
resource "aws_kms_key" "replica" {
  count = local.replicate ? 1 : 0

  region                  = var.static_assets.replica_region
  description             = "${local.name} static assets replica"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.kms.json

  tags = local.tags
}

resource "aws_s3_bucket" "replica" {
  count = local.replicate ? 1 : 0

  region        = var.static_assets.replica_region
  bucket        = "${local.name}-static-${local.account_id}-replica"
  force_destroy = local.is_ephemeral

  tags = local.tags
}

resource "aws_s3_bucket_public_access_block" "replica" {
  count = local.replicate ? 1 : 0

  region = var.static_assets.replica_region
  bucket = aws_s3_bucket.replica[0].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "replica" {
  count = local.replicate ? 1 : 0

  region = var.static_assets.replica_region
  bucket = aws_s3_bucket.replica[0].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "replica" {
  count = local.replicate ? 1 : 0

  region = var.static_assets.replica_region
  bucket = aws_s3_bucket.replica[0].id

  rule {
    id     = "expire-old-asset-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.replica]
}

resource "aws_s3_bucket_server_side_encryption_configuration" "replica" {
  count = local.replicate ? 1 : 0

  region = var.static_assets.replica_region
  bucket = aws_s3_bucket.replica[0].id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.replica[0].arn
    }
  }
}

data "aws_iam_policy_document" "replica" {
  count = local.replicate ? 1 : 0

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.replica[0].arn, "${aws_s3_bucket.replica[0].arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "replica" {
  count = local.replicate ? 1 : 0

  region = var.static_assets.replica_region
  bucket = aws_s3_bucket.replica[0].id
  policy = data.aws_iam_policy_document.replica[0].json

  depends_on = [aws_s3_bucket_public_access_block.replica]
}

data "aws_iam_policy_document" "replication_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

data "aws_iam_policy_document" "replication" {
  count = local.replicate ? 1 : 0

  statement {
    sid       = "ReadSource"
    actions   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
    resources = [aws_s3_bucket.static[0].arn]
  }

  statement {
    sid       = "ReadSourceVersions"
    actions   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
    resources = ["${aws_s3_bucket.static[0].arn}/*"]
  }

  statement {
    sid       = "WriteReplica"
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
    resources = ["${aws_s3_bucket.replica[0].arn}/*"]
  }

  statement {
    sid       = "DecryptSource"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.this.arn]
  }

  statement {
    sid       = "EncryptReplica"
    actions   = ["kms:Encrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.replica[0].arn]
  }
}

resource "aws_iam_role" "replication" {
  count = local.replicate ? 1 : 0

  name               = "${local.name}-static-replication"
  assume_role_policy = data.aws_iam_policy_document.replication_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy" "replication" {
  count = local.replicate ? 1 : 0

  name   = "replicate-static-assets"
  role   = aws_iam_role.replication[0].id
  policy = data.aws_iam_policy_document.replication[0].json
}

resource "aws_s3_bucket_replication_configuration" "static" {
  count = local.replicate ? 1 : 0

  bucket = aws_s3_bucket.static[0].id
  role   = aws_iam_role.replication[0].arn

  rule {
    id     = "static-assets-dr"
    status = "Enabled"

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket = aws_s3_bucket.replica[0].arn

      encryption_configuration {
        replica_kms_key_id = aws_kms_key.replica[0].arn
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.static, aws_s3_bucket_versioning.replica]
}

# ---------------------------------------------------------------------------------------------
# Response headers (CKV2_AWS_32) and distribution
# ---------------------------------------------------------------------------------------------

resource "aws_cloudfront_response_headers_policy" "this" {
  name    = "${local.name}-security-headers"
  comment = "Security headers of ${local.name}"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }

    xss_protection {
      protection = true
      mode_block = true
      override   = true
    }

    dynamic "content_security_policy" {
      for_each = var.content_security_policy == null ? [] : [var.content_security_policy]

      content {
        content_security_policy = content_security_policy.value
        override                = true
      }
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV_AWS_310:One regional service origin, no second origin to fail over to; replaced by the load balancer spreading targets over several zones (load-balancer module) and the health alarms of the monitoring module.
  #checkov:skip=CKV_AWS_305:The default origin is the service, which answers "/" itself; replaced by the default_cache_behavior forwarding to the service origin.
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  comment         = local.name
  aliases         = var.aliases
  price_class     = var.price_class
  # Referenced directly (not through local.web_acl_arn) so that Checkov links the distribution to
  # its web ACL and verifies the managed rules (CKV2_AWS_47).
  web_acl_id = var.web_acl_arn != null ? var.web_acl_arn : aws_wafv2_web_acl.this[0].arn

  origin {
    origin_id   = "service"
    domain_name = var.origin_domain_name

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = "https-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = 30
      origin_keepalive_timeout = 5
    }

    dynamic "custom_header" {
      for_each = var.origin_verify_header == null ? [] : [var.origin_verify_header]

      content {
        name  = custom_header.value.name
        value = custom_header.value.value
      }
    }
  }

  dynamic "origin" {
    for_each = local.static ? [1] : []

    content {
      origin_id                = "static"
      domain_name              = aws_s3_bucket.static[0].bucket_regional_domain_name
      origin_access_control_id = aws_cloudfront_origin_access_control.static[0].id
    }
  }

  default_cache_behavior {
    target_origin_id           = "service"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.disabled.id
    origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
  }

  dynamic "ordered_cache_behavior" {
    for_each = local.static ? [var.static_assets.path_pattern] : []

    content {
      path_pattern               = ordered_cache_behavior.value
      target_origin_id           = "static"
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = data.aws_cloudfront_cache_policy.optimized.id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = var.geo_restriction.type
      locations        = var.geo_restriction.locations
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = var.minimum_protocol_version
  }

  logging_config {
    bucket          = aws_s3_bucket.logs.bucket_domain_name
    prefix          = "${local.name}/"
    include_cookies = false
  }

  tags = local.tags

  depends_on = [aws_s3_bucket_ownership_controls.logs]
}
