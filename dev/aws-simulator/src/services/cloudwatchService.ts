import type {
  DescribeAlarmsOutput,
  MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../protocols/AwsError.ts';
import type { AlarmModel } from '../scenario/world.ts';
import { at } from './ecs/renderEcs.ts';
import { pageOf } from './pagination.ts';
import {
  ParamError,
  optionalInteger,
  optionalString,
  stringList,
} from './params.ts';
import { regionalInstances } from './regionalInstances.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';

/**
 * Amazon CloudWatch DescribeAlarms. Current SDKs call CloudWatch with awsJson1_0 in
 * awsQuery-compatible mode (`x-amzn-query-mode`), so errors also carry the awsQuery code in
 * `x-amzn-query-error`.
 */

function renderAlarm(alarm: AlarmModel, now: Date): MetricAlarm {
  return {
    AlarmName: alarm.name,
    AlarmArn: alarm.arn,
    AlarmDescription: alarm.description,
    AlarmConfigurationUpdatedTimestamp: at(
      now,
      alarm.configurationUpdatedAgoMs,
    ),
    ActionsEnabled: true,
    OKActions: alarm.okActions,
    AlarmActions: alarm.alarmActions,
    InsufficientDataActions: [],
    StateValue: alarm.state,
    StateReason: alarm.stateReason,
    StateReasonData: alarm.stateReasonData,
    StateUpdatedTimestamp: at(now, alarm.stateUpdatedAgoMs),
    StateTransitionedTimestamp: at(now, alarm.stateUpdatedAgoMs),
    MetricName: alarm.metricName,
    Namespace: alarm.namespace,
    Statistic: alarm.statistic,
    ExtendedStatistic: alarm.extendedStatistic,
    Dimensions: alarm.dimensions,
    Period: alarm.period,
    Unit: alarm.unit as MetricAlarm['Unit'],
    EvaluationPeriods: alarm.evaluationPeriods,
    DatapointsToAlarm: alarm.datapointsToAlarm,
    Threshold: alarm.threshold,
    ComparisonOperator: alarm.comparisonOperator,
    TreatMissingData: alarm.treatMissingData,
  };
}

function describeAlarms(
  params: RequestParams,
  context: RequestContext,
): DescribeAlarmsOutput {
  const names = stringList(params, 'AlarmNames');
  const prefix = optionalString(params, 'AlarmNamePrefix');
  const state = optionalString(params, 'StateValue');
  const types = stringList(params, 'AlarmTypes');
  const actionPrefix = optionalString(params, 'ActionPrefix');
  const maxRecords = optionalInteger(params, 'MaxRecords', 1, 100) ?? 50;
  if (names && names.length > 100) {
    throw new ParamError('AlarmNames can have at most 100 items');
  }
  if (names && prefix !== undefined) {
    throw new AwsError({
      code: 'InvalidParameterCombinationException',
      queryCode: 'InvalidParameterCombination',
      message: 'AlarmNames and AlarmNamePrefix cannot be used together',
    });
  }
  if (
    state !== undefined &&
    !['OK', 'ALARM', 'INSUFFICIENT_DATA'].includes(state)
  ) {
    throw new ParamError('StateValue must be OK, ALARM or INSUFFICIENT_DATA');
  }
  const wantMetricAlarms = !types || types.includes('MetricAlarm');
  const alarms = regionalInstances(context)
    .flatMap(i => i.alarms)
    .filter(
      a =>
        wantMetricAlarms &&
        (!names || names.includes(a.name)) &&
        (prefix === undefined || a.name.startsWith(prefix)) &&
        (state === undefined || a.state === state) &&
        (actionPrefix === undefined ||
          a.alarmActions.some(action => action.startsWith(actionPrefix))),
    )
    // CloudWatch lists alarms in code point order of their names.
    .sort((a, b) => Number(a.name > b.name) - Number(a.name < b.name));

  const { page, nextToken } = pageOf(alarms, {
    params,
    tokenParam: 'NextToken',
    pageSize: maxRecords,
    invalidToken: () =>
      new AwsError({
        code: 'InvalidNextToken',
        queryCode: 'InvalidNextToken',
        message:
          'The service returned an error with Error Code InvalidNextToken',
      }),
  });
  return {
    MetricAlarms: page.map(alarm => renderAlarm(alarm, context.now)),
    CompositeAlarms: [],
    NextToken: nextToken,
  };
}

export const cloudwatchService: ServiceDefinition = {
  signingName: 'monitoring',
  displayName: 'Amazon CloudWatch',
  protocol: 'awsJson1_0',
  targetPrefix: 'GraniteServiceVersion20100801',
  queryCompatible: true,
  operations: { DescribeAlarms: describeAlarms },
  errors: {
    throttling: {
      code: 'ThrottlingException',
      queryCode: 'Throttling',
      status: 400,
      message: 'Rate exceeded',
    },
    accessDenied: {
      code: 'AccessDeniedException',
      queryCode: 'AccessDenied',
      status: 400,
      message: 'User is not authorized to perform: cloudwatch:DescribeAlarms',
    },
    internal: {
      code: 'InternalServiceFault',
      queryCode: 'InternalServiceError',
      status: 500,
      message: 'Internal service error',
    },
    unavailable: {
      code: 'ServiceUnavailable',
      queryCode: 'ServiceUnavailable',
      status: 503,
      message: 'Service is unavailable',
    },
    validation: {
      code: 'InvalidParameterValueException',
      queryCode: 'InvalidParameterValue',
      status: 400,
      message: '',
    },
  },
};
