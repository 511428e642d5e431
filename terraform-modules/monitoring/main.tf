data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  is_ephemeral = startswith(var.environment, "pr-")
  prefix       = "${var.service}-${var.environment}"
  kms_key_arn  = var.kms_key_arn != null ? var.kms_key_arn : module.kms[0].key_arn
  actions      = [aws_sns_topic.alarms.arn]

  # One metric per target group, so alarms see the live colour whichever it is.
  target_groups = [for i, suffix in var.target_group_arn_suffixes : { index = i, suffix = suffix }]
  tg_dimensions = [for tg in local.target_groups : { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = tg.suffix }]
}

# ---------------------------------------------------------------------------------------------
# Notification topic, encrypted with a key CloudWatch alarms may use.
# ---------------------------------------------------------------------------------------------

module "kms" {
  source = "../kms-key"
  count  = var.kms_key_arn == null ? 1 : 0

  description             = "${local.prefix} alarm notifications"
  alias                   = "${local.prefix}-alarms"
  deletion_window_in_days = local.is_ephemeral ? 7 : 30
  allow_cloudwatch_alarms = true

  tags = local.tags
}

resource "aws_sns_topic" "alarms" {
  name              = "${local.prefix}-alarms"
  kms_master_key_id = local.kms_key_arn

  tags = local.tags
}

data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "CloudWatchAlarms"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "email" {
  count = length(var.notification_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.notification_emails[count.index]
}
