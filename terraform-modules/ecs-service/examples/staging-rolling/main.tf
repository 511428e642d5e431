# payments-api in staging: rolling deployments with the circuit breaker, Fargate Spot and
# scale-to-zero at night and on weekends.
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
      "zeroops:environment" = "staging"
    }
  }
}

module "service" {
  source = "../../"

  service     = "payments-api"
  environment = "staging"

  vpc_id                          = "vpc-0fedcba9876543210"
  private_subnet_ids              = ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"]
  load_balancer_security_group_id = "sg-0fedcba9876543210"
  load_balancer_arn_suffix        = "app/zeroops-staging/0123456789abcdef"
  production_listener_arn         = "arn:aws:elasticloadbalancing:us-east-1:222222222222:listener/app/zeroops-staging/0123456789abcdef/0123456789abcdef"
  host_headers                    = ["payments-api.origin.staging.example.com"]
  listener_rule_slot              = 7

  # Built once, pulled from the production account's repository.
  image = "111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:0123456789abcdef0123456789abcdef01234567"

  secrets = {
    DATABASE_SECRET = "arn:aws:secretsmanager:us-east-1:222222222222:secret:payments-api/staging/database-AbCdEf"
  }
  secrets_kms_key_arns = ["arn:aws:kms:us-east-1:222222222222:key/00000000-0000-0000-0000-000000000000"]

  deployment_alarm_names = ["payments-api-staging-alb-5xx"]
}

output "service_name" {
  description = "ECS service name."
  value       = module.service.service_name
}
