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

# The CPU, memory and Aurora alarms were one resource each before they became instances of
# aws_cloudwatch_metric_alarm.single_metric.
moved {
  from = aws_cloudwatch_metric_alarm.cpu_high
  to   = aws_cloudwatch_metric_alarm.single_metric["cpu-high"]
}

moved {
  from = aws_cloudwatch_metric_alarm.memory_high
  to   = aws_cloudwatch_metric_alarm.single_metric["memory-high"]
}

moved {
  from = aws_cloudwatch_metric_alarm.aurora_acu_high[0]
  to   = aws_cloudwatch_metric_alarm.single_metric["aurora-acu-high"]
}

moved {
  from = aws_cloudwatch_metric_alarm.aurora_connections_high[0]
  to   = aws_cloudwatch_metric_alarm.single_metric["aurora-connections-high"]
}

# The load balancer alarms were one resource each before they became instances of
# aws_cloudwatch_metric_alarm.load_balancer.
moved {
  from = aws_cloudwatch_metric_alarm.alb_5xx
  to   = aws_cloudwatch_metric_alarm.load_balancer["alb-5xx"]
}

moved {
  from = aws_cloudwatch_metric_alarm.p99_latency
  to   = aws_cloudwatch_metric_alarm.load_balancer["p99-latency"]
}

moved {
  from = aws_cloudwatch_metric_alarm.unhealthy_hosts
  to   = aws_cloudwatch_metric_alarm.load_balancer["unhealthy-hosts"]
}
