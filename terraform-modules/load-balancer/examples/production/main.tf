# Shared production load balancer, reachable from CloudFront only.
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

module "load_balancer" {
  source = "../../"

  environment       = "production"
  vpc_id            = "vpc-0123456789abcdef0"
  public_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"]
  certificate_arn   = "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"

  # NAT gateway addresses, so that deployment lifecycle hooks can reach the test listener.
  test_listener_allowed_cidr_blocks = ["203.0.113.10/32"]

  # One distinct slot per service; each service derives its listener rule priorities from it.
  service_listener_rule_slots = {
    payments-api = 1
    storefront   = 2
  }
}

output "https_listener_arn" {
  description = "Listener for the services' production rules."
  value       = module.load_balancer.https_listener_arn
}
