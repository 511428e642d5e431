# Production network: two availability zones (az_count = 3 adds a NAT gateway and three
# endpoint interfaces, about $66 a month), one NAT gateway per zone, interface endpoints.
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
      "zeroops:service"     = "zeroops-platform"
      "zeroops:environment" = "production"
    }
  }
}

module "networking" {
  source = "../../"

  environment = "production"
  cidr_block  = "10.10.0.0/16"
  az_count    = 2
}

output "private_subnet_ids" {
  description = "Subnets for ECS services and caches."
  value       = module.networking.private_subnet_ids
}
