/**
 * One insecure and one secure HCL snippet per policy rule. The policy tests evaluate both in a
 * production scenario: the bad one must produce a finding (so no rule can pass vacuously) and the
 * good one must not (so no rule fails everything).
 */
export interface PolicyFixture {
  bad: string;
  good: string;
}

const TAGS = `tags = { "zeroops:service" = "payments-api", "zeroops:environment" = "production" }`;

const aurora = (settings: string) => `
resource "aws_rds_cluster" "this" {
  cluster_identifier                  = "payments-api-production"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.this.arn
  deletion_protection                 = true
  backup_retention_period             = 35
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.this.name
  ${settings}
}
resource "aws_rds_cluster_parameter_group" "this" {
  name   = "p"
  family = "aurora-postgresql16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}
`;

/** `resource "<type>" "this"` with the given attribute lines, indented one level. */
const thisResource = (type: string, ...lines: string[]) => `
resource "${type}" "this" {
${lines.map(line => `  ${line}`).join('\n')}
}
`;

const instance = (settings: string) =>
  thisResource(
    'aws_rds_cluster_instance',
    'identifier     = "payments-api-production-1"',
    'instance_class = "db.serverless"',
    settings,
  );

const alb = (settings: string) =>
  thisResource(
    'aws_lb',
    'name               = "zeroops-production"',
    'load_balancer_type = "application"',
    settings,
  );

const webAcl = (rules: string, extra = '') =>
  thisResource(
    'aws_wafv2_web_acl',
    'provider = aws.us_east_1',
    'name     = "payments-api-production"',
    'scope    = "CLOUDFRONT"',
    extra,
    rules,
  );

const managedRule = (name: string, override: string) => `
  rule {
    name     = "${name}"
    priority = 1
    override_action {
      ${override} {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "${name}"
      }
    }
  }
`;

const bucket = (companions: string) =>
  `${thisResource(
    'aws_s3_bucket',
    'bucket = "payments-api-assets"',
  )}${companions}\n`;

const taskDefinition = (
  container: string,
  roles = 'execution_role_arn = aws_iam_role.execution.arn\n  task_role_arn = aws_iam_role.task.arn',
) => `
resource "aws_ecs_task_definition" "this" {
  family = "payments-api-production"
  ${roles}
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = var.image
    essential              = true
    user                   = "1000:1000"
    readonlyRootFilesystem = true
    privileged             = false
    logConfiguration       = { logDriver = "awslogs", options = { "awslogs-group" = aws_cloudwatch_log_group.this.name } }
    ${container}
  }])
}
`;

const ecsService = (settings: string) =>
  thisResource('aws_ecs_service', 'name = "payments-api"', settings);

/** A blue/green service whose production listener rule has the given actions. */
const blueGreenService = (
  productionRuleActions: string,
) => `${ecsService(`load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    advanced_configuration {
      production_listener_rule = aws_lb_listener_rule.production.arn
    }
  }`)}
resource "aws_lb_listener_rule" "production" {
  listener_arn = var.listener_arn
  ${productionRuleActions}
}`;

export const POLICY_FIXTURES: Record<string, PolicyFixture> = {
  CKV_AWS_139: {
    bad: `variable "deletion_protection" {\n  default = null\n}\n${aurora(
      '',
    ).replace(
      'deletion_protection                 = true',
      'deletion_protection = var.deletion_protection != null ? var.deletion_protection : var.environment == "staging"',
    )}`,
    good: `variable "deletion_protection" {\n  default = null\n}\n${aurora(
      '',
    ).replace(
      'deletion_protection                 = true',
      'deletion_protection = var.deletion_protection != null ? var.deletion_protection : var.environment == "production"',
    )}`,
  },
  CKV_AWS_133: {
    bad: aurora('').replace(
      'backup_retention_period             = 35',
      'backup_retention_period = 7',
    ),
    good: aurora(''),
  },
  CKV2_AWS_69: {
    bad: aurora('').replace('value = "1"', 'value = "0"'),
    good: aurora(''),
  },
  ZEROOPS_AURORA_CAPACITY: {
    bad: aurora(
      'serverlessv2_scaling_configuration {\n    min_capacity = 0\n    max_capacity = var.max\n  }',
    ),
    good: aurora(
      'serverlessv2_scaling_configuration {\n    min_capacity = 0\n    max_capacity = 8\n  }',
    ),
  },
  CKV_AWS_353: {
    bad: instance(
      'performance_insights_enabled = var.environment != "production"',
    ),
    good: instance(
      'performance_insights_enabled = true\n  performance_insights_kms_key_id = aws_kms_key.this.arn',
    ),
  },
  CKV_AWS_191: {
    bad: `resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = "payments-api-production"
  description                = "cache"
  kms_key_id                 = aws_kms_key.this.arn
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false
}`,
    good: `resource "aws_elasticache_serverless_cache" "this" {
  name       = "payments-api-production"
  engine     = "valkey"
  kms_key_id = aws_kms_key.this.arn
}`,
  },
  ZEROOPS_CACHE_USAGE_LIMITS: {
    bad: `resource "aws_elasticache_serverless_cache" "this" {
  name   = "payments-api-production"
  engine = "valkey"
}`,
    good: `resource "aws_elasticache_serverless_cache" "this" {
  name   = "payments-api-production"
  engine = "valkey"
  cache_usage_limits {
    data_storage {
      maximum = 1
      unit    = "GB"
    }
    ecpu_per_second {
      maximum = 5000
    }
  }
}`,
  },
  CKV_AWS_150: {
    bad: alb('enable_deletion_protection = var.environment == "staging"'),
    good: alb('enable_deletion_protection = var.environment == "production"'),
  },
  ZEROOPS_WAF_RATE_LIMIT: {
    bad: webAcl(managedRule('AWSManagedRulesCommonRuleSet', 'none')),
    good: webAcl(`
  rule {
    name     = "rate"
    priority = 0
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 2000
        aggregate_key_type = "IP"
      }
    }
  }`),
  },
  ZEROOPS_WAF_US_EAST_1: {
    bad: webAcl('').replace('provider = aws.us_east_1', ''),
    good: webAcl(''),
  },
  'S3.5': {
    bad: bucket(`resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "cloudfront.amazonaws.com" }, Action = "s3:GetObject", Resource = "*" }] })
}`),
    good: bucket(`data "aws_iam_policy_document" "tls" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.tls.json
}`),
  },
  CKV_AWS_334: {
    bad: taskDefinition('').replace(
      'privileged             = false',
      'privileged = true',
    ),
    good: taskDefinition(''),
  },
  ZEROOPS_ECS_NON_ROOT: {
    bad: taskDefinition('').replace(
      'user                   = "1000:1000"',
      'user = "0:0"',
    ),
    good: taskDefinition(''),
  },
  'AWS-0036': {
    bad: taskDefinition(
      'environment = [{ name = "DATABASE_PASSWORD", value = "hunter2" }]',
    ),
    good: taskDefinition(
      'environment = [{ name = "LOG_LEVEL", value = "info" }]\n    secrets = [{ name = "DATABASE_PASSWORD", valueFrom = var.secret_arn }]',
    ),
  },
  ZEROOPS_ECS_LOGS: {
    bad: taskDefinition('').replace(
      'logDriver = "awslogs"',
      'logDriver = "json-file"',
    ),
    good: taskDefinition(''),
  },
  ZEROOPS_ECS_ROLLBACK: {
    bad: ecsService(
      'deployment_configuration {\n    strategy = "ROLLING"\n  }',
    ),
    good: ecsService(
      'deployment_configuration {\n    strategy = "ROLLING"\n  }\n  deployment_circuit_breaker {\n    enable   = true\n    rollback = true\n  }',
    ),
  },
  ZEROOPS_ECS_BLUE_GREEN_RULES: {
    bad: blueGreenService(`action {
    type = "authenticate-oidc"
  }
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }`),
    good: blueGreenService(`action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }`),
  },
  'AWS-0107': {
    bad: 'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.this.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = "0.0.0.0/0"\n}',
    good: 'resource "aws_vpc_security_group_ingress_rule" "https" {\n  security_group_id = aws_security_group.this.id\n  ip_protocol       = "tcp"\n  from_port         = 443\n  to_port           = 443\n  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront.id\n}',
  },
  ZEROOPS_TAGS: {
    bad: 'resource "aws_sns_topic" "this" {\n  name = "alarms"\n  tags = { "zeroops:service" = "payments-api" }\n}',
    good: `resource "aws_sns_topic" "this" {\n  name = "alarms"\n  ${TAGS}\n}`,
  },
};
