# ECS cluster zeroops-production with Container Insights and both Fargate capacity providers.
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

module "ecs_cluster" {
  source = "../../"

  environment = "production"
}

output "cluster_name" {
  description = "Cluster to deploy services into."
  value       = module.ecs_cluster.cluster_name
}
