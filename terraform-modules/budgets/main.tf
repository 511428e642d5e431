locals {
  subscribers_given = length(var.notification_emails) + length(var.notification_topic_arns) > 0
  name_suffix       = var.environment == "all" ? "" : "-${var.environment}"
}

resource "aws_budgets_budget" "platform" {
  name         = "zeroops-platform${local.name_suffix}"
  budget_type  = "COST"
  limit_amount = tostring(var.platform_monthly_limit_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  dynamic "cost_filter" {
    for_each = length(var.linked_account_ids) > 0 ? [1] : []

    content {
      name   = "LinkedAccount"
      values = var.linked_account_ids
    }
  }

  dynamic "notification" {
    for_each = toset(var.alert_thresholds_percent)

    content {
      comparison_operator        = "GREATER_THAN"
      threshold                  = notification.value
      threshold_type             = "PERCENTAGE"
      notification_type          = "ACTUAL"
      subscriber_email_addresses = var.notification_emails
      subscriber_sns_topic_arns  = var.notification_topic_arns
    }
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = var.notification_emails
    subscriber_sns_topic_arns  = var.notification_topic_arns
  }

  tags = local.tags

  lifecycle {
    precondition {
      condition     = local.subscribers_given
      error_message = "Budgets need at least one e-mail address or SNS topic to notify."
    }
  }
}

resource "aws_budgets_budget" "service" {
  for_each = var.service_budgets

  name         = "zeroops-${each.key}${local.name_suffix}"
  budget_type  = "COST"
  limit_amount = tostring(each.value)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  # Cost-allocation tag filter: "user:<tag key>$<tag value>".
  cost_filter {
    name   = "TagKeyValue"
    values = [format("user:zeroops:service$%s", each.key)]
  }

  dynamic "notification" {
    for_each = toset(var.alert_thresholds_percent)

    content {
      comparison_operator        = "GREATER_THAN"
      threshold                  = notification.value
      threshold_type             = "PERCENTAGE"
      notification_type          = "ACTUAL"
      subscriber_email_addresses = var.notification_emails
      subscriber_sns_topic_arns  = var.notification_topic_arns
    }
  }

  tags = merge(local.tags, { "zeroops:budget-for" = each.key })

  lifecycle {
    precondition {
      condition     = local.subscribers_given
      error_message = "Budgets need at least one e-mail address or SNS topic to notify."
    }
  }
}

resource "aws_ce_cost_allocation_tag" "this" {
  for_each = var.activate_cost_allocation_tags ? toset(["zeroops:service", "zeroops:environment"]) : toset([])

  tag_key = each.value
  status  = "Active"
}
