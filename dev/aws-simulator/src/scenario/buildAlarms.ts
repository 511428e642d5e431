import { unitHash } from '@zeroops/simulator-kit';
import { MS_PER_DAY, MS_PER_MINUTE } from '../time.ts';
import type { AlarmStateValue } from './types.ts';
import type { AlarmModel, TargetGroupModel } from './world.ts';

/**
 * The CloudWatch alarms the ZeroOps monitoring module creates for an environment instance,
 * named `<service>-<env>-<signal>`, with the state the scenario asks for.
 */

interface SignalDefinition {
  signal: string;
  description: string;
  namespace: string;
  metricName: string;
  statistic?: 'Average' | 'Sum' | 'Maximum';
  extendedStatistic?: string;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold';
  unit?: string;
  applies: (i: AlarmInput) => boolean;
  dimensions: (i: AlarmInput) => { Name: string; Value: string }[];
}

export interface AlarmInput {
  seed: number;
  key: string;
  serviceName: string;
  instanceName: string;
  platformEnvironment: string;
  account: string;
  region: string;
  clusterName: string;
  ecsServiceName: string;
  loadBalanced: boolean;
  database: boolean;
  loadBalancerArn?: string;
  targetGroups: TargetGroupModel[];
  states: Record<string, AlarmStateValue>;
  /** Age of the instance: no alarm changed before it existed. */
  createdAgoMs: number;
}

function lbDimensions(i: AlarmInput) {
  const lb = i.loadBalancerArn?.split(':loadbalancer/')[1] ?? '';
  const tg = i.targetGroups.find(t => t.color === 'b');
  return [
    { Name: 'LoadBalancer', Value: lb },
    { Name: 'TargetGroup', Value: tg?.arn.split(':').pop() ?? '' },
  ];
}

function ecsDimensions(i: AlarmInput) {
  return [
    { Name: 'ClusterName', Value: i.clusterName },
    { Name: 'ServiceName', Value: i.ecsServiceName },
  ];
}

const SIGNALS: SignalDefinition[] = [
  {
    signal: 'alb-5xx',
    description: 'Targets answer 5xx errors',
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_Target_5XX_Count',
    statistic: 'Sum',
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    threshold: 10,
    comparisonOperator: 'GreaterThanThreshold',
    unit: 'Count',
    applies: i => i.loadBalanced,
    dimensions: lbDimensions,
  },
  {
    signal: 'p99-latency',
    description: 'p99 target response time above 1.5 s',
    namespace: 'AWS/ApplicationELB',
    metricName: 'TargetResponseTime',
    extendedStatistic: 'p99',
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    threshold: 1.5,
    comparisonOperator: 'GreaterThanThreshold',
    unit: 'Seconds',
    applies: i => i.loadBalanced,
    dimensions: lbDimensions,
  },
  {
    signal: 'unhealthy-hosts',
    description: 'At least one target fails ALB health checks',
    namespace: 'AWS/ApplicationELB',
    metricName: 'UnHealthyHostCount',
    statistic: 'Maximum',
    period: 60,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    unit: 'Count',
    applies: i => i.loadBalanced,
    dimensions: lbDimensions,
  },
  {
    signal: 'cpu-high',
    description: 'Average service CPU above 80 %',
    namespace: 'AWS/ECS',
    metricName: 'CPUUtilization',
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 80,
    comparisonOperator: 'GreaterThanThreshold',
    unit: 'Percent',
    applies: () => true,
    dimensions: ecsDimensions,
  },
  {
    signal: 'memory-high',
    description: 'Average service memory above 85 %',
    namespace: 'AWS/ECS',
    metricName: 'MemoryUtilization',
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 85,
    comparisonOperator: 'GreaterThanThreshold',
    unit: 'Percent',
    applies: () => true,
    dimensions: ecsDimensions,
  },
  {
    signal: 'aurora-acu-high',
    description: 'Aurora Serverless v2 capacity above 90 % of its maximum ACU',
    namespace: 'AWS/RDS',
    metricName: 'ACUUtilization',
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 90,
    comparisonOperator: 'GreaterThanThreshold',
    unit: 'Percent',
    applies: i => i.database,
    dimensions: i => [
      {
        Name: 'DBClusterIdentifier',
        Value: `${i.serviceName}-${i.instanceName}`,
      },
    ],
  },
  {
    signal: 'aurora-connections-high',
    description: 'Aurora connections above 400',
    namespace: 'AWS/RDS',
    metricName: 'DatabaseConnections',
    statistic: 'Maximum',
    period: 300,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 400,
    comparisonOperator: 'GreaterThanThreshold',
    unit: 'Count',
    applies: i => i.database,
    dimensions: i => [
      {
        Name: 'DBClusterIdentifier',
        Value: `${i.serviceName}-${i.instanceName}`,
      },
    ],
  },
];

/** Signals the monitoring module knows about, in the order alarms are created. */
export const ALARM_SIGNALS = SIGNALS.map(s => s.signal);

function datapoints(
  key: string,
  threshold: number,
  count: number,
  breaching: boolean,
): number[] {
  const base = threshold === 0 ? 1 : threshold;
  return Array.from({ length: count }, (_, i) => {
    const u = unitHash(`${key}/dp/${i}`);
    const value = breaching
      ? threshold + base * (0.2 + u * 0.8)
      : Math.max(0, threshold - base * (0.3 + u * 0.6));
    return Math.round(value * 1000) / 1000;
  });
}

function describeState(
  state: AlarmStateValue,
  def: SignalDefinition,
  points: number[],
): string {
  const values = points.join(', ');
  switch (state) {
    case 'ALARM':
      return `Threshold Crossed: ${def.datapointsToAlarm} out of the last ${def.evaluationPeriods} datapoints [${values}] were greater than the threshold (${def.threshold}) (minimum ${def.datapointsToAlarm} datapoints for OK -> ALARM transition).`;
    case 'OK':
      return `Threshold Crossed: ${def.datapointsToAlarm} datapoints [${values}] were not greater than the threshold (${def.threshold}).`;
    default:
      return 'Insufficient Data: 1 datapoint was unknown.';
  }
}

export function buildAlarms(input: AlarmInput): AlarmModel[] {
  const unknownSignals = Object.keys(input.states).filter(
    s => !ALARM_SIGNALS.includes(s),
  );
  if (unknownSignals.length > 0) {
    throw new Error(
      `Unknown alarm signal(s) ${unknownSignals.join(', ')} for ${
        input.key
      }; known: ${ALARM_SIGNALS.join(', ')}`,
    );
  }
  return SIGNALS.filter(s => s.applies(input)).map(def => {
    const name = `${input.serviceName}-${input.instanceName}-${def.signal}`;
    const key = `${input.seed}/${input.key}/alarm/${def.signal}`;
    const state = input.states[def.signal] ?? 'OK';
    const points = datapoints(
      key,
      def.threshold,
      def.datapointsToAlarm,
      state === 'ALARM',
    );
    const stat = def.extendedStatistic ?? def.statistic ?? 'Average';
    const stateReason = describeState(state, def, points);
    const topic = `arn:aws:sns:${input.region}:${input.account}:zeroops-${input.platformEnvironment}-alarms`;
    return {
      name,
      arn: `arn:aws:cloudwatch:${input.region}:${input.account}:alarm:${name}`,
      signal: def.signal,
      description: `${def.description} for ${input.serviceName} in ${input.instanceName}`,
      state,
      stateReason,
      stateReasonData: JSON.stringify({
        version: '1.0',
        statistic: stat,
        period: def.period,
        recentDatapoints: points,
        threshold: def.threshold,
      }),
      stateUpdatedAgoMs: Math.min(
        input.createdAgoMs - MS_PER_MINUTE,
        state === 'ALARM'
          ? (14 + Math.floor(unitHash(`${key}/since`) * 10)) * MS_PER_MINUTE
          : (1 + unitHash(`${key}/since`) * 20) * MS_PER_DAY,
      ),
      configurationUpdatedAgoMs: Math.min(
        input.createdAgoMs - MS_PER_MINUTE,
        (20 + unitHash(`${key}/config`) * 60) * MS_PER_DAY,
      ),
      namespace: def.namespace,
      metricName: def.metricName,
      statistic: def.statistic,
      extendedStatistic: def.extendedStatistic,
      dimensions: def.dimensions(input),
      period: def.period,
      evaluationPeriods: def.evaluationPeriods,
      datapointsToAlarm: def.datapointsToAlarm,
      threshold: def.threshold,
      comparisonOperator: def.comparisonOperator,
      treatMissingData: 'notBreaching',
      alarmActions: [topic],
      okActions: [topic],
      unit: def.unit,
    };
  });
}
