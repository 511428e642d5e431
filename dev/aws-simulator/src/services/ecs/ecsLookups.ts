import { AwsError } from '../../protocols/AwsError.ts';
import type { ClusterModel, InstanceModel } from '../../scenario/world.ts';
import { decodePageToken } from '../pagination.ts';
import { optionalString, stringList } from '../params.ts';
import type { RequestContext, RequestParams } from '../types.ts';

/** Lookups and request checks shared by the ECS operations. */

function clusterNotFound(): AwsError {
  return new AwsError({
    code: 'ClusterNotFoundException',
    message: 'Cluster not found.',
  });
}

export function invalidParameter(message: string): AwsError {
  return new AwsError({ code: 'InvalidParameterException', message });
}

/** Cluster by name or ARN, in the caller's account and region. */
export function findCluster(
  context: RequestContext,
  clusterParam: string | undefined,
): ClusterModel | undefined {
  const wanted = clusterParam ?? 'default';
  return context.world.clusters.find(
    c =>
      c.account === context.account &&
      c.region === context.region &&
      (c.name === wanted || c.arn === wanted),
  );
}

export function requireCluster(
  context: RequestContext,
  params: RequestParams,
): ClusterModel {
  const cluster = findCluster(context, optionalString(params, 'cluster'));
  if (!cluster) throw clusterNotFound();
  return cluster;
}

export function servicesOf(
  context: RequestContext,
  cluster: ClusterModel,
): InstanceModel[] {
  return context.world.instances.filter(i => i.cluster === cluster);
}

export function includes(params: RequestParams, value: string): boolean {
  return (stringList(params, 'include') ?? []).includes(value);
}

/** Offset from a nextToken, rejecting tokens of other requests like ECS does. */
export function pageOffset(params: RequestParams, fingerprint: string): number {
  const token = optionalString(params, 'nextToken');
  if (token === undefined) return 0;
  const offset = decodePageToken(token, fingerprint);
  if (offset === undefined) {
    throw invalidParameter('Invalid nextToken.');
  }
  return offset;
}
