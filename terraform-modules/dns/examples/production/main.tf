# payments-api production DNS: the public name points at CloudFront, the origin name at the
# shared load balancer, and a health check watches /health through CloudFront.
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

module "dns" {
  source = "../../"

  service     = "payments-api"
  environment = "production"
  zone_id     = "Z0123456789ABCDEFGHIJ"

  alias_records = {
    public = {
      name            = "payments.example.com"
      target_dns_name = "d111111abcdef8.cloudfront.net"
      target_zone_id  = "Z2FDTNDATAQYW2"
    }
    origin = {
      name            = "payments-api.origin.example.com"
      target_dns_name = "zeroops-production-1234567890.us-east-1.elb.amazonaws.com"
      target_zone_id  = "Z35SXDOTRQ7X7K"
      ipv6            = false
    }
  }

  health_checks = {
    public = {
      fqdn = "payments.example.com"
    }
  }
  alarm_topic_arn = "arn:aws:sns:us-east-1:111111111111:payments-api-production-alarms"
}

output "record_fqdns" {
  description = "Records created."
  value       = module.dns.record_fqdns
}
