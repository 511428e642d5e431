# Developer access through IAM Identity Center, applied in the organization's management account
# (or the Identity Center delegated administrator account).
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
      "zeroops:environment" = "all"
    }
  }
}

module "identity_center" {
  source = "../../"

  production_account_id  = "111111111111"
  staging_account_id     = "222222222222"
  developers_group_name  = "zeroops-developers"
  platform_group_name    = "zeroops-platform"
  break_glass_group_name = "zeroops-break-glass"
}

output "read_only_permission_set_arn" {
  description = "Permission set of production."
  value       = module.identity_center.read_only_permission_set_arn
}
