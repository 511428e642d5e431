# ---------------------------------------------------------------------------------------------
# Disaster recovery, mode "backup-copy": hourly AWS Backup snapshots copied to the DR region.
# ---------------------------------------------------------------------------------------------

resource "aws_backup_vault" "this" {
  count = local.dr_backup ? 1 : 0

  name          = local.identifier
  kms_key_arn   = local.kms_key_arn
  force_destroy = local.is_ephemeral

  tags = local.tags
}

resource "aws_backup_vault" "dr" {
  count = local.dr_backup ? 1 : 0

  region        = local.dr_region
  name          = "${local.identifier}-dr"
  kms_key_arn   = module.dr_kms[0].key_arn
  force_destroy = local.is_ephemeral

  tags = local.tags
}

resource "aws_backup_plan" "this" {
  count = local.dr_backup ? 1 : 0

  name = local.identifier

  rule {
    rule_name         = "hourly-with-dr-copy"
    target_vault_name = aws_backup_vault.this[0].name
    schedule          = "cron(0 * * * ? *)"
    start_window      = 60
    completion_window = 180

    lifecycle {
      delete_after = 7
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr[0].arn

      lifecycle {
        delete_after = local.backup_retention
      }
    }
  }

  tags = local.tags
}

data "aws_iam_policy_document" "backup_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["backup.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "backup" {
  count = local.dr_backup ? 1 : 0

  name               = "${local.identifier}-backup"
  assume_role_policy = data.aws_iam_policy_document.backup_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "backup" {
  count = local.dr_backup ? 1 : 0

  role       = aws_iam_role.backup[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_backup_selection" "this" {
  count = local.dr_backup ? 1 : 0

  name         = local.identifier
  plan_id      = aws_backup_plan.this[0].id
  iam_role_arn = aws_iam_role.backup[0].arn
  resources    = [aws_rds_cluster.this.arn]
}
