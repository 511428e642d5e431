data "aws_partition" "current" {}

locals {
  is_production = var.environment == "production"
  is_ephemeral  = startswith(var.environment, "pr-")
  partition     = data.aws_partition.current.partition

  identifier          = "${var.service}-${var.environment}"
  engine              = "aurora-postgresql"
  parameter_family    = "aurora-postgresql${split(".", var.engine_version)[0]}"
  min_capacity        = var.min_capacity != null ? var.min_capacity : (local.is_production ? 0.5 : 0)
  max_capacity        = var.max_capacity != null ? var.max_capacity : (local.is_production ? 8 : 2)
  instance_count      = var.instance_count != null ? var.instance_count : (local.is_production ? 2 : 1)
  backup_retention    = var.backup_retention_days != null ? var.backup_retention_days : (local.is_production ? 35 : (local.is_ephemeral ? 1 : 7))
  deletion_protection = var.deletion_protection != null ? var.deletion_protection : !local.is_ephemeral
  performance_insight = var.performance_insights != null ? var.performance_insights : local.is_production
  logical_replication = var.enable_blue_green_upgrades != null ? var.enable_blue_green_upgrades : local.is_production
  kms_key_arn         = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn

  dr_mode   = var.disaster_recovery.mode
  global    = local.dr_mode == "global"
  dr_backup = local.dr_mode == "backup-copy"
  dr_region = var.disaster_recovery.region
}

# ---------------------------------------------------------------------------------------------
# Encryption (CKV_AWS_96, CKV_AWS_327, CKV_AWS_354)
# ---------------------------------------------------------------------------------------------

# Who may use the keys of this module besides the account administrators (kms-key module).
locals {
  # RDS, Secrets Manager and AWS Backup use the keys on behalf of IAM principals of this account.
  kms_account_use = { sid = "AccountUseThroughServices", grant_actions = ["kms:CreateGrant", "kms:ListGrants"] }
}

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.identifier} Aurora storage, snapshots and master secret"
  alias                   = "${local.identifier}-database"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  allow_replication       = true
  allow_account_use       = local.kms_account_use

  tags = local.tags
}

# Disaster recovery copies (both modes) are encrypted in the DR region.
module "dr_kms" {
  source = "../kms-key"
  count  = local.dr_mode != "none" ? 1 : 0

  region                  = local.dr_region
  description             = "${local.identifier} disaster recovery copy"
  deletion_window_in_days = 30
  allow_account_use       = local.kms_account_use

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Network: database subnets only, reachable from the given security groups only.
# ---------------------------------------------------------------------------------------------

resource "aws_db_subnet_group" "this" {
  name        = local.identifier
  description = "Database subnets of ${local.identifier}"
  subnet_ids  = var.subnet_ids

  tags = local.tags
}

resource "aws_security_group" "this" {
  name        = "${local.identifier}-database"
  description = "Aurora PostgreSQL ${local.identifier}"
  vpc_id      = var.vpc_id

  tags = merge(local.tags, { Name = "${local.identifier}-database" })
}

resource "aws_vpc_security_group_ingress_rule" "postgresql" {
  count = length(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from an allowed security group"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = var.allowed_security_group_ids[count.index]

  tags = local.tags
}

# TLS is mandatory for every connection; logical replication enables blue/green upgrades.
resource "aws_rds_cluster_parameter_group" "this" {
  # The family is part of the name so that a major upgrade can create the new group first.
  name        = "${local.identifier}-${local.parameter_family}"
  family      = local.parameter_family
  description = "Parameters of ${local.identifier}"

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

  parameter {
    name         = "rds.logical_replication"
    value        = local.logical_replication ? "1" : "0"
    apply_method = "pending-reboot"
  }

  tags = local.tags

  lifecycle {
    create_before_destroy = true
  }
}

# ---------------------------------------------------------------------------------------------
# Cluster
# ---------------------------------------------------------------------------------------------

resource "aws_rds_cluster" "this" {
  cluster_identifier = local.identifier
  engine             = local.engine
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  database_name      = var.database_name
  master_username    = var.master_username

  # RDS generates and rotates the master password in Secrets Manager, except for global clusters,
  # where AWS does not support it and the password is written without entering the state.
  manage_master_user_password   = local.global ? null : true
  master_user_secret_kms_key_id = local.global ? null : local.kms_key_arn
  master_password_wo            = local.global ? var.master_password : null
  master_password_wo_version    = local.global ? var.master_password_version : null

  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  kms_key_id                          = local.kms_key_arn
  db_subnet_group_name                = aws_db_subnet_group.this.name
  vpc_security_group_ids              = [aws_security_group.this.id]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.this.name
  port                                = 5432

  backup_retention_period      = local.backup_retention
  preferred_backup_window      = var.preferred_backup_window
  preferred_maintenance_window = var.preferred_maintenance_window
  copy_tags_to_snapshot        = true
  deletion_protection          = local.deletion_protection
  skip_final_snapshot          = local.is_ephemeral
  final_snapshot_identifier    = "${local.identifier}-final"
  delete_automated_backups     = local.is_ephemeral

  enabled_cloudwatch_logs_exports = ["postgresql"]
  allow_major_version_upgrade     = false
  apply_immediately               = !local.is_production

  serverlessv2_scaling_configuration {
    min_capacity             = local.min_capacity
    max_capacity             = local.max_capacity
    seconds_until_auto_pause = local.min_capacity == 0 ? var.seconds_until_auto_pause : null
  }

  tags = local.tags

  lifecycle {
    # Joining a global cluster sets global_cluster_identifier from the global cluster's side.
    # Minor versions move with auto_minor_version_upgrade and major versions through RDS
    # Blue/Green Deployments (see README), so engine_version is the creation version only.
    ignore_changes = [global_cluster_identifier, engine_version]
  }
}

resource "aws_rds_cluster_instance" "this" {
  count = local.instance_count

  identifier                 = "${local.identifier}-${count.index + 1}"
  cluster_identifier         = aws_rds_cluster.this.id
  instance_class             = "db.serverless"
  engine                     = aws_rds_cluster.this.engine
  engine_version             = aws_rds_cluster.this.engine_version
  db_subnet_group_name       = aws_db_subnet_group.this.name
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  ca_cert_identifier         = "rds-ca-rsa2048-g1"
  copy_tags_to_snapshot      = true
  promotion_tier             = count.index

  performance_insights_enabled          = local.performance_insight
  performance_insights_kms_key_id       = local.performance_insight ? local.kms_key_arn : null
  performance_insights_retention_period = local.performance_insight ? 7 : null

  tags = local.tags

  lifecycle {
    ignore_changes = [engine_version]
  }
}
