# payments-api in production: native ECS blue/green with a test listener, 10 minutes bake time
# and automatic rollback on the monitoring module's alarms.
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

module "service" {
  source = "../../"

  service     = "payments-api"
  environment = "production"

  vpc_id                          = "vpc-0123456789abcdef0"
  private_subnet_ids              = ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"]
  load_balancer_security_group_id = "sg-0123456789abcdef0"
  load_balancer_arn_suffix        = "app/zeroops-production/0123456789abcdef"
  production_listener_arn         = "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/zeroops-production/0123456789abcdef/0123456789abcdef"
  test_listener_arn               = "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/zeroops-production/0123456789abcdef/fedcba9876543210"
  host_headers                    = ["payments-api.origin.example.com"]
  listener_rule_slot              = 7

  image          = "111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:0123456789abcdef0123456789abcdef01234567"
  container_port = 8080
  cpu            = 512
  memory         = 1024

  environment_variables = {
    LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_SECRET = "arn:aws:secretsmanager:us-east-1:111111111111:secret:payments-api/production/database-AbCdEf"
  }
  secrets_kms_key_arns = ["arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000"]

  deployment_alarm_names = ["payments-api-production-alb-5xx", "payments-api-production-p99-latency", "payments-api-production-unhealthy-hosts"]

  create_ecr_repository = true
  ecr_pull_account_ids  = ["222222222222"]
}

output "deploy" {
  description = "What the deploy workflow needs."
  value = {
    cluster       = module.service.cluster_name
    service       = module.service.service_name
    task_family   = module.service.task_family
    container     = module.service.container_name
    target_groups = module.service.target_group_arns
  }
}
