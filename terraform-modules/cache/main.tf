locals {
  is_production = var.environment == "production"
  is_ephemeral  = startswith(var.environment, "pr-")
  name          = "${var.service}-${var.environment}"
  max_storage   = var.max_data_storage_gb != null ? var.max_data_storage_gb : (local.is_production ? 5 : 1)
  max_ecpu      = var.max_ecpu_per_second != null ? var.max_ecpu_per_second : (local.is_production ? 15000 : 5000)
  snapshots     = var.snapshot_retention_limit != null ? var.snapshot_retention_limit : (local.is_production ? 7 : (local.is_ephemeral ? 0 : 1))
  kms_key_arn   = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn

  # Serverless caches listen on 6379 (primary) and 6380 (reads from replicas).
  ingress = flatten([for sg in var.allowed_security_group_ids : [for port in [6379, 6380] : { sg = sg, port = port }]])
}

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.name} Valkey data and snapshots"
  alias                   = "${local.name}-cache"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  # ElastiCache uses the key through grants on behalf of the account's principals.
  allow_account_use = {
    sid           = "AccountUseThroughServices"
    grant_actions = ["kms:CreateGrant", "kms:ListGrants"]
  }

  tags = local.tags
}

resource "aws_security_group" "this" {
  name        = "${local.name}-cache"
  description = "ElastiCache Serverless ${local.name}"
  vpc_id      = var.vpc_id

  tags = merge(local.tags, { Name = "${local.name}-cache" })
}

resource "aws_vpc_security_group_ingress_rule" "valkey" {
  count = length(local.ingress)

  security_group_id            = aws_security_group.this.id
  description                  = "Valkey from an allowed security group"
  ip_protocol                  = "tcp"
  from_port                    = local.ingress[count.index].port
  to_port                      = local.ingress[count.index].port
  referenced_security_group_id = local.ingress[count.index].sg

  tags = local.tags
}

# Serverless caches always require TLS in transit; usage limits cap the bill.
resource "aws_elasticache_serverless_cache" "this" {
  engine               = "valkey"
  name                 = local.name
  description          = "Cache of ${var.service} (${var.environment})"
  major_engine_version = var.major_engine_version
  kms_key_id           = local.kms_key_arn
  security_group_ids   = [aws_security_group.this.id]
  subnet_ids           = var.subnet_ids
  user_group_id        = var.user_group_id

  snapshot_retention_limit = local.snapshots
  daily_snapshot_time      = var.daily_snapshot_time

  cache_usage_limits {
    data_storage {
      maximum = local.max_storage
      unit    = "GB"
    }

    ecpu_per_second {
      maximum = local.max_ecpu
    }
  }

  tags = local.tags
}
