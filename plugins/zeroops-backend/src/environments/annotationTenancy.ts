import {
  AWS_ECS_SERVICE_ARN_ANNOTATION,
  EnvironmentError,
} from '@zeroops/backstage-plugin-zeroops-common';
import { EcsServiceArn } from '../catalog/serviceTargets';
import { PlatformEnvironment } from '../config/ZeroOpsConfig';

/**
 * An ECS service ARN annotation is honoured only inside the accounts and regions of
 * `zeroops.environments`. Anyone who can register a catalog entity writes annotations; without
 * this check an entity could make the backend assume its role in any account it can reach and
 * show the result (or the backend's own principal in the error) to every reader.
 *
 * Returns the per-environment error for an ARN outside the configured estate, else undefined.
 */
export function annotationTenancyError(
  arn: EcsServiceArn,
  environments: readonly PlatformEnvironment[],
): EnvironmentError | undefined {
  const allowed = environments.some(
    env => env.accountId === arn.accountId && env.region === arn.region,
  );
  if (allowed) return undefined;
  const configured = [
    ...new Set(environments.map(env => `${env.accountId} (${env.region})`)),
  ].join(', ');
  return {
    code: 'configuration',
    source: 'ecs',
    message: `The ${AWS_ECS_SERVICE_ARN_ANNOTATION} annotation names account ${arn.accountId} in ${arn.region}, which is not an account and region of a configured ZeroOps environment; it was not read. Configured: ${configured}.`,
    hint: `Point the ${AWS_ECS_SERVICE_ARN_ANNOTATION} annotation at a service in a configured account and region, or ask the platform team to add that environment to zeroops.environments.`,
  };
}
