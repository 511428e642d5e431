# Earlier addresses of this module's resources: an apply moves them instead of replacing them.

# Keys created before the kms-key module move into it instead of being replaced (a new key
# could not decrypt what the old one encrypted).

moved {
  from = aws_kms_key.this[0]
  to   = module.kms[0].aws_kms_key.this
}

moved {
  from = aws_kms_alias.this[0]
  to   = module.kms[0].aws_kms_alias.this[0]
}

# The public, private and database subnets are instances of one resource, keyed
# "<tier>-<zone index>" (az_count is at most 3).

moved {
  from = aws_subnet.public[0]
  to   = aws_subnet.this["public-0"]
}

moved {
  from = aws_subnet.public[1]
  to   = aws_subnet.this["public-1"]
}

moved {
  from = aws_subnet.public[2]
  to   = aws_subnet.this["public-2"]
}

moved {
  from = aws_subnet.private[0]
  to   = aws_subnet.this["private-0"]
}

moved {
  from = aws_subnet.private[1]
  to   = aws_subnet.this["private-1"]
}

moved {
  from = aws_subnet.private[2]
  to   = aws_subnet.this["private-2"]
}

moved {
  from = aws_subnet.database[0]
  to   = aws_subnet.this["database-0"]
}

moved {
  from = aws_subnet.database[1]
  to   = aws_subnet.this["database-1"]
}

moved {
  from = aws_subnet.database[2]
  to   = aws_subnet.this["database-2"]
}
