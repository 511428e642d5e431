# ---------------------------------------------------------------------------------------------
# Optional static assets origin behind Origin Access Control
# ---------------------------------------------------------------------------------------------

locals {
  # Old asset versions stay a month for rollbacks, in the replica as in the source bucket.
  static_assets_lifecycle_rule = {
    id                                 = "expire-old-asset-versions"
    noncurrent_version_expiration_days = 30
  }
}

module "static_assets_bucket" {
  source = "../secure-bucket"
  count  = local.static ? 1 : 0

  name            = "${local.name}-static-${local.account_id}"
  kms_key_arn     = module.kms.key_arn
  prevent_destroy = false
  force_destroy   = local.is_ephemeral
  lifecycle_rule  = local.static_assets_lifecycle_rule

  policy_statements = [
    {
      sid         = "CloudFrontOriginAccessControl"
      actions     = ["s3:GetObject"]
      principals  = [{ type = "Service", identifiers = ["cloudfront.amazonaws.com"] }]
      object_keys = ["*"]
      conditions = [
        { test = "StringEquals", variable = "aws:SourceArn", values = [aws_cloudfront_distribution.this.arn] },
      ]
    },
  ]

  replication = local.replicate ? {
    destination_bucket_arn  = module.static_assets_replica_bucket[0].bucket_arn
    destination_kms_key_arn = module.replica_kms[0].key_arn
    role_name               = "${local.name}-static-replication"
  } : null

  tags = local.tags
}

resource "aws_cloudfront_origin_access_control" "static" {
  count = local.static ? 1 : 0

  name                              = "${local.name}-static"
  description                       = "CloudFront access to the static assets of ${local.name}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}
