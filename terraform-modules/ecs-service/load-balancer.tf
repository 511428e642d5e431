# ---------------------------------------------------------------------------------------------
# Target groups and listener rules: <service>-<env short>-b (blue) and -g (green).
# ---------------------------------------------------------------------------------------------

locals {
  # Target group names are limited to 32 characters: production and staging are shortened so
  # that the longest service name fits (zeroops-common naming contract, targetGroupNames).
  target_group_name = "${var.service}-${lookup({ production = "prod", staging = "stg" }, var.environment, var.environment)}"

  # Name suffix by colour: blue always, green only for native blue/green deployments.
  target_group_suffixes = merge({ blue = "b" }, local.blue_green ? { green = "g" } : {})
}

resource "aws_lb_target_group" "this" {
  for_each = local.target_group_suffixes

  name                 = "${local.target_group_name}-${each.value}"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.container_port
  deregistration_delay = 30

  health_check {
    path                = var.health_check_path
    matcher             = "200-399"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = local.tags
}

# Forward-only rules (ECS blue/green cannot shift traffic on rules that mix forward with other
# actions). ECS owns the weights after creation, so Terraform ignores the action.
resource "aws_lb_listener_rule" "production" {
  listener_arn = var.production_listener_arn
  priority     = local.listener_rule_priority

  action {
    type = "forward"

    forward {
      # Blue carries the traffic at creation; ECS moves the weights to green and back.
      dynamic "target_group" {
        for_each = local.target_group_suffixes

        content {
          arn    = aws_lb_target_group.this[target_group.key].arn
          weight = target_group.key == "blue" ? 100 : 0
        }
      }
    }
  }

  condition {
    host_header {
      values = var.host_headers
    }
  }

  condition {
    path_pattern {
      values = var.path_patterns
    }
  }

  dynamic "condition" {
    for_each = var.origin_verify_header == null ? [] : [var.origin_verify_header]

    content {
      http_header {
        http_header_name = condition.value.name
        values           = [condition.value.value]
      }
    }
  }

  tags = local.tags

  # The pull request's priority is claimed before its rule exists and released after it is gone.
  depends_on = [aws_ssm_parameter.listener_rule_priority_claim]

  lifecycle {
    ignore_changes = [action]

    precondition {
      condition     = local.listener_rule_priority != null
      error_message = "All 490 pull-request listener rule priorities of slot ${var.listener_rule_slot} are claimed under ${local.listener_rule_priority_claims_path} (490 open pull requests of one service is the limit): destroy closed pull request environments first."
    }
  }
}

resource "aws_lb_listener_rule" "test" {
  count = local.test_route ? 1 : 0

  listener_arn = var.test_listener_arn
  priority     = local.listener_rule_priority

  action {
    type = "forward"

    forward {
      # Blue carries the traffic at creation; ECS moves the weights to green and back.
      dynamic "target_group" {
        for_each = local.target_group_suffixes

        content {
          arn    = aws_lb_target_group.this[target_group.key].arn
          weight = target_group.key == "blue" ? 100 : 0
        }
      }
    }
  }

  condition {
    host_header {
      values = var.host_headers
    }
  }

  condition {
    path_pattern {
      values = var.path_patterns
    }
  }

  tags = local.tags

  depends_on = [aws_ssm_parameter.listener_rule_priority_claim]

  lifecycle {
    ignore_changes = [action]
  }
}
