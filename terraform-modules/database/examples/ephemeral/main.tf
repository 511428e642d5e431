# Database of pull-request environment pr-42: destroyable (no deletion protection, no final
# snapshot), one day of backups, scales to zero.
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
      "zeroops:environment" = "pr-42"
    }
  }
}

module "database" {
  source = "../../"

  service     = "payments-api"
  environment = "pr-42"

  vpc_id                     = "vpc-0fedcba9876543210"
  subnet_ids                 = ["subnet-0ddddddddddddddd3", "subnet-0ddddddddddddddd4"]
  allowed_security_group_ids = ["sg-0eeeeeeeeeeeeeee3"]
  max_capacity               = 1
}

output "endpoint" {
  description = "Writer endpoint."
  value       = module.database.endpoint
}
