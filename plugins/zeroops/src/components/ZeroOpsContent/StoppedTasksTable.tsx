import { Flex, Text } from '@backstage/ui';
import { StoppedTask } from '@zeroops/backstage-plugin-zeroops-common';
import { formatAgo, formatTimestamp } from '../../lib/format';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { NoValue } from '../common/NoValue';

interface Item {
  id: string;
  task: StoppedTask;
}

const MAX_TASKS = 10;

/** Tasks ECS stopped recently, with their stop code, reason and container exit codes. */
export function StoppedTasksTable(props: {
  environment: string;
  tasks: StoppedTask[];
}) {
  const { environment, tasks } = props;
  const columns: DataTableColumn<Item>[] = [
    {
      id: 'task',
      label: 'Task',
      isRowHeader: true,
      render: ({ task }) => (
        <Flex direction="column" gap="0">
          <Text>
            <code title={task.taskArn}>{task.taskId.slice(0, 12)}</code>
          </Text>
          {task.taskDefinitionRevision !== undefined ? (
            <Text variant="body-x-small" color="secondary">
              rev {task.taskDefinitionRevision}
            </Text>
          ) : null}
        </Flex>
      ),
    },
    {
      id: 'stopped',
      label: 'Stopped',
      render: ({ task }) =>
        task.stoppedAt ? (
          <Text title={formatTimestamp(task.stoppedAt)}>
            {formatAgo(task.stoppedAt)}
          </Text>
        ) : (
          <NoValue />
        ),
    },
    {
      id: 'reason',
      label: 'Stop reason',
      render: ({ task }) => (
        <Flex direction="column" gap="0">
          <Text>{task.stoppedReason ?? 'No reason given'}</Text>
          {task.stopCode ? (
            <Text variant="body-x-small" color="secondary">
              {task.stopCode}
            </Text>
          ) : null}
        </Flex>
      ),
    },
    {
      id: 'containers',
      label: 'Containers',
      render: ({ task }) => (
        <Flex direction="column" gap="0">
          {task.containers.map(container => (
            <Text key={container.name} variant="body-small">
              {container.name}:{' '}
              {container.exitCode !== undefined
                ? `exit code ${container.exitCode}`
                : 'no exit code'}
              {container.reason ? ` — ${container.reason}` : ''}
            </Text>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <Flex direction="column" gap="1">
      <DataTable
        label={`Stopped tasks in ${environment}`}
        columns={columns}
        items={tasks
          .slice(0, MAX_TASKS)
          .map(task => ({ id: task.taskArn, task }))}
      />
      {tasks.length > MAX_TASKS ? (
        <Text variant="body-x-small" color="secondary">
          {tasks.length - MAX_TASKS} older stopped tasks are not shown.
        </Text>
      ) : null}
    </Flex>
  );
}
