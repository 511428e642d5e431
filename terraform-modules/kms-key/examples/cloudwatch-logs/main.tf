# A key for the log groups of one service in production: CloudWatch Logs of this region may use it
# for this service's log groups of this account only.
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

module "kms_key" {
  source = "../../"

  description             = "payments-api-production logs"
  alias                   = "payments-api-production-logs"
  deletion_window_in_days = 30

  # CloudWatch Logs of this region, for this service's log groups only.
  allow_cloudwatch_logs = {
    log_group_names = ["/zeroops/payments-api-production/*"]
  }

  tags = {
    "zeroops:service"     = "payments-api"
    "zeroops:environment" = "production"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/zeroops/payments-api-production/app"
  retention_in_days = 365
  kms_key_id        = module.kms_key.key_arn
}

output "key_arn" {
  description = "ARN of the key."
  value       = module.kms_key.key_arn
}
