# Edge security of one environment: request logs of its CloudFront web ACL and query logs of its
# DNS zone in CloudWatch Logs, encrypted with a key of their own (WAF and Route 53 deliver these
# logs only to us-east-1, hence `region` on those resources), and DNSSEC signing of the zone.
# Signing protects resolvers once the DS record (output dnssec_ds_record) is added at the parent
# domain; until then the zone answers exactly as before.

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

locals {
  log_retention_days = coalesce(var.log_retention_days, var.environment == "production" ? 365 : 30)
}

module "edge_logs_kms" {
  source = "../kms-key"

  region                  = "us-east-1"
  description             = "zeroops-${var.environment} WAF request and DNS query logs"
  alias                   = "zeroops-${var.environment}-edge-logs"
  deletion_window_in_days = 30
  allow_cloudwatch_logs   = { log_group_names = ["*"] }

  tags = local.tags
}

# The WAF request logs and the DNS query logs, kept alike: in us-east-1, encrypted with the key
# above, for the same retention. WAF accepts only log groups whose name starts with aws-waf-logs-.
locals {
  log_group_names = {
    waf         = "aws-waf-logs-zeroops-${var.environment}"
    dns_queries = "/aws/route53/${var.zone_name}"
  }
}

resource "aws_cloudwatch_log_group" "edge" {
  for_each = local.log_group_names

  region = "us-east-1"

  name              = each.value
  retention_in_days = local.log_retention_days
  kms_key_id        = module.edge_logs_kms.key_arn

  tags = local.tags
}

resource "aws_wafv2_web_acl_logging_configuration" "shared" {
  region = "us-east-1"

  resource_arn            = var.web_acl_arn
  log_destination_configs = [aws_cloudwatch_log_group.edge["waf"].arn]

  # Requests carry sign-in tokens and session cookies: they never reach the logs.
  redacted_fields {
    single_header {
      name = "authorization"
    }
  }

  redacted_fields {
    single_header {
      name = "cookie"
    }
  }
}

data "aws_iam_policy_document" "dns_query_logging" {
  statement {
    sid       = "Route53QueryLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.edge["dns_queries"].arn}:*"]

    principals {
      type        = "Service"
      identifiers = ["route53.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_cloudwatch_log_resource_policy" "dns_query_logging" {
  region = "us-east-1"

  policy_name     = "zeroops-${var.environment}-route53-query-logs"
  policy_document = data.aws_iam_policy_document.dns_query_logging.json
}

resource "aws_route53_query_log" "environment" {
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.edge["dns_queries"].arn
  zone_id                  = var.zone_id

  depends_on = [aws_cloudwatch_log_resource_policy.dns_query_logging]
}

data "aws_iam_policy_document" "dnssec_key" {
  #checkov:skip=CKV_AWS_109:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_109.
  #checkov:skip=CKV_AWS_111:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_111.
  #checkov:skip=CKV_AWS_356:Key policy ("*" is this key only, the account root delegates to IAM); replaced by the principals' IAM policies, which Checkov checks with CKV_AWS_356.
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "Route53DnssecSign"
    actions   = ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["dnssec-route53.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }

  statement {
    sid       = "Route53DnssecGrant"
    actions   = ["kms:CreateGrant"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["dnssec-route53.amazonaws.com"]
    }

    condition {
      test     = "Bool"
      variable = "kms:GrantIsForAWSResource"
      values   = ["true"]
    }
  }
}

# Route 53 signs with an asymmetric key in us-east-1; AWS does not rotate asymmetric keys, so a
# new key-signing key replaces this one when it must change.
resource "aws_kms_key" "dnssec" {
  region = "us-east-1"

  description              = "zeroops-${var.environment} DNSSEC key-signing key"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
  deletion_window_in_days  = 30
  policy                   = data.aws_iam_policy_document.dnssec_key.json

  tags = local.tags
}

resource "aws_route53_key_signing_key" "environment" {
  name                       = "zeroops_${var.environment}"
  hosted_zone_id             = var.zone_id
  key_management_service_arn = aws_kms_key.dnssec.arn
}

resource "aws_route53_hosted_zone_dnssec" "environment" {
  hosted_zone_id = aws_route53_key_signing_key.environment.hosted_zone_id
}
