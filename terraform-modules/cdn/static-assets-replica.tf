# Cross-region replica of the static assets (the seed's "S3 cross-region replication").
module "replica_kms" {
  source = "../kms-key"
  count  = local.replicate ? 1 : 0

  region                  = var.static_assets.replica_region
  description             = "${local.name} static assets replica"
  deletion_window_in_days = 30
  allow_account_use       = local.kms_account_use
  policy_statements       = local.kms_policy_statements

  tags = local.tags
}

module "static_assets_replica_bucket" {
  source = "../secure-bucket"
  count  = local.replicate ? 1 : 0

  name            = "${local.name}-static-${local.account_id}-replica"
  region          = var.static_assets.replica_region
  kms_key_arn     = module.replica_kms[0].key_arn
  prevent_destroy = false
  force_destroy   = local.is_ephemeral
  lifecycle_rule  = local.static_assets_lifecycle_rule

  tags = local.tags
}
