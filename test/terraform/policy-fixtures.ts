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

const instance = (settings: string) => `
resource "aws_rds_cluster_instance" "this" {
  identifier     = "payments-api-production-1"
  instance_class = "db.serverless"
  ${settings}
}
`;

const alb = (settings: string) => `
resource "aws_lb" "this" {
  name               = "zeroops-production"
  load_balancer_type = "application"
  ${settings}
}
`;

const distribution = (settings: string, behavior = '') => `
resource "aws_cloudfront_distribution" "this" {
  enabled = true
  ${settings}
  default_cache_behavior {
    target_origin_id           = "service"
    viewer_protocol_policy     = "redirect-to-https"
    response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
    ${behavior}
  }
}
`;

const webAcl = (rules: string, extra = '') => `
resource "aws_wafv2_web_acl" "this" {
  provider = aws.us_east_1
  name     = "payments-api-production"
  scope    = "CLOUDFRONT"
  ${extra}
  ${rules}
}
`;

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

const bucket = (companions: string) => `
resource "aws_s3_bucket" "this" {
  bucket = "payments-api-assets"
}
${companions}
`;

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

const ecsCluster = (settings: string) => `
resource "aws_ecs_cluster" "this" {
  name = "zeroops-production"
  ${settings}
}
`;

const execConfiguration = (logging: string) => `
  configuration {
    execute_command_configuration {
      kms_key_id = aws_kms_key.this.arn
      logging    = "${logging}"
      log_configuration {
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
        cloud_watch_encryption_enabled = true
      }
    }
  }
`;

const ecsService = (settings: string) => `
resource "aws_ecs_service" "this" {
  name = "payments-api"
  ${settings}
}
`;

const oidcRole = (sub: string, aud = '"sts.amazonaws.com"') => `
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = [${aud}]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [${sub}]
    }
  }
}
resource "aws_iam_role" "deploy" {
  name               = "payments-api-github-production"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;

const trail = (settings: string) => `
resource "aws_cloudtrail" "this" {
  name           = "zeroops-production-audit"
  s3_bucket_name = "audit"
  ${settings}
}
`;

export const POLICY_FIXTURES: Record<string, PolicyFixture> = {
  CKV_AWS_96: {
    bad: aurora('').replace(
      'storage_encrypted                   = true',
      'storage_encrypted = false',
    ),
    good: aurora(''),
  },
  CKV_AWS_327: {
    bad: aurora('').replace(
      'kms_key_id                          = aws_kms_key.this.arn',
      '',
    ),
    good: aurora(''),
  },
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
  CKV_AWS_162: {
    bad: aurora('').replace('iam_database_authentication_enabled = true', ''),
    good: aurora(''),
  },
  CKV_AWS_313: {
    bad: aurora('').replace(
      'copy_tags_to_snapshot               = true',
      'copy_tags_to_snapshot = false',
    ),
    good: aurora(''),
  },
  CKV_AWS_324: {
    bad: aurora('').replace(
      'enabled_cloudwatch_logs_exports     = ["postgresql"]',
      'enabled_cloudwatch_logs_exports = []',
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
  CKV_AWS_17: {
    bad: instance('publicly_accessible = true'),
    good: instance('publicly_accessible = false'),
  },
  CKV_AWS_353: {
    bad: instance(
      'performance_insights_enabled = var.environment != "production"',
    ),
    good: instance(
      'performance_insights_enabled = true\n  performance_insights_kms_key_id = aws_kms_key.this.arn',
    ),
  },
  CKV_AWS_354: {
    bad: instance('performance_insights_enabled = true'),
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
  CKV_AWS_131: {
    bad: alb('drop_invalid_header_fields = false'),
    good: alb('drop_invalid_header_fields = true'),
  },
  CKV_AWS_328: {
    bad: alb('desync_mitigation_mode = "monitor"'),
    good: alb('desync_mitigation_mode = "strictest"'),
  },
  CKV_AWS_91: {
    bad: alb('access_logs {\n    bucket  = "logs"\n    enabled = false\n  }'),
    good: alb('access_logs {\n    bucket  = "logs"\n    enabled = true\n  }'),
  },
  CKV_AWS_150: {
    bad: alb('enable_deletion_protection = var.environment == "staging"'),
    good: alb('enable_deletion_protection = var.environment == "production"'),
  },
  CKV_AWS_103: {
    bad: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
}`,
    good: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}`,
  },
  CKV2_AWS_20: {
    bad: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}`,
    good: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}`,
  },
  CKV_AWS_68: {
    bad: distribution(''),
    good: distribution('web_acl_id = aws_wafv2_web_acl.this.arn'),
  },
  CKV_AWS_174: {
    bad: distribution(
      'viewer_certificate {\n    cloudfront_default_certificate = true\n  }',
    ),
    good: distribution(
      'viewer_certificate {\n    acm_certificate_arn      = var.certificate_arn\n    minimum_protocol_version = "TLSv1.2_2021"\n  }',
    ),
  },
  CKV_AWS_34: {
    bad: distribution('').replace('"redirect-to-https"', '"allow-all"'),
    good: distribution(''),
  },
  CKV_AWS_86: {
    bad: distribution(''),
    good: distribution(
      'logging_config {\n    bucket = aws_s3_bucket.logs.bucket_domain_name\n  }',
    ),
  },
  CKV2_AWS_32: {
    bad: distribution('').replace(
      'response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id',
      '',
    ),
    good: distribution(''),
  },
  CKV2_AWS_47: {
    bad: webAcl(managedRule('AWSManagedRulesKnownBadInputsRuleSet', 'count')),
    good: webAcl(managedRule('AWSManagedRulesKnownBadInputsRuleSet', 'none')),
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
  CKV2_AWS_31: {
    bad: webAcl(''),
    good: `${webAcl('')}
resource "aws_wafv2_web_acl_logging_configuration" "this" {
  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}`,
  },
  CKV2_AWS_6: {
    bad: bucket(`resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}`),
    good: bucket(`resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`),
  },
  CKV_AWS_21: {
    bad: bucket(`resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Suspended"
  }
}`),
    good: bucket(`resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}`),
  },
  CKV_AWS_145: {
    bad: bucket(`resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`),
    good: bucket(`resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}`),
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
  CKV_AWS_336: {
    bad: taskDefinition('').replace(
      'readonlyRootFilesystem = true',
      'readonlyRootFilesystem = false',
    ),
    good: taskDefinition(''),
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
  CKV_AWS_249: {
    bad: taskDefinition(
      '',
      'execution_role_arn = aws_iam_role.shared.arn\n  task_role_arn = aws_iam_role.shared.arn',
    ),
    good: taskDefinition(''),
  },
  CKV_AWS_333: {
    bad: ecsService(
      'network_configuration {\n    subnets          = var.subnets\n    assign_public_ip = true\n  }',
    ),
    good: ecsService(
      'network_configuration {\n    subnets          = var.subnets\n    assign_public_ip = false\n  }',
    ),
  },
  CKV_AWS_65: {
    bad: ecsCluster(
      'setting {\n    name  = "containerInsights"\n    value = "disabled"\n  }',
    ),
    good: ecsCluster(
      'setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }',
    ),
  },
  CKV_AWS_224: {
    bad: ecsCluster(execConfiguration('DEFAULT')),
    good: ecsCluster(execConfiguration('OVERRIDE')),
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
    bad: `${ecsService(`load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    advanced_configuration {
      production_listener_rule = aws_lb_listener_rule.production.arn
    }
  }`)}
resource "aws_lb_listener_rule" "production" {
  listener_arn = var.listener_arn
  action {
    type = "authenticate-oidc"
  }
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }
}`,
    good: `${ecsService(`load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    advanced_configuration {
      production_listener_rule = aws_lb_listener_rule.production.arn
    }
  }`)}
resource "aws_lb_listener_rule" "production" {
  listener_arn = var.listener_arn
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }
}`,
  },
  CKV_AWS_66: {
    bad: 'resource "aws_cloudwatch_log_group" "this" {\n  name       = "/ecs/payments-api/production"\n  kms_key_id = aws_kms_key.this.arn\n}',
    good: 'resource "aws_cloudwatch_log_group" "this" {\n  name              = "/ecs/payments-api/production"\n  retention_in_days = 30\n  kms_key_id        = aws_kms_key.this.arn\n}',
  },
  CKV_AWS_158: {
    bad: 'resource "aws_cloudwatch_log_group" "this" {\n  name              = "/ecs/payments-api/production"\n  retention_in_days = 30\n  kms_key_id        = var.kms_key_arn\n}\nvariable "kms_key_arn" {\n  default = null\n}',
    good: 'resource "aws_cloudwatch_log_group" "this" {\n  name              = "/ecs/payments-api/production"\n  retention_in_days = 30\n  kms_key_id        = aws_kms_key.this.arn\n}',
  },
  CKV_AWS_7: {
    bad: 'resource "aws_kms_key" "this" {\n  description = "logs"\n}',
    good: 'resource "aws_kms_key" "this" {\n  description         = "logs"\n  enable_key_rotation = true\n}',
  },
  CKV_AWS_149: {
    bad: 'resource "aws_secretsmanager_secret" "this" {\n  name = "payments-api/production/stripe"\n}',
    good: 'resource "aws_secretsmanager_secret" "this" {\n  name       = "payments-api/production/stripe"\n  kms_key_id = aws_kms_key.this.arn\n}',
  },
  CKV_AWS_26: {
    bad: 'resource "aws_sns_topic" "this" {\n  name              = "alarms"\n  kms_master_key_id = "alias/aws/sns"\n}',
    good: 'resource "aws_sns_topic" "this" {\n  name              = "alarms"\n  kms_master_key_id = aws_kms_key.this.arn\n}',
  },
  CKV2_AWS_11: {
    bad: 'resource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n}',
    good: 'resource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_flow_log" "this" {\n  vpc_id       = aws_vpc.this.id\n  traffic_type = "ALL"\n}',
  },
  CKV2_AWS_12: {
    bad: 'resource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_default_security_group" "this" {\n  vpc_id = aws_vpc.this.id\n  ingress {\n    protocol  = -1\n    self      = true\n    from_port = 0\n    to_port   = 0\n  }\n}',
    good: 'resource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_default_security_group" "this" {\n  vpc_id = aws_vpc.this.id\n}',
  },
  CKV_AWS_130: {
    bad: 'resource "aws_subnet" "this" {\n  vpc_id                  = aws_vpc.this.id\n  cidr_block              = "10.0.0.0/20"\n  map_public_ip_on_launch = true\n}',
    good: 'resource "aws_subnet" "this" {\n  vpc_id                  = aws_vpc.this.id\n  cidr_block              = "10.0.0.0/20"\n  map_public_ip_on_launch = false\n}',
  },
  'AWS-0107': {
    bad: 'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.this.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = "0.0.0.0/0"\n}',
    good: 'resource "aws_vpc_security_group_ingress_rule" "https" {\n  security_group_id = aws_security_group.this.id\n  ip_protocol       = "tcp"\n  from_port         = 443\n  to_port           = 443\n  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront.id\n}',
  },
  CKV_AWS_51: {
    bad: 'resource "aws_ecr_repository" "this" {\n  name                 = "payments-api"\n  image_tag_mutability = "MUTABLE"\n}',
    good: 'resource "aws_ecr_repository" "this" {\n  name                 = "payments-api"\n  image_tag_mutability = "IMMUTABLE"\n}',
  },
  CKV_AWS_163: {
    bad: 'resource "aws_ecr_repository" "this" {\n  name = "payments-api"\n  image_scanning_configuration {\n    scan_on_push = false\n  }\n}',
    good: 'resource "aws_ecr_repository" "this" {\n  name = "payments-api"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}',
  },
  CKV_AWS_136: {
    bad: 'resource "aws_ecr_repository" "this" {\n  name = "payments-api"\n  encryption_configuration {\n    encryption_type = "AES256"\n  }\n}',
    good: 'resource "aws_ecr_repository" "this" {\n  name = "payments-api"\n  encryption_configuration {\n    encryption_type = "KMS"\n    kms_key         = aws_kms_key.this.arn\n  }\n}',
  },
  CKV_AWS_63: {
    bad: 'data "aws_iam_policy_document" "this" {\n  statement {\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.this.arn]\n  }\n}',
    good: 'data "aws_iam_policy_document" "this" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.this.arn}/*"]\n  }\n}',
  },
  CKV_AWS_356: {
    bad: 'resource "aws_iam_role_policy" "this" {\n  role   = aws_iam_role.task.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = "*" }] })\n}',
    good: 'resource "aws_iam_role_policy" "this" {\n  role   = aws_iam_role.task.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["ecr:GetAuthorizationToken"], Resource = "*" }] })\n}',
  },
  CKV_AWS_358: {
    bad: oidcRole('"repo:acme/*"'),
    good: oidcRole('"repo:acme/payments-api:environment:production"'),
  },
  CKV_AWS_36: {
    bad: trail(
      'is_multi_region_trail = true\n  kms_key_id = aws_kms_key.this.arn',
    ),
    good: trail(
      'is_multi_region_trail = true\n  kms_key_id = aws_kms_key.this.arn\n  enable_log_file_validation = true',
    ),
  },
  CKV_AWS_67: {
    bad: trail(
      'enable_log_file_validation = true\n  kms_key_id = aws_kms_key.this.arn',
    ),
    good: trail(
      'enable_log_file_validation = true\n  kms_key_id = aws_kms_key.this.arn\n  is_multi_region_trail = true',
    ),
  },
  CKV_AWS_35: {
    bad: trail(
      'enable_log_file_validation = true\n  is_multi_region_trail = true',
    ),
    good: trail(
      'enable_log_file_validation = true\n  is_multi_region_trail = true\n  kms_key_id = aws_kms_key.this.arn',
    ),
  },
  ZEROOPS_TAGS: {
    bad: 'resource "aws_sns_topic" "this" {\n  name = "alarms"\n  tags = { "zeroops:service" = "payments-api" }\n}',
    good: `resource "aws_sns_topic" "this" {\n  name = "alarms"\n  ${TAGS}\n}`,
  },
};
