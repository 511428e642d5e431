import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ClientOf } from '../../aws/AwsClients';
import { TaskDefinitionRecord } from '../records';
import { toTaskDefinitionRecord } from './ecsMapping';

/** One task definition by ARN; a missing one is a `ResourceNotFoundException`. */
export async function describeTaskDefinition(
  ecs: ClientOf<'ecs'>,
  taskDefinitionArn: string,
): Promise<TaskDefinitionRecord> {
  const result = await ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }),
  );
  if (!result.taskDefinition) {
    throw Object.assign(new Error('No task definition returned'), {
      name: 'ResourceNotFoundException',
    });
  }
  return toTaskDefinitionRecord(result.taskDefinition);
}
