# payments-api staging database: one instance that scales to 0 ACU and pauses when idle.
terraform {
  required_version = ">= 1.11"

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

module "database" {
  source = "../../"

  service     = "payments-api"
  environment = "staging"

  vpc_id                     = "vpc-0fedcba9876543210"
  subnet_ids                 = ["subnet-0ddddddddddddddd3", "subnet-0ddddddddddddddd4"]
  allowed_security_group_ids = ["sg-0eeeeeeeeeeeeeee2"]
}

output "master_user_secret_arn" {
  description = "Secret with the RDS-managed master credentials."
  value       = module.database.master_user_secret_arn
}
