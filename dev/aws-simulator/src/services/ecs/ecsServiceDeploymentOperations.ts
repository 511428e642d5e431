import type {
  DescribeServiceDeploymentsResponse,
  Failure,
  ListServiceDeploymentsResponse,
} from '@aws-sdk/client-ecs';
import { AwsError } from '../../protocols/AwsError.ts';
import { paginate, requestFingerprint } from '../pagination.ts';
import {
  ParamError,
  optionalInteger,
  requiredString,
  stringList,
} from '../params.ts';
import type { RequestContext, RequestParams } from '../types.ts';
import {
  renderServiceDeployment,
  renderServiceDeploymentBrief,
} from './renderServiceDeployments.ts';
import {
  invalidParameter,
  requireCluster,
  servicesOf,
  pageOffset,
} from './ecsLookups.ts';

/** ListServiceDeployments and DescribeServiceDeployments. */

export function listServiceDeployments(
  params: RequestParams,
  context: RequestContext,
): ListServiceDeploymentsResponse {
  const service = requiredString(params, 'service');
  const cluster = requireCluster(context, params);
  const instance = servicesOf(context, cluster).find(
    i => i.ecsServiceName === service || i.serviceArn === service,
  );
  if (!instance) {
    throw new AwsError({
      code: 'ServiceNotFoundException',
      message: 'Service not found.',
    });
  }
  const statuses = stringList(params, 'status');
  const maxResults = optionalInteger(params, 'maxResults', 1, 100) ?? 20;
  const briefs = instance.deployments
    .filter(d => !statuses || statuses.includes(d.serviceDeploymentStatus))
    .sort((a, b) => a.createdAgoMs - b.createdAgoMs)
    .map(d => renderServiceDeploymentBrief(d, instance, context.now));
  const fingerprint = requestFingerprint(params, 'nextToken');
  const { page, nextToken } = paginate(
    briefs,
    pageOffset(params, fingerprint),
    maxResults,
    fingerprint,
  );
  return { serviceDeployments: page, nextToken };
}

export function describeServiceDeployments(
  params: RequestParams,
  context: RequestContext,
): DescribeServiceDeploymentsResponse {
  const arns = stringList(params, 'serviceDeploymentArns');
  if (!arns || arns.length === 0) {
    throw new ParamError('serviceDeploymentArns is required');
  }
  if (arns.length > 20) {
    throw invalidParameter('serviceDeploymentArns can have at most 20 items.');
  }
  const serviceDeployments = [];
  const failures: Failure[] = [];
  for (const arn of arns) {
    let found;
    for (const instance of context.world.instances) {
      if (
        instance.account !== context.account ||
        instance.region !== context.region
      ) {
        continue;
      }
      const d = instance.deployments.find(x => x.serviceDeploymentArn === arn);
      if (d) {
        found = renderServiceDeployment(d, instance, context.now);
        break;
      }
    }
    if (found) serviceDeployments.push(found);
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}
