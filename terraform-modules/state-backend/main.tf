data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  account_id  = data.aws_caller_identity.current.account_id
  bucket_name = var.bucket_name != null ? var.bucket_name : "zeroops-tfstate-${local.account_id}-${data.aws_region.current.region}"
  replicate   = var.replica_region != null
}

# Who may use the keys of this module besides the account administrators (kms-key module).
locals {
  # The account's principals use the keys only through S3 (the state bucket and its replica).
  kms_account_use = { sid = "AccountUseThroughS3", via_services = ["s3.*.amazonaws.com"] }
}

module "kms" {
  source = "../kms-key"

  description             = "Terraform state in ${local.bucket_name}"
  alias                   = "zeroops-tfstate"
  deletion_window_in_days = 30
  allow_account_use       = local.kms_account_use

  tags = local.tags
}

# Old state versions are the undo history of every apply; the replica keeps them as long.
locals {
  state_lifecycle_rule = {
    id                                 = "expire-old-state-versions"
    noncurrent_version_expiration_days = var.noncurrent_version_retention_days
  }
}

# Protected from destruction (prevent_destroy), TLS-only, versioned, encrypted with the key above.
module "state_bucket" {
  source = "../secure-bucket"

  name           = local.bucket_name
  kms_key_arn    = module.kms.key_arn
  lifecycle_rule = local.state_lifecycle_rule

  replication = local.replicate ? {
    destination_bucket_arn  = module.replica_bucket[0].bucket_arn
    destination_kms_key_arn = module.replica_kms[0].key_arn
    role_name               = "${local.bucket_name}-replication"
    storage_class           = "STANDARD_IA"
  } : null

  tags = local.tags
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
  allow_account_use       = local.kms_account_use

  tags = local.tags
}

module "replica_bucket" {
  source = "../secure-bucket"
  count  = local.replicate ? 1 : 0

  name           = "${local.bucket_name}-replica"
  region         = var.replica_region
  kms_key_arn    = module.replica_kms[0].key_arn
  lifecycle_rule = local.state_lifecycle_rule

  tags = local.tags
}
