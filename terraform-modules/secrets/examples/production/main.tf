# payments-api production secrets, encrypted with a dedicated key, replicated to the DR region,
# one of them rotated by a Lambda function.
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

module "secrets" {
  source = "../../"

  service     = "payments-api"
  environment = "production"

  secrets = {
    stripe-api-key = {
      description = "Stripe secret key"
    }
    webhook-signing-key = {
      description         = "Key signing outgoing webhooks"
      rotation_lambda_arn = "arn:aws:lambda:us-east-1:111111111111:function:payments-api-rotate-webhook-key"
      rotation_days       = 90
    }
  }
  replica_regions  = ["us-west-2"]
  reader_role_arns = ["arn:aws:iam::111111111111:role/payments-api-production-execution"]
}

output "secret_arns" {
  description = "Secrets for the ECS service."
  value       = module.secrets.secret_arns
}
