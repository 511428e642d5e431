# Buckets created before the secure-bucket module move into it instead of being replaced (a
# replaced state bucket would lose the state and its history). The replicas gain ownership
# controls (BucketOwnerEnforced, the S3 default) and the deletion guard; the replication role's
# policy is recreated as replicate-objects.

moved {
  from = aws_s3_bucket.state
  to   = module.state_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_public_access_block.state
  to   = module.state_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.state
  to   = module.state_bucket.aws_s3_bucket_ownership_controls.this[0]
}

moved {
  from = aws_s3_bucket_versioning.state
  to   = module.state_bucket.aws_s3_bucket_versioning.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.state
  to   = module.state_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.state
  to   = module.state_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_policy.state
  to   = module.state_bucket.aws_s3_bucket_policy.this
}

moved {
  from = aws_iam_role.replication[0]
  to   = module.state_bucket.aws_iam_role.replication[0]
}

moved {
  from = aws_iam_role_policy.replication[0]
  to   = module.state_bucket.aws_iam_role_policy.replication[0]
}

moved {
  from = aws_s3_bucket_replication_configuration.state[0]
  to   = module.state_bucket.aws_s3_bucket_replication_configuration.this[0]
}

moved {
  from = aws_s3_bucket.replica[0]
  to   = module.replica_bucket[0].aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_public_access_block.replica[0]
  to   = module.replica_bucket[0].aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_versioning.replica[0]
  to   = module.replica_bucket[0].aws_s3_bucket_versioning.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.replica[0]
  to   = module.replica_bucket[0].aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.replica[0]
  to   = module.replica_bucket[0].aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_policy.replica[0]
  to   = module.replica_bucket[0].aws_s3_bucket_policy.this
}

# Keys created before the kms-key module move into it instead of being replaced (a new key
# could not decrypt what the old one encrypted).

moved {
  from = aws_kms_key.this
  to   = module.kms.aws_kms_key.this
}

moved {
  from = aws_kms_alias.this
  to   = module.kms.aws_kms_alias.this[0]
}

moved {
  from = aws_kms_key.replica[0]
  to   = module.replica_kms[0].aws_kms_key.this
}
