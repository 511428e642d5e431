# Budgets in the payer account: the $500 platform budget over the production and staging
# accounts, one budget per service, and activation of the ZeroOps cost-allocation tags.
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
  allowed_account_ids = ["999999999999"]

  default_tags {
    tags = {
      "zeroops:service"     = "zeroops-platform"
      "zeroops:environment" = "all"
    }
  }
}

module "budgets" {
  source = "../../"

  platform_monthly_limit_usd = 500
  linked_account_ids         = ["111111111111", "222222222222"]
  service_budgets = {
    payments-api   = 200
    storefront-web = 150
    orders-worker  = 100
  }
  notification_emails = ["finance@example.com", "team-checkout@example.com"]
}

output "platform_budget_name" {
  description = "Platform budget."
  value       = module.budgets.platform_budget_name
}
