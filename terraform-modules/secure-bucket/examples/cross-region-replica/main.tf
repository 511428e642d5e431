# The export bucket of one service in production, replicated to us-west-2: a reporting role of
# the account reads the exports; each copy has its own key in its region.
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

locals {
  tags = {
    "zeroops:service"     = "payments-api"
    "zeroops:environment" = "production"
  }

  # The account's principals may use the keys through S3 only.
  key_policy_statements = [
    {
      sid        = "AccountUseThroughS3"
      actions    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      principals = { type = "AWS", identifiers = ["arn:aws:iam::111111111111:root"] }
      conditions = [{ test = "StringLike", variable = "kms:ViaService", values = ["s3.*.amazonaws.com"] }]
    },
  ]

  lifecycle_rule = {
    id                                 = "archive-exports"
    transitions                        = [{ days = 30, storage_class = "STANDARD_IA" }]
    expiration_days                    = 365
    noncurrent_version_expiration_days = 30
  }
}

module "key" {
  source = "../../../kms-key"

  description       = "payments-api-production exports"
  policy_statements = local.key_policy_statements

  tags = local.tags
}

module "replica_key" {
  source = "../../../kms-key"

  region            = "us-west-2"
  description       = "payments-api-production exports replica"
  policy_statements = local.key_policy_statements

  tags = local.tags
}

module "replica" {
  source = "../../"

  name           = "payments-api-production-exports-111111111111-replica"
  region         = "us-west-2"
  kms_key_arn    = module.replica_key.key_arn
  lifecycle_rule = local.lifecycle_rule

  tags = local.tags
}

module "exports" {
  source = "../../"

  name           = "payments-api-production-exports-111111111111"
  kms_key_arn    = module.key.key_arn
  lifecycle_rule = local.lifecycle_rule

  policy_statements = [
    {
      sid         = "ReportingReadsExports"
      actions     = ["s3:GetObject"]
      principals  = [{ type = "AWS", identifiers = ["arn:aws:iam::111111111111:role/payments-api-reporting"] }]
      object_keys = ["exports/*"]
    },
  ]

  replication = {
    destination_bucket_arn  = module.replica.bucket_arn
    destination_kms_key_arn = module.replica_key.key_arn
    role_name               = "payments-api-production-exports-replication"
    storage_class           = "STANDARD_IA"
  }

  tags = local.tags
}

output "bucket_name" {
  description = "Name of the export bucket."
  value       = module.exports.bucket_name
}
