# Secrets of pull-request environment pr-42: deleted immediately on destroy
# (recovery window 0), so the next pull request can reuse the names.
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
      "zeroops:environment" = "pr-42"
    }
  }
}

module "secrets" {
  source = "../../"

  service     = "payments-api"
  environment = "pr-42"

  secrets = {
    stripe-api-key = {
      description = "Stripe test-mode key"
    }
  }
  recovery_window_in_days = 0
}

output "secret_arns" {
  description = "Secrets for the ECS service."
  value       = module.secrets.secret_arns
}
