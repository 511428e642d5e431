/** Cost-allocation tag keys carried by every resource (Terraform `default_tags`). @public */
export const COST_ALLOCATION_TAGS = {
  service: 'zeroops:service',
  environment: 'zeroops:environment',
} as const;

/** Name of the container that runs the service in every task definition. @public */
export const APP_CONTAINER_NAME = 'app';

/** Signals of the CloudWatch alarms the monitoring module creates per service and environment. @public */
export const ALARM_SIGNALS = [
  'alb-5xx',
  'p99-latency',
  'unhealthy-hosts',
  'cpu-high',
  'memory-high',
  'aurora-acu-high',
  'aurora-connections-high',
] as const;

/** A signal of {@link ALARM_SIGNALS}. @public */
export type AlarmSignal = (typeof ALARM_SIGNALS)[number];
