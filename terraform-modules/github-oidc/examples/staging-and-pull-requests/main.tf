# Deploy roles of the payments repository in the staging account, which also hosts the
# pull-request environments: the staging role and the pull-request ("ephemeral") role. The
# account's GitHub OIDC provider already exists (the platform repository's roles created it).
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
      "zeroops:service"     = "payments"
      "zeroops:environment" = "staging"
    }
  }
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

module "github_oidc" {
  source = "../../"

  service              = "payments"
  github_org           = "acme"
  github_repository    = "payments"
  create_oidc_provider = false
  oidc_provider_arn    = data.aws_iam_openid_connect_provider.github.arn
  create_plan_role     = false

  environments = {
    staging   = {}
    ephemeral = {}
  }

  deploy_scope = {
    account_id        = "222222222222"
    region            = "us-east-1"
    state_bucket_arn  = "arn:aws:s3:::zeroops-tfstate-222222222222-us-east-1"
    state_kms_key_arn = "arn:aws:kms:us-east-1:222222222222:key/11111111-1111-1111-1111-111111111111"
  }
}

output "environment_role_arns" {
  description = "Roles for the staging and pull-request deploy workflows."
  value       = module.github_oidc.environment_role_arns
}
