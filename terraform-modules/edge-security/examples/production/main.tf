# The production platform's edge security: WAF request logs and DNS query logs, and DNSSEC
# signing of the production zone.
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
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]

  default_tags {
    tags = {
      "zeroops:service"     = "zeroops-platform"
      "zeroops:environment" = "production"
    }
  }
}

module "edge_security" {
  source = "../../"

  environment = "production"
  zone_id     = "Z0123456789ABCDEFGHIJ"
  zone_name   = "zeroops.example.com"
  web_acl_arn = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/zeroops-production/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

output "dnssec_ds_record" {
  description = "Add at the registrar of zeroops.example.com."
  value       = module.edge_security.dnssec_ds_record
}
