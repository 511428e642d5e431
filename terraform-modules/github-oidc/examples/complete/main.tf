# Deploy roles of the payments-api repository in the production account: the least-privilege
# role for the GitHub environment "production" and a read-only plan role for pull requests.
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

module "github_oidc" {
  source = "../../"

  service              = "payments-api"
  github_org           = "acme"
  github_repository    = "payments-api"
  github_org_id        = "123456"
  github_repository_id = "987654321"

  environments = {
    production = {}
  }

  deploy_scope = {
    account_id        = "111111111111"
    region            = "us-east-1"
    state_bucket_arn  = "arn:aws:s3:::zeroops-tfstate-111111111111-us-east-1"
    state_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000"
  }

  state_bucket_arn  = "arn:aws:s3:::zeroops-tfstate-111111111111-us-east-1"
  state_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000"
}

output "environment_role_arns" {
  description = "Roles for the deploy workflow."
  value       = module.github_oidc.environment_role_arns
}
