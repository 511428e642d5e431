data "aws_availability_zones" "available" {
  #checkov:skip=CKV_AWS_394:Zones are not listed by name so that the module works in every region; replaced by slice(names, 0, az_count) over the sorted names (new zones sort last and never move subnets) and the availability_zones output.
  state = "available"
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  is_production = var.environment == "production"
  name          = var.name != null ? var.name : "zeroops-${var.environment}"
  azs           = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  single_nat    = var.single_nat_gateway != null ? var.single_nat_gateway : !local.is_production
  nat_count     = local.single_nat ? 1 : var.az_count
  endpoints     = var.interface_endpoints != null ? var.interface_endpoints : (local.is_production ? ["ecr.api", "ecr.dkr", "logs", "secretsmanager"] : [])
  retention     = var.flow_log_retention_days != null ? var.flow_log_retention_days : (local.is_production ? 365 : 30)
  kms_key_arn   = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(local.tags, { Name = local.name })
}

# Terraform adopts the default security group and removes all of its rules, so nothing that is
# accidentally launched without a security group can talk to anything (CKV2_AWS_12).
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${local.name}-default-deny" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = local.name })
}

# Every zone has a public, a private and a database subnet, each a /20 of the VPC block; the
# tiers start four /20s apart. Public subnets hold only the load balancer and the NAT gateways;
# nothing gets a public IP automatically (CKV_AWS_130).
locals {
  subnet_tier_offsets = { public = 0, private = 4, database = 8 }

  # Keyed "<tier>-<zone index>" (public-0, database-1, ...), the zone index as count gave it
  # before; the keys come from az_count alone, so they are known before the zones are read.
  subnets = merge([
    for tier, offset in local.subnet_tier_offsets : {
      for index in range(var.az_count) : "${tier}-${index}" => { tier = tier, zone = index, netnum = offset + index }
    }
  ]...)

  # The subnet IDs of each tier in zone order.
  subnet_ids = {
    for tier in keys(local.subnet_tier_offsets) : tier => [for index in range(var.az_count) : aws_subnet.this["${tier}-${index}"].id]
  }
}

resource "aws_subnet" "this" {
  for_each = local.subnets

  vpc_id                  = aws_vpc.this.id
  availability_zone       = local.azs[each.value.zone]
  cidr_block              = cidrsubnet(var.cidr_block, 4, each.value.netnum)
  map_public_ip_on_launch = false

  tags = merge(local.tags, { Name = "${local.name}-${each.value.tier}-${local.azs[each.value.zone]}", "zeroops:tier" = each.value.tier })
}

resource "aws_eip" "nat" {
  count = local.nat_count

  domain = "vpc"

  tags = merge(local.tags, { Name = "${local.name}-nat-${local.azs[count.index]}" })
}

resource "aws_nat_gateway" "this" {
  count = local.nat_count

  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = local.subnet_ids.public[count.index]

  tags = merge(local.tags, { Name = "${local.name}-${local.azs[count.index]}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${local.name}-public" })
}

resource "aws_route" "public_internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  count = var.az_count

  subnet_id      = local.subnet_ids.public[count.index]
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  count = var.az_count

  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${local.name}-private-${local.azs[count.index]}" })
}

resource "aws_route" "private_nat" {
  count = var.az_count

  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[local.single_nat ? 0 : count.index].id
}

resource "aws_route_table_association" "private" {
  count = var.az_count

  subnet_id      = local.subnet_ids.private[count.index]
  route_table_id = aws_route_table.private[count.index].id
}

# Database subnets have no route to the internet at all.
resource "aws_route_table" "database" {
  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${local.name}-database" })
}

resource "aws_route_table_association" "database" {
  count = var.az_count

  subnet_id      = local.subnet_ids.database[count.index]
  route_table_id = aws_route_table.database.id
}

# ---------------------------------------------------------------------------------------------
# VPC endpoints: S3 (gateway, free) always; interface endpoints where NAT traffic would cost more.
# ---------------------------------------------------------------------------------------------

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = concat(aws_route_table.private[*].id, [aws_route_table.database.id])

  tags = merge(local.tags, { Name = "${local.name}-s3" })
}

resource "aws_security_group" "endpoints" {
  name        = "${local.name}-vpc-endpoints"
  description = "HTTPS from inside the VPC to interface VPC endpoints"
  vpc_id      = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${local.name}-vpc-endpoints" })
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.cidr_block

  tags = local.tags
}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(local.endpoints)

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current.region}.${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = local.subnet_ids.private
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true

  tags = merge(local.tags, { Name = "${local.name}-${each.value}" })
}

# ---------------------------------------------------------------------------------------------
# Flow logs (CKV2_AWS_11): all traffic to an encrypted log group with a retention period.
# ---------------------------------------------------------------------------------------------

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.name} VPC flow logs"
  alias                   = "${local.name}-network-logs"
  deletion_window_in_days = 30
  allow_cloudwatch_logs   = { log_group_names = ["*"] }

  tags = local.tags
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/zeroops/${local.name}/vpc-flow-logs"
  retention_in_days = local.retention
  kms_key_id        = local.kms_key_arn

  tags = local.tags
}

data "aws_iam_policy_document" "flow_logs_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "flow_logs" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.flow_logs.arn}:*"]
  }
}

resource "aws_iam_role" "flow_logs" {
  name               = "${local.name}-vpc-flow-logs"
  assume_role_policy = data.aws_iam_policy_document.flow_logs_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy" "flow_logs" {
  name   = "write-flow-logs"
  role   = aws_iam_role.flow_logs.id
  policy = data.aws_iam_policy_document.flow_logs.json
}

resource "aws_flow_log" "this" {
  vpc_id                   = aws_vpc.this.id
  traffic_type             = "ALL"
  log_destination_type     = "cloud-watch-logs"
  log_destination          = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn             = aws_iam_role.flow_logs.arn
  max_aggregation_interval = 600

  tags = merge(local.tags, { Name = local.name })
}
