import { ServiceTarget } from '../../catalog/serviceTargets';
import { PlatformEnvironment } from '../../config/ZeroOpsConfig';
import { annotationTenancyError } from '../annotationTenancy';

/**
 * The platform environments a catalog service lives in: all of them for a service named by
 * `zeroops.io/service-name`; for an `aws.amazon.com/ecs-service-arn`, the one environment of
 * its cluster (or an environment named after the cluster when none is configured), and none
 * when the ARN is outside the configured accounts and regions (see annotationTenancy).
 */
export function environmentsOfTarget(
  target: ServiceTarget,
  environments: PlatformEnvironment[],
): PlatformEnvironment[] {
  const arn = target.ecsServiceArn;
  if (!arn) return environments;
  if (annotationTenancyError(arn, environments)) return [];
  const configured = environments.find(
    env =>
      env.accountId === arn.accountId &&
      env.region === arn.region &&
      env.cluster === arn.cluster,
  );
  return [
    configured ?? {
      name: arn.cluster,
      kind: 'persistent',
      accountId: arn.accountId,
      region: arn.region,
      cluster: arn.cluster,
    },
  ];
}
