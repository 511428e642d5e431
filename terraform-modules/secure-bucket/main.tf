resource "aws_s3_bucket" "this" {
  region = var.region

  bucket        = var.name
  force_destroy = var.force_destroy

  tags = var.tags
}

# lifecycle.prevent_destroy only takes a literal, so the bucket cannot carry it for some callers
# and not for others. This guard carries it instead: it exists while prevent_destroy is on and
# is replaced with the bucket (a replaced bucket has a new, unknown id), so a plan that would
# destroy or replace the bucket fails on the guard before anything is deleted.
resource "terraform_data" "deletion_guard" {
  count = var.prevent_destroy ? 1 : 0

  triggers_replace = aws_s3_bucket.this.id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  region = var.region
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  count = var.object_ownership == "BucketOwnerEnforced" ? 1 : 0

  region = var.region
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_ownership_controls" "acl_log_delivery" {
  #checkov:skip=CKV2_AWS_65:Only for services that deliver logs through bucket ACLs (CloudFront standard logs); replaced by the public access block (block_public_acls, ignore_public_acls) and the deny-insecure-transport bucket policy.
  count = var.object_ownership == "BucketOwnerPreferred" ? 1 : 0

  region = var.region
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_versioning" "this" {
  region = var.region
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  region = var.region
  bucket = aws_s3_bucket.this.id

  rule {
    # The Bucket Key cuts KMS requests (and their cost) by deriving object keys locally.
    bucket_key_enabled = var.sse_algorithm == "aws:kms" ? true : null

    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  region = var.region
  bucket = aws_s3_bucket.this.id

  rule {
    id     = var.lifecycle_rule.id
    status = "Enabled"

    filter {}

    dynamic "transition" {
      for_each = var.lifecycle_rule.transitions

      content {
        days          = transition.value.days
        storage_class = transition.value.storage_class
      }
    }

    dynamic "expiration" {
      for_each = var.lifecycle_rule.expiration_days == null ? [] : [var.lifecycle_rule.expiration_days]

      content {
        days = expiration.value
      }
    }

    noncurrent_version_expiration {
      noncurrent_days = var.lifecycle_rule.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = var.lifecycle_rule.abort_incomplete_multipart_upload_days
    }
  }

  # Noncurrent version rules act on a versioned bucket.
  depends_on = [aws_s3_bucket_versioning.this]
}
