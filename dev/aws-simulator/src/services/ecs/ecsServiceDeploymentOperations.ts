import type {
  DescribeServiceDeploymentsResponse,
  ListServiceDeploymentsResponse,
} from '@aws-sdk/client-ecs';
import { optionalInteger, requiredString, stringList } from '../params.ts';
import { regionalInstances } from '../regionalInstances.ts';
import type { RequestContext, RequestParams } from '../types.ts';
import {
  renderServiceDeployment,
  renderServiceDeploymentBrief,
} from './renderServiceDeployments.ts';
import {
  describeRequested,
  findService,
  listPage,
  requireCluster,
  serviceNotFound,
  servicesOf,
} from './ecsLookups.ts';

/** ListServiceDeployments and DescribeServiceDeployments. */

export function listServiceDeployments(
  params: RequestParams,
  context: RequestContext,
): ListServiceDeploymentsResponse {
  const service = requiredString(params, 'service');
  const cluster = requireCluster(context, params);
  const instance = findService(servicesOf(context, cluster), service);
  if (!instance) throw serviceNotFound();
  const statuses = stringList(params, 'status');
  const maxResults = optionalInteger(params, 'maxResults', 1, 100) ?? 20;
  const briefs = instance.deployments
    .filter(d => !statuses || statuses.includes(d.serviceDeploymentStatus))
    .sort((a, b) => a.createdAgoMs - b.createdAgoMs)
    .map(d => renderServiceDeploymentBrief(d, instance, context.now));
  const { page, nextToken } = listPage(briefs, params, maxResults);
  return { serviceDeployments: page, nextToken };
}

export function describeServiceDeployments(
  params: RequestParams,
  context: RequestContext,
): DescribeServiceDeploymentsResponse {
  const { described, failures } = describeRequested(
    params,
    context,
    { param: 'serviceDeploymentArns', max: 20 },
    arn => {
      for (const instance of regionalInstances(context)) {
        const d = instance.deployments.find(
          x => x.serviceDeploymentArn === arn,
        );
        if (d) return renderServiceDeployment(d, instance, context.now);
      }
      return undefined;
    },
  );
  return { serviceDeployments: described, failures };
}
