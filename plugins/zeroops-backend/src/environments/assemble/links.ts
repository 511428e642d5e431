import { EnvironmentLinks } from '@zeroops/backstage-plugin-zeroops-common';
import { TaskDefinitionRecord } from '../records';

/**
 * The CloudWatch console encodes the log group inside its URL fragment twice: first as a URI
 * component, then with `%` written as `$25`.
 */
function consoleFragmentEncode(value: string): string {
  return encodeURIComponent(value).replace(/%/g, '$25');
}

/**
 * Console link of the ECS service and, when the task definition logs with awslogs, a
 * CloudWatch Logs link to its log group (filtered on the stream prefix when it has one).
 */
export function buildEnvironmentLinks(options: {
  region: string;
  cluster: string;
  ecsServiceName: string;
  taskDefinition?: TaskDefinitionRecord;
}): EnvironmentLinks {
  const { region, cluster, ecsServiceName, taskDefinition } = options;
  const consoleHost = `https://${region}.console.aws.amazon.com`;
  const links: EnvironmentLinks = {
    console: `${consoleHost}/ecs/v2/clusters/${encodeURIComponent(
      cluster,
    )}/services/${encodeURIComponent(ecsServiceName)}/health?region=${region}`,
  };
  if (taskDefinition?.logDriver === 'awslogs' && taskDefinition.logGroup) {
    const logRegion = taskDefinition.logRegion ?? region;
    const group = consoleFragmentEncode(taskDefinition.logGroup);
    // `?` and `=` of the fragment are encoded once, values twice (as the console does).
    const streamFilter = taskDefinition.logStreamPrefix
      ? `/log-events$3FlogStreamNameFilter$3D${consoleFragmentEncode(
          `${taskDefinition.logStreamPrefix}/`,
        )}`
      : '';
    links.logGroup = taskDefinition.logGroup;
    links.logs = `https://${logRegion}.console.aws.amazon.com/cloudwatch/home?region=${logRegion}#logsV2:log-groups/log-group/${group}${streamFilter}`;
  }
  return links;
}
