import { createHash } from 'node:crypto';
import { chunk } from '../../lib/chunk';
import { ServiceTarget } from '../../catalog/serviceTargets';
import { PlatformEnvironment } from '../../config/ZeroOpsConfig';
import { locationOf } from '../assemble/environmentPlaceholders';
import { DESCRIBE_SERVICES_BATCH } from '../readers/ecsServices';
import { ClusterLocation } from '../records';

/** Ten services of one cluster's roster that are described together, and their cache key. */
export interface RosterBatch {
  names: string[];
  key: string;
}

/** Per cluster key: service name → the batch it is described in. */
export type RosterBatches = Map<string, Map<string, RosterBatch>>;

export function clusterKey(location: ClusterLocation): string {
  return `${location.accountId}:${location.region}:${location.cluster}`;
}

/**
 * The catalog roster cut into DescribeServices batches of 10 per cluster, sorted by name so
 * that every backend instance forms the same batches (and shares their cache entries).
 */
export function buildRosterBatches(
  targets: ServiceTarget[],
  environmentsFor: (target: ServiceTarget) => PlatformEnvironment[],
): RosterBatches {
  const namesByCluster = new Map<string, Set<string>>();
  for (const target of targets) {
    for (const env of environmentsFor(target)) {
      if (env.kind === 'ephemeral' && !target.ecsServiceArn) continue;
      const key = clusterKey(locationOf(env));
      const names = namesByCluster.get(key) ?? new Set<string>();
      names.add(target.ecsServiceArn?.serviceName ?? target.serviceName);
      namesByCluster.set(key, names);
    }
  }
  const result: RosterBatches = new Map();
  for (const [cluster, nameSet] of namesByCluster) {
    const byName = new Map<string, RosterBatch>();
    for (const batchNames of chunk(
      [...nameSet].sort(),
      DESCRIBE_SERVICES_BATCH,
    )) {
      // Named by its members, so a changed roster never reuses a batch it no longer has.
      const batch = {
        names: batchNames,
        key: `roster:${createHash('sha256')
          .update(batchNames.join('\n'))
          .digest('hex')
          .slice(0, 16)}`,
      };
      for (const name of batchNames) byName.set(name, batch);
    }
    result.set(cluster, byName);
  }
  return result;
}
