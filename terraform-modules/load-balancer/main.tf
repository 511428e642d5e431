data "aws_caller_identity" "current" {}

data "aws_vpc" "this" {
  id = var.vpc_id
}

# CloudFront's origin-facing addresses: the only clients allowed on the public listeners.
data "aws_ec2_managed_prefix_list" "cloudfront" {
  name = "com.amazonaws.global.cloudfront.origin-facing"
}

# Account that writes access logs in regions that predate the log delivery service principal.
data "aws_elb_service_account" "current" {}

locals {
  is_production       = var.environment == "production"
  name                = var.name != null ? var.name : "zeroops-${var.environment}"
  deletion_protection = var.deletion_protection != null ? var.deletion_protection : local.is_production
  log_retention       = var.access_log_retention_days != null ? var.access_log_retention_days : (local.is_production ? 365 : 30)
  log_bucket_name     = "${local.name}-alb-logs-${data.aws_caller_identity.current.account_id}"
}

# ---------------------------------------------------------------------------------------------
# Access logs (CKV_AWS_91)
# ---------------------------------------------------------------------------------------------

module "access_logs_bucket" {
  #checkov:skip=CKV_AWS_145:ALB access log delivery supports only SSE-S3, not SSE-KMS (AWS limitation); replaced by SSE-S3 default encryption (AES256) and the public access block.
  source = "../secure-bucket"

  name            = local.log_bucket_name
  sse_algorithm   = "AES256"
  prevent_destroy = false
  force_destroy   = !local.is_production

  lifecycle_rule = {
    id                                 = "expire-access-logs"
    expiration_days                    = local.log_retention
    noncurrent_version_expiration_days = 1
  }

  policy_statements = [
    {
      sid     = "LoadBalancerLogDelivery"
      actions = ["s3:PutObject"]
      principals = [
        { type = "AWS", identifiers = [data.aws_elb_service_account.current.arn] },
        { type = "Service", identifiers = ["logdelivery.elasticloadbalancing.amazonaws.com"] },
      ]
      object_keys = ["${local.name}/AWSLogs/${data.aws_caller_identity.current.account_id}/*"]
    },
  ]

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Security groups: the public listeners accept CloudFront only. The CloudFront prefix list
# counts as 55 rules against the 60-rule quota of a security group, so HTTPS and HTTP each get
# their own group.
# ---------------------------------------------------------------------------------------------

locals {
  # The public listeners' groups by protocol: the port CloudFront reaches and what each is for.
  cloudfront_ingress = {
    https = {
      port              = 443
      group_description = "HTTPS from CloudFront to the load balancer, and from the load balancer to targets"
      rule_description  = "HTTPS from CloudFront origin-facing servers"
    }
    http = {
      port              = 80
      group_description = "HTTP from CloudFront, answered only with a redirect to HTTPS"
      rule_description  = "HTTP from CloudFront origin-facing servers (redirected to HTTPS)"
    }
  }
}

resource "aws_security_group" "public" {
  for_each = local.cloudfront_ingress

  name        = "${local.name}-alb-${each.key}"
  description = each.value.group_description
  vpc_id      = var.vpc_id

  tags = merge(local.tags, { Name = "${local.name}-alb-${each.key}" })
}

resource "aws_vpc_security_group_ingress_rule" "from_cloudfront" {
  #checkov:skip=CKV_AWS_260:Checkov reads a rule without cidr_ipv4 as open to all; replaced by the source prefix_list_id (CloudFront origin-facing servers only) and the HTTP listener's redirect to HTTPS (CKV2_AWS_20). The check is about port 80, so it cannot fail on the HTTPS instance.
  for_each = local.cloudfront_ingress

  security_group_id = aws_security_group.public[each.key].id
  description       = each.value.rule_description
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront.id

  tags = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "test_listener" {
  count = length(var.test_listener_allowed_cidr_blocks)

  security_group_id = aws_security_group.public["https"].id
  description       = "Blue/green test listener"
  ip_protocol       = "tcp"
  from_port         = var.test_listener_port
  to_port           = var.test_listener_port
  cidr_ipv4         = var.test_listener_allowed_cidr_blocks[count.index]

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "to_targets" {
  security_group_id = aws_security_group.public["https"].id
  description       = "Requests and health checks to targets inside the VPC"
  ip_protocol       = "tcp"
  from_port         = var.target_port_range.from
  to_port           = var.target_port_range.to
  cidr_ipv4         = data.aws_vpc.this.cidr_block

  tags = local.tags
}

# ---------------------------------------------------------------------------------------------
# Load balancer and listeners
# ---------------------------------------------------------------------------------------------

resource "aws_lb" "this" {
  name               = local.name
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.public["https"].id, aws_security_group.public["http"].id]
  subnets            = var.public_subnet_ids
  idle_timeout       = var.idle_timeout

  drop_invalid_header_fields = true
  desync_mitigation_mode     = "strictest"
  enable_deletion_protection = local.deletion_protection
  enable_http2               = true
  preserve_host_header       = true

  access_logs {
    bucket  = module.access_logs_bucket.bucket_name
    prefix  = local.name
    enabled = true
  }

  tags = local.tags

  # The load balancer checks on creation that it may write to the bucket.
  depends_on = [module.access_logs_bucket]
}

locals {
  # The production listener and the blue/green test listener differ only in their port.
  https_listener_ports = {
    production = 443
    test       = var.test_listener_port
  }
}

resource "aws_lb_listener" "https" {
  for_each = local.https_listener_ports

  load_balancer_arn = aws_lb.this.arn
  port              = each.value
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  # Services add host-based rules; anything unmatched gets a plain 404.
  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not found"
      status_code  = "404"
    }
  }

  tags = local.tags
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  tags = local.tags
}

resource "aws_lb_listener_certificate" "https" {
  count = length(var.additional_certificate_arns)

  listener_arn    = aws_lb_listener.https["production"].arn
  certificate_arn = var.additional_certificate_arns[count.index]
}

resource "aws_lb_listener_certificate" "test" {
  count = length(var.additional_certificate_arns)

  listener_arn    = aws_lb_listener.https["test"].arn
  certificate_arn = var.additional_certificate_arns[count.index]
}

# ---------------------------------------------------------------------------------------------
# Listener rule slot registry: the foundation assigns each service a distinct slot; services
# read theirs and derive collision-free listener rule priorities from it (see README).
# ---------------------------------------------------------------------------------------------

resource "aws_ssm_parameter" "listener_rule_slot" {
  #checkov:skip=CKV2_AWS_34:A slot number is public configuration, not a secret, so a SecureString would protect nothing; replaced by IAM permissions on ssm:PutParameter, which alone decide who may change it.
  for_each = var.service_listener_rule_slots

  name        = "/zeroops/${local.name}/listener-rule-slots/${each.key}"
  description = "Listener rule slot of ${each.key} on ${local.name}"
  type        = "String"
  value       = tostring(each.value)

  tags = local.tags
}
