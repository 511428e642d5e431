data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id  = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  bucket_name = var.bucket_name != null ? var.bucket_name : "zeroops-tfstate-${local.account_id}-${data.aws_region.current.region}"
  replicate   = var.replica_region != null

  tags = merge(var.tags, {
    "zeroops:service"     = var.service
    "zeroops:environment" = var.environment
  })
}

# Who may use the keys of this module besides the account administrators (kms-key module).
locals {
  kms_policy_statements = [
    {
      sid        = "AccountUseThroughS3"
      actions    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      principals = { type = "AWS", identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"] }
      conditions = [
        { test = "StringLike", variable = "kms:ViaService", values = ["s3.*.amazonaws.com"] },
      ]
    },
  ]
}

module "kms" {
  source = "../kms-key"

  description             = "Terraform state in ${local.bucket_name}"
  alias                   = "zeroops-tfstate"
  deletion_window_in_days = 30
  policy_statements       = local.kms_policy_statements

  tags = local.tags
}

# Keys created before the kms-key module move into it instead of being replaced (a new key
# could not decrypt what the old one encrypted).
moved {
  from = aws_kms_key.this
  to   = module.kms.aws_kms_key.this
}

moved {
  from = aws_kms_alias.this
  to   = module.kms.aws_kms_alias.this[0]
}

resource "aws_s3_bucket" "state" {
  bucket = local.bucket_name

  tags = local.tags

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket = aws_s3_bucket.state.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = module.kms.key_arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    id     = "expire-old-state-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.state]
}

data "aws_iam_policy_document" "state" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]

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

  statement {
    sid       = "DenyOldTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state.json

  depends_on = [aws_s3_bucket_public_access_block.state]
}

# ---------------------------------------------------------------------------------------------
# Cross-region replica (state backup)
# ---------------------------------------------------------------------------------------------

module "replica_kms" {
  source = "../kms-key"
  count  = local.replicate ? 1 : 0

  region                  = var.replica_region
  description             = "Terraform state replica of ${local.bucket_name}"
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

  region = var.replica_region
  bucket = "${local.bucket_name}-replica"

  tags = local.tags

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_public_access_block" "replica" {
  count = local.replicate ? 1 : 0

  region = var.replica_region
  bucket = aws_s3_bucket.replica[0].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "replica" {
  count = local.replicate ? 1 : 0

  region = var.replica_region
  bucket = aws_s3_bucket.replica[0].id

  versioning_configuration {
    status = "Enabled"
  }
}

# Old state versions expire in the replica as they do in the source bucket.
resource "aws_s3_bucket_lifecycle_configuration" "replica" {
  count = local.replicate ? 1 : 0

  region = var.replica_region
  bucket = aws_s3_bucket.replica[0].id

  rule {
    id     = "expire-old-state-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.replica]
}

resource "aws_s3_bucket_server_side_encryption_configuration" "replica" {
  count = local.replicate ? 1 : 0

  region = var.replica_region
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

  region = var.replica_region
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
  statement {
    sid       = "ReadSource"
    actions   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
    resources = [aws_s3_bucket.state.arn]
  }

  statement {
    sid       = "ReadSourceVersions"
    actions   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
    resources = ["${aws_s3_bucket.state.arn}/*"]
  }

  statement {
    sid       = "WriteReplica"
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
    resources = local.replicate ? ["${aws_s3_bucket.replica[0].arn}/*"] : ["${aws_s3_bucket.state.arn}-replica/*"]
  }

  statement {
    sid       = "DecryptSource"
    actions   = ["kms:Decrypt"]
    resources = [module.kms.key_arn]
  }

  statement {
    sid       = "EncryptReplica"
    actions   = ["kms:Encrypt", "kms:GenerateDataKey"]
    resources = local.replicate ? [module.replica_kms[0].key_arn] : [module.kms.key_arn]
  }
}

resource "aws_iam_role" "replication" {
  count = local.replicate ? 1 : 0

  name               = "${local.bucket_name}-replication"
  assume_role_policy = data.aws_iam_policy_document.replication_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy" "replication" {
  count = local.replicate ? 1 : 0

  name   = "replicate-state"
  role   = aws_iam_role.replication[0].id
  policy = data.aws_iam_policy_document.replication.json
}

resource "aws_s3_bucket_replication_configuration" "state" {
  count = local.replicate ? 1 : 0

  bucket = aws_s3_bucket.state.id
  role   = aws_iam_role.replication[0].arn

  rule {
    id     = "state-backup"
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
      bucket        = aws_s3_bucket.replica[0].arn
      storage_class = "STANDARD_IA"

      encryption_configuration {
        replica_kms_key_id = module.replica_kms[0].key_arn
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.state, aws_s3_bucket_versioning.replica]
}
