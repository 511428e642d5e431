import { Flex, Text } from '@backstage/ui';
import {
  Deployment,
  DeploymentState,
  RepositoryLinks,
} from '@zeroops/backstage-plugin-zeroops-common';
import { deploymentRoles, revisionOf } from '../../lib/deployments';
import { formatAgo, formatTimestamp, humanizeEnum } from '../../lib/format';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { CommitLink } from '../common/CommitLink';
import { StatusText, StatusTone } from '../common/StatusText';

interface Item {
  id: string;
  role: string;
  deployment: Deployment;
}

const ROLE_HELP: Record<string, string> = {
  Primary: 'the newest deployment, serving or about to serve traffic',
  Active: 'still running tasks next to the primary',
  'Last failed': 'the most recent deployment that failed',
};

const ROLLOUT_TONES: Record<
  NonNullable<Deployment['rolloutState']>,
  StatusTone | undefined
> = {
  FAILED: 'negative',
  IN_PROGRESS: 'info',
  COMPLETED: undefined,
};

function RolloutState(props: { deployment: Deployment }) {
  const { deployment } = props;
  const state = deployment.rolloutState
    ? humanizeEnum(deployment.rolloutState)
    : 'unknown';
  const tone = deployment.rolloutState
    ? ROLLOUT_TONES[deployment.rolloutState]
    : undefined;
  const label = `${state}${
    deployment.blueGreenStage
      ? ` · blue/green stage ${humanizeEnum(deployment.blueGreenStage)}`
      : ''
  }`;
  return (
    <Flex direction="column" gap="0">
      <Text weight="bold">
        {tone ? <StatusText tone={tone}>{label}</StatusText> : label}
      </Text>
      {deployment.rolloutStateReason ? (
        <Text variant="body-x-small" color="secondary">
          {deployment.rolloutStateReason}
        </Text>
      ) : null}
    </Flex>
  );
}

/** Primary, active and last failed deployments of one environment. */
export function DeploymentsTable(props: {
  environment: string;
  state: DeploymentState;
  links: RepositoryLinks | undefined;
}) {
  const { environment, state, links } = props;
  const columns: DataTableColumn<Item>[] = [
    {
      id: 'role',
      label: 'Deployment',
      isRowHeader: true,
      render: item => (
        <Flex direction="column" gap="0">
          <Text weight="bold">{item.role}</Text>
          <Text variant="body-x-small" color="secondary">
            {ROLE_HELP[item.role]}
          </Text>
        </Flex>
      ),
    },
    {
      id: 'revision',
      label: 'Revision',
      render: item => (
        <Flex direction="column" gap="0">
          <Text>
            <code>{revisionOf(item.deployment)}</code>
          </Text>
          <Text variant="body-x-small" color="secondary">
            commit <CommitLink deployment={item.deployment} links={links} />
          </Text>
        </Flex>
      ),
    },
    {
      id: 'started',
      label: 'Started',
      render: item => (
        <Text title={formatTimestamp(item.deployment.startedAt)}>
          {formatAgo(item.deployment.startedAt)}
        </Text>
      ),
    },
    {
      id: 'rollout',
      label: 'Rollout',
      render: item => <RolloutState deployment={item.deployment} />,
    },
    {
      id: 'tasks',
      label: 'Tasks',
      render: ({ deployment }) => (
        <Text>
          {deployment.runningCount}/{deployment.desiredCount} running
          {deployment.pendingCount
            ? `, ${deployment.pendingCount} pending`
            : ''}
          {deployment.failedTasks ? `, ${deployment.failedTasks} failed` : ''}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      label={`Deployments in ${environment}`}
      columns={columns}
      items={deploymentRoles(state).map(({ role, deployment }) => ({
        id: `${role}:${deployment.id}`,
        role,
        deployment,
      }))}
    />
  );
}
