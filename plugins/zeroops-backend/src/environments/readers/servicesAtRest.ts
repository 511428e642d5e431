import { ClusterServicesRecord, EcsServiceRecord } from '../records';

/**
 * Whether every service of a DescribeServices batch is at rest: active, one completed
 * deployment, as many tasks running as desired, none pending or failing.
 *
 * A batch at rest is re-read less often (`zeroops.cache.restingTtl`, default four times
 * `cache.ttl`). What changes a service at rest is a deployment or a failure. A deployment is a
 * state we re-read every `cache.ttl` as soon as one read sees it, and what a failure does first
 * — an alarm firing — is read every `cache.ttl` for the whole account, whatever this batch's
 * age. So the cost is that a task count drifting without any alarm shows up to `restingTtl`
 * late, and the gain is that a large estate, mostly at rest, makes a quarter of the
 * DescribeServices calls (the bench's "AWS calls per TTL").
 *
 * A service ECS reports missing is not at rest: it is about to be created by a first deploy,
 * which its team is watching.
 */
export function servicesAtRest(record: ClusterServicesRecord): boolean {
  if (record.missing.length > 0) return false;
  return Object.values(record.services).every(serviceAtRest);
}

function serviceAtRest(service: EcsServiceRecord): boolean {
  const [only, ...others] = service.deployments;
  return (
    service.status === 'ACTIVE' &&
    service.pendingCount === 0 &&
    service.runningCount === service.desiredCount &&
    others.length === 0 &&
    only !== undefined &&
    (only.rolloutState === undefined || only.rolloutState === 'COMPLETED') &&
    only.failedTasks === 0
  );
}
