# State history: moved blocks that keep existing objects at their new addresses.

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
