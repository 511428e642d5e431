# Alarms and dashboard of payments-api in staging.
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.25, < 7.0"
    }
  }
}

provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["222222222222"]

  default_tags {
    tags = {
      "zeroops:service"     = "payments-api"
      "zeroops:environment" = "staging"
    }
  }
}

module "monitoring" {
  source = "../../"

  service     = "payments-api"
  environment = "staging"

  load_balancer_arn_suffix  = "app/zeroops-staging/0123456789abcdef"
  target_group_arn_suffixes = ["targetgroup/payments-api-staging-b/0123456789abcdef"]
  ecs_cluster_name          = "zeroops-staging"
  ecs_service_name          = "payments-api"
  aurora_cluster_identifier = "payments-api-staging"
  notification_emails       = ["team-checkout@example.com"]
}

output "deployment_alarm_names" {
  description = "Pass these to the ecs-service module for automatic rollback."
  value       = module.monitoring.deployment_alarm_names
}
