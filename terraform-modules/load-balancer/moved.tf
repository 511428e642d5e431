# The access log bucket created before the secure-bucket module moves into it instead of being
# replaced (the logs in it would be lost).

moved {
  from = aws_s3_bucket.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_public_access_block.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_ownership_controls.this[0]
}

moved {
  from = aws_s3_bucket_versioning.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_versioning.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_policy.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_policy.this
}

# The public listeners' security groups and their CloudFront rules, and the two HTTPS listeners,
# became instances of one resource each: their objects move to the instance keys instead of
# being replaced (a new security group or listener would drop the rules that point at it).

moved {
  from = aws_security_group.https
  to   = aws_security_group.public["https"]
}

moved {
  from = aws_security_group.http
  to   = aws_security_group.public["http"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.https_from_cloudfront
  to   = aws_vpc_security_group_ingress_rule.from_cloudfront["https"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.http_from_cloudfront
  to   = aws_vpc_security_group_ingress_rule.from_cloudfront["http"]
}

moved {
  from = aws_lb_listener.https
  to   = aws_lb_listener.https["production"]
}

moved {
  from = aws_lb_listener.test
  to   = aws_lb_listener.https["test"]
}
