# ---------------------------------------------------------------------------------------------
# Disaster recovery, mode "global": Aurora global database with a secondary cluster in the DR
# region (AWS provider 6 resources take a per-resource region, so no second provider is needed).
# ---------------------------------------------------------------------------------------------

resource "aws_rds_global_cluster" "this" {
  count = local.global ? 1 : 0

  global_cluster_identifier    = local.identifier
  source_db_cluster_identifier = aws_rds_cluster.this.arn
  force_destroy                = true
  deletion_protection          = local.deletion_protection

  tags = local.tags
}

resource "aws_db_subnet_group" "dr" {
  count = local.global ? 1 : 0

  region      = local.dr_region
  name        = "${local.identifier}-dr"
  description = "DR subnets of ${local.identifier}"
  subnet_ids  = var.disaster_recovery.subnet_ids

  tags = local.tags
}

resource "aws_rds_cluster_parameter_group" "dr" {
  count = local.global ? 1 : 0

  region      = local.dr_region
  name        = "${local.identifier}-dr-${local.parameter_family}"
  family      = local.parameter_family
  description = "Parameters of ${local.identifier}-dr"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  # Schema changes are logged for the audit trail (CKV2_AWS_27); data statements are not (volume).
  parameter {
    name  = "log_statement"
    value = "ddl"
  }

  tags = local.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_rds_cluster" "dr" {
  #checkov:skip=CKV2_AWS_8:Secondary of the global database, which AWS Backup cannot select; replaced by Aurora automated backups (backup_retention_period, CKV_AWS_133) and the global database replication.
  count = local.global ? 1 : 0

  region                    = local.dr_region
  cluster_identifier        = "${local.identifier}-dr"
  global_cluster_identifier = aws_rds_global_cluster.this[0].id
  engine                    = local.engine
  engine_mode               = "provisioned"
  engine_version            = var.engine_version

  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  kms_key_id                          = module.dr_kms[0].key_arn
  db_subnet_group_name                = aws_db_subnet_group.dr[0].name
  vpc_security_group_ids              = var.disaster_recovery.security_group_ids
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.dr[0].name
  port                                = 5432

  backup_retention_period         = local.backup_retention
  copy_tags_to_snapshot           = true
  deletion_protection             = local.deletion_protection
  skip_final_snapshot             = local.is_ephemeral
  final_snapshot_identifier       = "${local.identifier}-dr-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]

  serverlessv2_scaling_configuration {
    min_capacity = max(local.min_capacity, 0.5)
    max_capacity = local.max_capacity
  }

  tags = local.tags

  lifecycle {
    ignore_changes = [engine_version]
  }

  depends_on = [aws_rds_cluster_instance.this]
}

resource "aws_rds_cluster_instance" "dr" {
  count = local.global ? 1 : 0

  region                     = local.dr_region
  identifier                 = "${local.identifier}-dr-1"
  cluster_identifier         = aws_rds_cluster.dr[0].id
  instance_class             = "db.serverless"
  engine                     = local.engine
  engine_version             = var.engine_version
  db_subnet_group_name       = aws_db_subnet_group.dr[0].name
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  ca_cert_identifier         = "rds-ca-rsa2048-g1"
  copy_tags_to_snapshot      = true

  performance_insights_enabled          = local.performance_insight
  performance_insights_kms_key_id       = local.performance_insight ? module.dr_kms[0].key_arn : null
  performance_insights_retention_period = local.performance_insight ? 7 : null

  tags = local.tags

  lifecycle {
    ignore_changes = [engine_version]
  }
}
