# Audit trail of the production account and, from the organization's management account, the
# allowed-regions guard on the workloads OU.
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

module "audit" {
  source = "../../"

  environment     = "production"
  allowed_regions = ["us-east-1", "us-west-2"]
}

output "trail_arn" {
  description = "Audit trail."
  value       = module.audit.trail_arn
}
