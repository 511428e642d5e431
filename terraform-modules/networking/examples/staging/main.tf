# Staging network (shared by staging and the ephemeral pull-request environments): two zones,
# one NAT gateway, no interface endpoints.
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
      "zeroops:service"     = "zeroops-platform"
      "zeroops:environment" = "staging"
    }
  }
}

module "networking" {
  source = "../../"

  environment = "staging"
  cidr_block  = "10.20.0.0/16"
}

output "private_subnet_ids" {
  description = "Subnets for ECS services and caches."
  value       = module.networking.private_subnet_ids
}
