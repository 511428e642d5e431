# Cross-region replica of the static assets (the seed's "S3 cross-region replication").
module "replica_kms" {
  source = "../kms-key"
  count  = local.replicate ? 1 : 0

  region                  = var.static_assets.replica_region
  description             = "${local.name} static assets replica"
  deletion_window_in_days = 30
  policy_statements       = local.kms_policy_statements

  tags = local.tags
}

moved {
  from = aws_kms_key.replica[0]
  to   = module.replica_kms[0].aws_kms_key.this
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
      kms_master_key_id = module.replica_kms[0].key_arn
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
    resources = [module.kms.key_arn]
  }

  statement {
    sid       = "EncryptReplica"
    actions   = ["kms:Encrypt", "kms:GenerateDataKey"]
    resources = [module.replica_kms[0].key_arn]
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
        replica_kms_key_id = module.replica_kms[0].key_arn
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.static, aws_s3_bucket_versioning.replica]
}
