import { ListServiceDeploymentsCommand } from '@aws-sdk/client-ecs';
import { AwsClients } from '../../aws/AwsClients';
import { DeliveryStore } from '../store/DeliveryStore';

const SERVICE_DEPLOYMENT_ARN =
  /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):service-deployment\/([^/]+)\/([^/]+)\/[^/]+$/;

/** ECS service deployment statuses that mean the rollout was rolled back. */
const ROLLBACK_STATUSES = [
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
] as const;

/** `circuit-breaker`, `alarm` or `rollback` (requested by hand or by something else). */
export function rollbackReasonOf(statusReason: string | undefined): string {
  if (!statusReason) return 'rollback';
  if (/circuit breaker/i.test(statusReason)) return 'circuit-breaker';
  if (/alarm/i.test(statusReason)) return 'alarm';
  return 'rollback';
}

/**
 * Joins AWS's view of rollbacks to the GitHub records: for each production ECS service with a
 * recent deployment carrying an ECS service deployment ARN, one `ListServiceDeployments`
 * (rollback statuses only) per run, and the matching records become `rolled_back`. The
 * account, region, cluster and service come from the ARN itself, so no catalog lookup is needed.
 */
export async function joinEcsRollbacks(options: {
  clients: AwsClients;
  store: DeliveryStore;
  productionEnvironment: string;
  since: Date;
}): Promise<{ services: number; rolledBack: number; errors: string[] }> {
  const arns = await options.store.ecsDeploymentArns(
    options.productionEnvironment,
    options.since,
  );
  const services = new Map<
    string,
    {
      region: string;
      account: string;
      cluster: string;
      service: string;
      arns: Set<string>;
    }
  >();
  for (const arn of arns) {
    const match = SERVICE_DEPLOYMENT_ARN.exec(arn);
    if (!match) continue;
    const [, region, account, cluster, service] = match;
    const key = `${account}/${region}/${cluster}/${service}`;
    const entry = services.get(key) ?? {
      region,
      account,
      cluster,
      service,
      arns: new Set<string>(),
    };
    entry.arns.add(arn);
    services.set(key, entry);
  }
  let rolledBack = 0;
  const errors: string[] = [];
  for (const [key, entry] of services) {
    try {
      const ecs = await options.clients.get('ecs', entry.account, entry.region);
      const answer = await ecs.send(
        new ListServiceDeploymentsCommand({
          cluster: entry.cluster,
          service: entry.service,
          status: [...ROLLBACK_STATUSES],
          createdAt: { after: options.since },
        }),
      );
      for (const brief of answer.serviceDeployments ?? []) {
        const arn = brief.serviceDeploymentArn;
        if (!arn || !entry.arns.has(arn)) continue;
        rolledBack += await options.store.markRolledBack(
          arn,
          rollbackReasonOf(brief.statusReason),
        );
      }
    } catch (error) {
      errors.push(`${key}: ${(error as Error).message}`);
    }
  }
  return { services: services.size, rolledBack, errors };
}
