locals {
  is_ephemeral    = startswith(var.environment, "pr-")
  name            = "${var.service}-${var.environment}"
  recovery_window = var.recovery_window_in_days != null ? var.recovery_window_in_days : (local.is_ephemeral ? 0 : 30)
  kms_key_arn     = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn
  rotated         = { for name, s in var.secrets : name => s if s.rotation_lambda_arn != null }
}

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.name} secrets"
  alias                   = "${local.name}-secrets"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  multi_region            = length(var.replica_regions) > 0
  allow_replication       = true
  # Only through Secrets Manager: nobody can use the key to decrypt anything else. Any region, so
  # that the replica keys of secret replicas work with the same policy.
  allow_account_use = {
    sid                       = "UseThroughSecretsManager"
    grant_actions             = ["kms:CreateGrant"]
    via_services              = ["secretsmanager.*.amazonaws.com"]
    additional_principal_arns = var.reader_role_arns
  }

  tags = local.tags
}

# Replicas in other regions are encrypted with replicas of the same multi-region key.
resource "aws_kms_replica_key" "this" {
  for_each = var.kms_key_arn == null ? toset(var.replica_regions) : toset([])

  region                  = each.value
  description             = "${local.name} secrets (replica)"
  primary_key_arn         = module.kms[0].key_arn
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  policy                  = module.kms[0].policy

  tags = local.tags
}

resource "aws_secretsmanager_secret" "this" {
  for_each = var.secrets

  name                    = "${var.service}/${var.environment}/${each.key}"
  description             = each.value.description
  kms_key_id              = local.kms_key_arn
  recovery_window_in_days = local.recovery_window

  dynamic "replica" {
    for_each = toset(var.replica_regions)

    content {
      region     = replica.value
      kms_key_id = var.kms_key_arn == null ? aws_kms_replica_key.this[replica.value].arn : null
    }
  }

  tags = local.tags
}

resource "aws_secretsmanager_secret_rotation" "this" {
  #checkov:skip=CKV_AWS_304:Checkov cannot resolve rotation_days through for_each; replaced by the validation of var.secrets (rotation_days between 1 and 90).
  for_each = local.rotated

  secret_id           = aws_secretsmanager_secret.this[each.key].id
  rotation_lambda_arn = each.value.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = each.value.rotation_days
  }
}
