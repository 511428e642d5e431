# payments-api staging cache: ElastiCache Serverless for Valkey with usage limits as a cost cap.
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

module "cache" {
  source = "../../"

  service     = "payments-api"
  environment = "staging"

  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"]
  allowed_security_group_ids = ["sg-0eeeeeeeeeeeeeee1"]
}

output "endpoint_address" {
  description = "Valkey endpoint (TLS)."
  value       = module.cache.endpoint_address
}
