import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ClientOf } from '../../aws/AwsClients';
import { namingAction } from '../../aws/classifyAwsError';
import { chunk } from '../../lib/chunk';
import { ClusterServicesRecord } from '../records';
import { addBlueGreenStages } from './blueGreenStages';
import { arnResourceName, toServiceRecord } from './ecsMapping';

/** ECS limit of DescribeServices per call. */
export const DESCRIBE_SERVICES_BATCH = 10;

/**
 * DescribeServices for the given names, 10 per call, all calls in parallel; services ECS does
 * not know are listed as `missing`. Blue/green stages are added to rollouts in progress.
 */
export async function describeServices(
  ecs: ClientOf<'ecs'>,
  cluster: string,
  names: readonly string[],
  logger: LoggerService,
): Promise<ClusterServicesRecord> {
  const results = await Promise.all(
    chunk(names, DESCRIBE_SERVICES_BATCH).map(services =>
      // Also called after ListServices: a throttled describe must not be reported as the list.
      namingAction(
        'ecs:DescribeServices',
        ecs.send(new DescribeServicesCommand({ cluster, services })),
      ),
    ),
  );
  const record: ClusterServicesRecord = { services: {}, missing: [] };
  for (const result of results) {
    for (const service of result.services ?? []) {
      const mapped = toServiceRecord(service);
      record.services[mapped.serviceName] = mapped;
    }
    for (const failure of result.failures ?? []) {
      if (failure.arn) record.missing.push(arnResourceName(failure.arn));
    }
  }
  await addBlueGreenStages(ecs, cluster, record, logger);
  return record;
}
