# CloudFront in front of payments-api (production): WAF with managed rules and rate limiting,
# TLS 1.2+, security headers, access logs and a static assets bucket.
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

variable "origin_verify_secret" {
  description = "Secret value of the X-Origin-Verify header shared with the ecs-service module."
  type        = string
  sensitive   = true
}

module "cdn" {
  source = "../../"

  service     = "payments-api"
  environment = "production"

  aliases            = ["payments.example.com"]
  certificate_arn    = "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"
  origin_domain_name = "payments-api.origin.example.com"
  origin_verify_header = {
    name  = "X-Origin-Verify"
    value = var.origin_verify_secret
  }

  static_assets = {
    path_pattern   = "/static/*"
    replica_region = "us-west-2"
  }
}

output "domain_name" {
  description = "Target of the public DNS alias."
  value       = module.cdn.domain_name
}
