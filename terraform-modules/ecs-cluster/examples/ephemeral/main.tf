# ECS cluster zeroops-ephemeral (pull-request environments) with Container Insights and both Fargate capacity providers.
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
      "zeroops:service"     = "zeroops-platform"
      "zeroops:environment" = "ephemeral"
    }
  }
}

module "ecs_cluster" {
  source = "../../"

  environment = "ephemeral"
}

output "cluster_name" {
  description = "Cluster to deploy services into."
  value       = module.ecs_cluster.cluster_name
}
