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

# The policies were one resource each before they became target_tracking instances.
moved {
  from = aws_appautoscaling_policy.cpu
  to   = aws_appautoscaling_policy.target_tracking["cpu"]
}

moved {
  from = aws_appautoscaling_policy.memory
  to   = aws_appautoscaling_policy.target_tracking["memory"]
}

moved {
  from = aws_appautoscaling_policy.requests[0]
  to   = aws_appautoscaling_policy.target_tracking["requests"]
}

moved {
  from = aws_appautoscaling_policy.requests_green[0]
  to   = aws_appautoscaling_policy.target_tracking["requests-green"]
}

# The blue and green target groups were one resource each before they became instances of
# aws_lb_target_group.this keyed by colour (a new target group would drop its registered tasks).
moved {
  from = aws_lb_target_group.blue
  to   = aws_lb_target_group.this["blue"]
}

moved {
  from = aws_lb_target_group.green[0]
  to   = aws_lb_target_group.this["green"]
}
