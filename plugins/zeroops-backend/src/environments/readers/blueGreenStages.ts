import { DescribeServiceDeploymentsCommand } from '@aws-sdk/client-ecs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ClientOf } from '../../aws/AwsClients';
import { chunk } from '../../lib/chunk';
import { ClusterServicesRecord } from '../records';

/** ECS limit of DescribeServiceDeployments per call. */
const DESCRIBE_SERVICE_DEPLOYMENTS_BATCH = 20;

/**
 * The lifecycle stage of an ECS native blue/green deployment is only in
 * DescribeServiceDeployments (20 per call); it is read only for services with a blue/green
 * rollout in progress and written onto their primary deployment. The stage is decoration: if
 * the call fails, the rest stands.
 */
export async function addBlueGreenStages(
  ecs: ClientOf<'ecs'>,
  cluster: string,
  record: ClusterServicesRecord,
  logger: LoggerService,
): Promise<void> {
  const inProgress = Object.values(record.services).filter(
    s =>
      s.strategy === 'BLUE_GREEN' &&
      s.currentServiceDeployment &&
      s.deployments.some(
        d => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS',
      ),
  );
  if (inProgress.length === 0) return;
  try {
    const arns = inProgress.map(s => s.currentServiceDeployment as string);
    const results = await Promise.all(
      chunk(arns, DESCRIBE_SERVICE_DEPLOYMENTS_BATCH).map(
        serviceDeploymentArns =>
          ecs.send(
            new DescribeServiceDeploymentsCommand({ serviceDeploymentArns }),
          ),
      ),
    );
    const stageByArn = new Map<string, string>();
    for (const deployment of results.flatMap(r => r.serviceDeployments ?? [])) {
      if (deployment.serviceDeploymentArn && deployment.lifecycleStage) {
        stageByArn.set(
          deployment.serviceDeploymentArn,
          deployment.lifecycleStage,
        );
      }
    }
    for (const service of inProgress) {
      const stage = stageByArn.get(service.currentServiceDeployment as string);
      const primary = service.deployments.find(d => d.status === 'PRIMARY');
      if (stage && primary) primary.blueGreenStage = stage;
    }
  } catch (error) {
    logger.debug(`DescribeServiceDeployments failed for ${cluster}: ${error}`);
  }
}
