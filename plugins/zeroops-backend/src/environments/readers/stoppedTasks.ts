import { DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { ClientOf } from '../../aws/AwsClients';
import { namingAction } from '../../aws/classifyAwsError';
import { chunk } from '../../lib/chunk';
import { StoppedTaskRecord } from '../records';
import { toStoppedTaskRecord } from './ecsMapping';

/** ECS limit of DescribeTasks per call. */
const DESCRIBE_TASKS_BATCH = 100;
/** Stopped tasks are listed cluster-wide; more than this many pages means a crash loop. */
const STOPPED_TASK_PAGES = 3;

/** Stopped tasks of the whole cluster, newest first (ECS keeps them about an hour). */
export async function readStoppedTasks(
  ecs: ClientOf<'ecs'>,
  cluster: string,
): Promise<StoppedTaskRecord[]> {
  const taskArns: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < STOPPED_TASK_PAGES; page++) {
    const result = await ecs.send(
      new ListTasksCommand({
        cluster,
        desiredStatus: 'STOPPED',
        maxResults: 100,
        nextToken,
      }),
    );
    taskArns.push(...(result.taskArns ?? []));
    nextToken = result.nextToken;
    if (!nextToken) break;
  }
  const described = await Promise.all(
    chunk(taskArns, DESCRIBE_TASKS_BATCH).map(tasks =>
      namingAction(
        'ecs:DescribeTasks',
        ecs.send(new DescribeTasksCommand({ cluster, tasks })),
      ),
    ),
  );
  return described
    .flatMap(result => result.tasks ?? [])
    .map(toStoppedTaskRecord)
    .sort((a, b) => (b.stoppedAt ?? '').localeCompare(a.stoppedAt ?? ''));
}
