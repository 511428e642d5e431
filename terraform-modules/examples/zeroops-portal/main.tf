# ZeroOps' own Backstage (packages/backend/Dockerfile) in the production account, on the platform
# the zeroops-foundation template created: ECS service behind the shared load balancer, Aurora
# PostgreSQL, ElastiCache Serverless for Valkey, its secrets, CloudFront with the environment's
# shared web ACL, DNS, alarms and a budget. It runs with app-config.production.yaml; every
# ${VARIABLE} that file reads is set below (README.md of this folder walks through the setup).
terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.25, < 7.0"
    }
  }
}

provider "aws" {
  region              = var.aws_region
  allowed_account_ids = [var.production_account_id]

  # Cost allocation tags on everything (ZeroOps naming contract).
  default_tags {
    tags = {
      "zeroops:service"     = local.service
      "zeroops:environment" = local.environment
    }
  }
}

locals {
  # "zeroops-" names are reserved for the platform (zeroops-common RESERVED_SERVICE_NAME_RULES),
  # so no scaffolded service can take the portal's names.
  service     = "zeroops-portal"
  environment = "production"
  public_host = "${local.service}.${var.domain}"
  origin_host = "${local.service}.origin.${var.domain}"
  base_url    = "https://${local.public_host}"
  # Backstage's liveness/readiness endpoints (new backend system), answered without sign-in.
  readiness_path = "/.backstage/health/v1/readiness"
  # ZeroOps reads each environment account, and Cost Explorer in the payer account, through
  # this role (plugins/zeroops-backend README, "IAM (read-only)").
  read_role_arns = [
    for account in distinct([var.production_account_id, var.staging_account_id, var.cost_account_id]) :
    "arn:aws:iam::${account}:role/${var.read_role_name}"
  ]
}

# The production platform, created by the zeroops-foundation template and found by the names its
# modules give (zeroops-production), so no state is shared between the two configurations.
data "aws_vpc" "platform" {
  tags = { Name = "zeroops-production" }
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.platform.id]
  }
  tags = { "zeroops:tier" = "private" }
}

data "aws_subnets" "database" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.platform.id]
  }
  tags = { "zeroops:tier" = "database" }
}

data "aws_lb" "platform" {
  name = "zeroops-production"
}

data "aws_lb_listener" "https" {
  load_balancer_arn = data.aws_lb.platform.arn
  port              = 443
}

data "aws_lb_listener" "test" {
  load_balancer_arn = data.aws_lb.platform.arn
  port              = 8443
}

data "aws_security_group" "load_balancer" {
  name   = "zeroops-production-alb-https"
  vpc_id = data.aws_vpc.platform.id
}

# The portal's slot in the foundation's listener rule registry (load-balancer module): add
# zeroops-portal to its service_listener_rule_slots (README.md, "Apply the foundation").
data "aws_ssm_parameter" "listener_rule_slot" {
  name = "/zeroops/zeroops-production/listener-rule-slots/${local.service}"
}

# Backstage's own secrets, one JSON secret (one $0.40 secret instead of four). Terraform never
# holds the values: README.md "Secrets" puts them with aws secretsmanager put-secret-value.
module "secrets" {
  source = "../../secrets"

  service     = local.service
  environment = local.environment

  secrets = {
    backstage = {
      description = "ZeroOps Backstage: AUTH_SESSION_SECRET, AUTH_GITHUB_CLIENT_SECRET, GITHUB_TOKEN and GITHUB_WEBHOOK_SECRET (JSON keys)"
    }
  }
  reader_role_arns = [module.service.execution_role_arn]
}

module "service" {
  source = "../../ecs-service"

  service     = local.service
  environment = local.environment

  vpc_id                          = data.aws_vpc.platform.id
  private_subnet_ids              = data.aws_subnets.private.ids
  load_balancer_security_group_id = data.aws_security_group.load_balancer.id
  load_balancer_arn_suffix        = data.aws_lb.platform.arn_suffix
  production_listener_arn         = data.aws_lb_listener.https.arn
  test_listener_arn               = data.aws_lb_listener.test.arn
  host_headers                    = [local.origin_host]
  listener_rule_slot              = tonumber(data.aws_ssm_parameter.listener_rule_slot.value)

  image          = "${var.production_account_id}.dkr.ecr.${var.aws_region}.amazonaws.com/${local.service}:${var.image_tag}"
  container_port = 7007
  # Backstage's backend with the app: about 600 MB resident, 2 GB leaves room for catalog
  # processing and scaffolder runs.
  cpu    = 512
  memory = 2048

  health_check_path = local.readiness_path
  # Database migrations of every plugin run before the backend reports ready.
  health_check_grace_period_seconds = 180

  # What app-config.production.yaml reads. Public values here, secrets below.
  environment_variables = {
    APP_BASE_URL                  = local.base_url
    BACKEND_BASE_URL              = local.base_url
    POSTGRES_HOST                 = module.database.endpoint
    POSTGRES_PORT                 = tostring(module.database.port)
    PGSSLMODE                     = "require"
    CACHE_URL                     = "rediss://${module.cache.endpoint_address}:${module.cache.endpoint_port}"
    AUTH_GITHUB_CLIENT_ID         = var.github_oauth_client_id
    ZEROOPS_AWS_REGION            = var.aws_region
    ZEROOPS_PRODUCTION_ACCOUNT_ID = var.production_account_id
    ZEROOPS_STAGING_ACCOUNT_ID    = var.staging_account_id
    ZEROOPS_COST_ACCOUNT_ID       = var.cost_account_id
    # aws.accountDefaults.roleName (@backstage/integration-aws-node): the role ZeroOps assumes in
    # every account, set through Backstage's APP_CONFIG_ environment overrides.
    APP_CONFIG_aws_accountDefaults_roleName = var.read_role_name
  }
  # Injected by ECS at task start (ARN:json-key::). The master user is RDS-managed.
  secrets = {
    POSTGRES_USER             = "${module.database.master_user_secret_arn}:username::"
    POSTGRES_PASSWORD         = "${module.database.master_user_secret_arn}:password::"
    AUTH_SESSION_SECRET       = "${module.secrets.secret_arns["backstage"]}:AUTH_SESSION_SECRET::"
    AUTH_GITHUB_CLIENT_SECRET = "${module.secrets.secret_arns["backstage"]}:AUTH_GITHUB_CLIENT_SECRET::"
    GITHUB_TOKEN              = "${module.secrets.secret_arns["backstage"]}:GITHUB_TOKEN::"
    GITHUB_WEBHOOK_SECRET     = "${module.secrets.secret_arns["backstage"]}:GITHUB_WEBHOOK_SECRET::"
  }
  secrets_kms_key_arns = [module.database.kms_key_arn, module.secrets.kms_key_arn]

  # ZeroOps reads ECS, CloudWatch, RDS, ElastiCache and Cost Explorer through the read role of
  # each account; the portal's own role may only assume those roles.
  task_role_policy_json = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "AssumeZeroOpsReadRoles"
      Effect   = "Allow"
      Action   = ["sts:AssumeRole"]
      Resource = local.read_role_arns
    }]
  })

  deployment_alarm_names = module.monitoring.deployment_alarm_names
  create_ecr_repository  = true
  ecr_pull_account_ids   = []
}

module "database" {
  source = "../../database"

  service     = local.service
  environment = local.environment

  vpc_id                     = data.aws_vpc.platform.id
  subnet_ids                 = data.aws_subnets.database.ids
  allowed_security_group_ids = [module.service.security_group_id]

  # One database per Backstage plugin (pluginDivisionMode "database"), created by the master user.
  database_name = "backstage"
  # An internal tool: one writer (a failure recreates it in minutes), 0.5-4 ACU.
  instance_count        = 1
  min_capacity          = 0.5
  max_capacity          = 4
  backup_retention_days = 35
  deletion_protection   = true
}

module "cache" {
  source = "../../cache"

  service     = local.service
  environment = local.environment

  vpc_id                     = data.aws_vpc.platform.id
  subnet_ids                 = slice(data.aws_subnets.private.ids, 0, min(3, length(data.aws_subnets.private.ids)))
  allowed_security_group_ids = [module.service.security_group_id]
  # The ZeroOps health cache and Backstage's caches are small: 1 GB is the cost ceiling.
  max_data_storage_gb = 1
}
