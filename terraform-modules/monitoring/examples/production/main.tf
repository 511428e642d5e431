# Alarms and dashboard of payments-api in production.
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
  allowed_account_ids = ["111111111111"]

  default_tags {
    tags = {
      "zeroops:service"     = "payments-api"
      "zeroops:environment" = "production"
    }
  }
}

module "monitoring" {
  source = "../../"

  service     = "payments-api"
  environment = "production"

  load_balancer_arn_suffix  = "app/zeroops-production/0123456789abcdef"
  target_group_arn_suffixes = ["targetgroup/payments-api-production-b/0123456789abcdef", "targetgroup/payments-api-production-g/fedcba9876543210"]
  ecs_cluster_name          = "zeroops-production"
  ecs_service_name          = "payments-api"
  aurora_cluster_identifier = "payments-api-production"
  notification_emails       = ["team-checkout@example.com"]
}

output "deployment_alarm_names" {
  description = "Pass these to the ecs-service module for automatic rollback."
  value       = module.monitoring.deployment_alarm_names
}
