import type {
  DescribeTargetHealthOutput,
  TargetHealthDescription,
  TargetHealthReasonEnum,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsError } from '../protocols/AwsError.ts';
import { objectList, requiredString } from './params.ts';
import { regionalInstances } from './regionalInstances.ts';
import { xmlServiceErrors } from './serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';

/**
 * Elastic Load Balancing v2 (awsQuery, version 2015-12-01): target health of the blue and
 * green target groups of load-balanced services; targets are the tasks' private IPs.
 */

function describeTargetHealth(
  params: RequestParams,
  context: RequestContext,
): DescribeTargetHealthOutput {
  const arn = requiredString(params, 'TargetGroupArn');
  for (const instance of regionalInstances(context)) {
    const group = instance.targetGroups.find(tg => tg.arn === arn);
    if (!group) continue;
    const wanted = objectList(params, 'Targets');
    const descriptions: TargetHealthDescription[] = instance.tasks
      .filter(
        task =>
          task.target?.color === group.color && task.lastStatus === 'RUNNING',
      )
      .filter(
        task =>
          !wanted ||
          wanted.some(
            t =>
              t.Id === task.privateIp &&
              (t.Port === undefined || Number(t.Port) === group.port),
          ),
      )
      .map(task => ({
        Target: {
          Id: task.privateIp,
          Port: group.port,
          AvailabilityZone: task.availabilityZone,
        },
        HealthCheckPort: String(group.port),
        TargetHealth: {
          State: task.target!.state,
          Reason: task.target!.reason as TargetHealthReasonEnum | undefined,
          Description: task.target!.description,
        },
      }));
    return { TargetHealthDescriptions: descriptions };
  }
  throw new AwsError({
    code: 'TargetGroupNotFound',
    message: 'One or more target groups not found',
  });
}

export const elbv2Service: ServiceDefinition = {
  signingName: 'elasticloadbalancing',
  displayName: 'Elastic Load Balancing',
  protocol: 'awsQuery',
  xmlNamespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  operations: { DescribeTargetHealth: describeTargetHealth },
  errors: xmlServiceErrors({
    accessDeniedMessage:
      'User is not authorized to perform: elasticloadbalancing:DescribeTargetHealth',
    validationCode: 'ValidationError',
  }),
};
