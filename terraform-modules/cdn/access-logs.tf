# ---------------------------------------------------------------------------------------------
# Access logs (CKV_AWS_86). CloudFront standard logs need bucket ACLs (BucketOwnerPreferred);
# the bucket is still private and encrypted with the key above.
# ---------------------------------------------------------------------------------------------

module "logs_bucket" {
  source = "../secure-bucket"

  name             = "${local.name}-cdn-logs-${local.account_id}"
  kms_key_arn      = module.kms.key_arn
  object_ownership = "BucketOwnerPreferred"
  prevent_destroy  = false
  force_destroy    = !local.is_production

  lifecycle_rule = {
    id                                 = "expire-access-logs"
    expiration_days                    = local.retention
    noncurrent_version_expiration_days = 1
  }

  tags = local.tags
}
