output "alarm_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_names" {
  description = "Names of all alarms by signal; the backend plugin finds them by the <service>-<environment>- prefix."
  value = merge(
    { for suffix, alarm in aws_cloudwatch_metric_alarm.load_balancer : suffix => alarm.alarm_name },
    { for suffix, alarm in aws_cloudwatch_metric_alarm.single_metric : suffix => alarm.alarm_name },
  )
}

output "deployment_alarm_names" {
  description = "Alarms that should roll back a deployment (ecs-service deployment_alarm_names): 5xx rate, p99 latency and unhealthy hosts."
  value       = [for alarm in aws_cloudwatch_metric_alarm.load_balancer : alarm.alarm_name]
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the service (<service>-<environment>)."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}
