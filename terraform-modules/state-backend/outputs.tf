output "bucket_name" {
  description = "Name of the state bucket."
  value       = module.state_bucket.bucket_name
}

output "bucket_arn" {
  description = "ARN of the state bucket (for the github-oidc module's plan role)."
  value       = module.state_bucket.bucket_arn
}

output "kms_key_arn" {
  description = "KMS key encrypting the state."
  value       = module.kms.key_arn
}

output "backend_config" {
  description = "Settings of the S3 backend with native locking (use_lockfile, Terraform >= 1.10); add a key per root module. No DynamoDB table is involved."
  value = {
    bucket       = module.state_bucket.bucket_name
    region       = data.aws_region.current.region
    encrypt      = true
    kms_key_id   = module.kms.key_arn
    use_lockfile = true
  }
}

output "replica_bucket_name" {
  description = "Cross-region replica bucket, or null."
  value       = local.replicate ? module.replica_bucket[0].bucket_name : null
}
