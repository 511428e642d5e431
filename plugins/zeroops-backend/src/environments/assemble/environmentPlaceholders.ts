import {
  EntityEnvironment,
  EnvironmentError,
  unknownHealth,
} from '@zeroops/backstage-plugin-zeroops-common';
import { EcsServiceArn } from '../../catalog/serviceTargets';
import { PlatformEnvironment } from '../../config/ZeroOpsConfig';
import { ClusterLocation } from '../records';
import { buildEnvironmentLinks } from './links';

/**
 * Environments without AWS data: where AWS failed, where the annotation points outside the
 * configured estate, and where AWS has not answered within the request deadline. Each says
 * where the data would come from (location, console link), so the user can look themselves.
 */

export function locationOf(env: PlatformEnvironment): ClusterLocation {
  return { accountId: env.accountId, region: env.region, cluster: env.cluster };
}

function withoutData(
  env: PlatformEnvironment,
  instance: string,
  serviceName: string,
): Omit<EntityEnvironment, 'health' | 'fetchedAt'> {
  const ecsServiceName =
    env.kind === 'ephemeral' ? `${serviceName}-pr-*` : serviceName;
  return {
    name: instance,
    platformEnvironment: env.name,
    kind: env.kind,
    location: { ...locationOf(env), ecsServiceName },
    events: [],
    stoppedTasks: [],
    alarms: [],
    dataStores: [],
    links: buildEnvironmentLinks({
      region: env.region,
      cluster: env.cluster,
      ecsServiceName: serviceName,
    }),
    partialErrors: [],
  };
}

/** AWS could not be read for the environment. */
export function failedEnvironment(
  env: PlatformEnvironment,
  instance: string,
  serviceName: string,
  error: EnvironmentError,
  fetchedAt: string,
): EntityEnvironment {
  return {
    ...withoutData(env, instance, serviceName),
    health: unknownHealth(error.message),
    error,
    fetchedAt,
  };
}

/** What a user reads while an environment is pending. */
export const STILL_READING_MESSAGE =
  'AWS has not answered yet; still reading (this environment refreshes in a moment)';

/** AWS has not answered for the environment within the request deadline. */
export function pendingEnvironment(
  env: PlatformEnvironment,
  serviceName: string,
): EntityEnvironment {
  return {
    ...withoutData(env, env.name, serviceName),
    health: unknownHealth(STILL_READING_MESSAGE),
    pending: true,
    fetchedAt: new Date().toISOString(),
  };
}

/** An annotation outside the configured estate: its error, without any AWS call. */
export function rejectedEnvironment(
  arn: EcsServiceArn,
  error: EnvironmentError,
): EntityEnvironment {
  const location = {
    accountId: arn.accountId,
    region: arn.region,
    cluster: arn.cluster,
  };
  return {
    name: arn.cluster,
    platformEnvironment: arn.cluster,
    kind: 'persistent',
    location: { ...location, ecsServiceName: arn.serviceName },
    health: unknownHealth(error.message),
    events: [],
    stoppedTasks: [],
    alarms: [],
    dataStores: [],
    links: buildEnvironmentLinks({
      region: arn.region,
      cluster: arn.cluster,
      ecsServiceName: arn.serviceName,
    }),
    error,
    partialErrors: [],
    fetchedAt: new Date().toISOString(),
  };
}
