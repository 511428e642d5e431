# Pull-request environment pr-42 of payments-api: service payments-api-pr-42 in the
# zeroops-ephemeral cluster, short log retention, scale-to-zero, easy to destroy.
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
      "zeroops:environment" = "pr-42"
    }
  }
}

module "service" {
  source = "../../"

  service     = "payments-api"
  environment = "pr-42"

  vpc_id                          = "vpc-0fedcba9876543210"
  private_subnet_ids              = ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"]
  load_balancer_security_group_id = "sg-0aaaaaaaaaaaaaaa0"
  production_listener_arn         = "arn:aws:elasticloadbalancing:us-east-1:222222222222:listener/app/zeroops-ephemeral/0123456789abcdef/0123456789abcdef"
  host_headers                    = ["payments-api-pr-42.origin.preview.example.com"]
  listener_rule_slot              = 42

  image = "111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:0123456789abcdef0123456789abcdef01234567"
}

output "service_name" {
  description = "ECS service name (payments-api-pr-42)."
  value       = module.service.service_name
}
