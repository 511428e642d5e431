# payments-api production database: Aurora Serverless v2 with two instances, 35 days of
# point-in-time recovery, Performance Insights, and an Aurora global database secondary in
# us-west-2 for the seed's RPO 5 minutes / RTO 15 minutes.
terraform {
  required_version = ">= 1.11"

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

variable "master_password" {
  description = "Master password of the global cluster, e.g. from TF_VAR_master_password in the deploy job; never stored in state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

module "database" {
  source = "../../"

  service     = "payments-api"
  environment = "production"

  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-0ddddddddddddddd1", "subnet-0ddddddddddddddd2"]
  allowed_security_group_ids = ["sg-0eeeeeeeeeeeeeee1"]

  disaster_recovery = {
    mode               = "global"
    region             = "us-west-2"
    subnet_ids         = ["subnet-0fffffffffffffff1", "subnet-0fffffffffffffff2"]
    security_group_ids = ["sg-0fffffffffffffff1"]
  }
  master_password = var.master_password
}

output "endpoint" {
  description = "Writer endpoint."
  value       = module.database.endpoint
}
