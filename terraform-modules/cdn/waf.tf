# ---------------------------------------------------------------------------------------------
# WAF (CKV_AWS_68, CKV2_AWS_47, CKV_AWS_192): in us-east-1, attached through web_acl_id.
# ---------------------------------------------------------------------------------------------

resource "aws_wafv2_web_acl" "this" {
  count  = var.web_acl_arn == null ? 1 : 0
  region = "us-east-1"

  name  = local.name
  scope = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "rate-limit-per-ip"
    priority = 0

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = var.rate_limit_per_5_minutes
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-rate-limit"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "aws-ip-reputation"
    priority = 10

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAmazonIpReputationList"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-ip-reputation"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "aws-common"
    priority = 20

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-common"
      sampled_requests_enabled   = true
    }
  }

  # Anonymizing proxies and Tor exits are blocked. Requests from cloud hosting providers are only
  # counted: API clients and webhooks of customers legitimately run there.
  rule {
    name     = "aws-anonymous-ip"
    priority = 25

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAnonymousIpList"

        rule_action_override {
          name = "HostingProviderIPList"

          action_to_use {
            count {}
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-anonymous-ip"
      sampled_requests_enabled   = true
    }
  }

  # Includes the Log4j (Log4JRCE) rules.
  rule {
    name     = "aws-known-bad-inputs"
    priority = 30

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = local.name
    sampled_requests_enabled   = true
  }

  tags = local.tags
}

module "waf_logs_kms" {
  source = "../kms-key"
  count  = var.web_acl_arn == null ? 1 : 0

  region                  = "us-east-1"
  description             = "${local.name} WAF logs"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  allow_cloudwatch_logs   = { log_group_names = ["*"] }

  tags = local.tags
}

# WAF requires the aws-waf-logs- prefix.
resource "aws_cloudwatch_log_group" "waf" {
  count  = var.web_acl_arn == null ? 1 : 0
  region = "us-east-1"

  name              = "aws-waf-logs-${local.name}"
  retention_in_days = local.retention
  kms_key_id        = module.waf_logs_kms[0].key_arn

  tags = local.tags
}

resource "aws_wafv2_web_acl_logging_configuration" "this" {
  count  = var.web_acl_arn == null ? 1 : 0
  region = "us-east-1"

  resource_arn            = aws_wafv2_web_acl.this[0].arn
  log_destination_configs = [aws_cloudwatch_log_group.waf[0].arn]

  redacted_fields {
    single_header {
      name = "authorization"
    }
  }
}
