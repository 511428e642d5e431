# Earlier addresses of this module's resources: an apply moves them instead of replacing them.

# Keys created before the kms-key module move into it instead of being replaced (a new key
# could not decrypt what the old one encrypted).

moved {
  from = aws_kms_key.edge_logs
  to   = module.edge_logs_kms.aws_kms_key.this
}

moved {
  from = aws_kms_alias.edge_logs
  to   = module.edge_logs_kms.aws_kms_alias.this[0]
}

# The WAF and DNS query log groups are instances of one resource, keyed waf and dns_queries.
moved {
  from = aws_cloudwatch_log_group.waf
  to   = aws_cloudwatch_log_group.edge["waf"]
}

moved {
  from = aws_cloudwatch_log_group.dns_queries
  to   = aws_cloudwatch_log_group.edge["dns_queries"]
}
