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
      kms_master_key_id = module.kms.key_arn
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
