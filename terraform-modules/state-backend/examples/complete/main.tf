# State bucket of the production account, replicated to us-west-2 as the state backup. The
# bootstrap state of this example itself stays local (or is migrated into the bucket afterwards).
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

module "state_backend" {
  source = "../../"

  environment    = "production"
  replica_region = "us-west-2"
}

output "backend_config" {
  description = "Put these into the backend \"s3\" block of every root module (plus a key)."
  value       = module.state_backend.backend_config
}
