import { Flex, Text, VisuallyHidden } from '@backstage/ui';
import {
  Deployment,
  EntityEnvironment,
  RepositoryLinks,
} from '@zeroops/backstage-plugin-zeroops-common';
import { EnvironmentRow } from '../../lib/groupEnvironments';
import { formatAge, formatAgo, humanizeEnum } from '../../lib/format';
import {
  revisionOf,
  rollingOutDeployment,
  servingDeployment,
} from '../../lib/deployments';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { HealthBadge } from '../common/HealthBadge';
import { NoValue } from '../common/NoValue';
import { CommitLink } from '../common/CommitLink';
import { ExternalLink } from '../common/ExternalLink';
import { FirstDeploymentHint } from '../common/FirstDeploymentHint';
import { environmentHealthReasons } from '../common/environmentHealthReasons';
import { StatusText } from '../common/StatusText';
import { StillReadingBadge } from '../common/StillReadingBadge';

interface Item {
  id: string;
  row: EnvironmentRow;
}

export function EnvironmentsTable(props: {
  rows: EnvironmentRow[];
  links: RepositoryLinks | undefined;
}) {
  const { rows, links } = props;
  const now = Date.now();
  const columns: DataTableColumn<Item>[] = [
    {
      id: 'environment',
      label: 'Environment',
      isRowHeader: true,
      render: ({ row }) => (
        <EnvironmentName row={row} links={links} now={now} />
      ),
    },
    {
      id: 'health',
      label: 'Health',
      render: ({ row }) =>
        row.environment.pending ? (
          <StillReadingBadge subject={`${row.environment.name} health`} />
        ) : (
          <HealthBadge
            status={row.environment.health.status}
            reasons={environmentHealthReasons(row.environment)}
            subject={`${row.environment.name} health`}
          />
        ),
    },
    {
      id: 'tasks',
      label: 'Tasks',
      render: ({ row }) => <TaskCount environment={row.environment} />,
    },
    {
      id: 'deployed',
      label: 'Deployed',
      render: ({ row }) => (
        <DeployedCell environment={row.environment} links={links} now={now} />
      ),
    },
    {
      id: 'rollout',
      label: 'Rollout',
      render: ({ row }) => (
        <RolloutCell environment={row.environment} links={links} now={now} />
      ),
    },
  ];
  return (
    <DataTable
      label="Environments"
      columns={columns}
      items={rows.map(row => ({ id: row.environment.name, row }))}
    />
  );
}

function EnvironmentName(props: {
  row: EnvironmentRow;
  links: RepositoryLinks | undefined;
  now: number;
}) {
  const { environment, nested } = props.row;
  if (!nested) {
    return <Text weight="bold">{environment.name}</Text>;
  }
  const createdAt = environment.service?.createdAt;
  const pr = environment.pullRequest;
  return (
    <Flex
      direction="column"
      gap="0"
      style={{ paddingLeft: 'var(--bui-space-4)' }}
    >
      <Text>
        <span aria-hidden="true">↳ </span>
        {environment.name}
        <VisuallyHidden>, </VisuallyHidden>
      </Text>
      <Text variant="body-x-small" color="secondary">
        {pr !== undefined && props.links ? (
          <ExternalLink href={props.links.pullRequestUrl(pr)}>
            PR #{pr}
          </ExternalLink>
        ) : (
          `PR #${pr ?? '?'}`
        )}
        {createdAt ? ` · ${formatAge(createdAt, props.now)} old` : ''}
      </Text>
    </Flex>
  );
}

function TaskCount(props: { environment: EntityEnvironment }) {
  const service = props.environment.service;
  if (!service) return <NoValue />;
  const pending = service.pendingCount
    ? `, ${service.pendingCount} pending`
    : '';
  return (
    <Text
      aria-label={`${service.runningCount} running of ${service.desiredCount} desired tasks${pending}`}
    >
      {service.runningCount}/{service.desiredCount}
      {service.pendingCount ? ` (+${service.pendingCount})` : ''}
    </Text>
  );
}

function DeploymentSummary(props: {
  deployment: Deployment;
  links: RepositoryLinks | undefined;
  now: number;
}) {
  const { deployment, links, now } = props;
  return (
    <Flex direction="column" gap="0">
      <Text>
        <CommitLink deployment={deployment} links={links} />
      </Text>
      <Text variant="body-x-small" color="secondary">
        rev {deployment.taskDefinitionRevision} ·{' '}
        {formatAgo(deployment.startedAt, now)}
      </Text>
    </Flex>
  );
}

function DeployedCell(props: {
  environment: EntityEnvironment;
  links: RepositoryLinks | undefined;
  now: number;
}) {
  const { environment } = props;
  if (environment.pending) {
    return <Text color="secondary">Reading AWS…</Text>;
  }
  if (environment.error) {
    return (
      <Flex direction="column" gap="0" role="alert">
        <Text>
          <StatusText tone="negative">{environment.error.message}</StatusText>
        </Text>
        <Text variant="body-x-small" color="secondary">
          {environment.error.hint}
        </Text>
      </Flex>
    );
  }
  if (environment.health.status === 'not-deployed') {
    return (
      <FirstDeploymentHint
        environmentName={environment.name}
        links={props.links}
      />
    );
  }
  const serving = servingDeployment(environment.deployment);
  if (!serving) return <Text color="secondary">Nothing deployed</Text>;
  return (
    <DeploymentSummary
      deployment={serving}
      links={props.links}
      now={props.now}
    />
  );
}

function RolloutCell(props: {
  environment: EntityEnvironment;
  links: RepositoryLinks | undefined;
  now: number;
}) {
  const { environment, links, now } = props;
  const state = environment.deployment;
  const rolling = rollingOutDeployment(state);
  if (rolling) {
    return (
      <Flex direction="column" gap="0">
        <Text>
          Rolling out <CommitLink deployment={rolling} links={links} />
        </Text>
        <Text variant="body-x-small" color="secondary">
          {rolling.blueGreenStage
            ? `Blue/green stage: ${humanizeEnum(rolling.blueGreenStage)}`
            : `${humanizeEnum(rolling.strategy)} deployment`}{' '}
          · started {formatAgo(rolling.startedAt, now)}
        </Text>
      </Flex>
    );
  }
  const failed = state?.lastFailed;
  if (failed) {
    const rolledBack = /circuit breaker/i.test(failed.rolloutStateReason ?? '');
    return (
      <Flex direction="column" gap="0">
        <Text>
          <StatusText tone="warning">
            {rolledBack ? 'Rolled back' : 'Failed'}: {revisionOf(failed)}
          </StatusText>
        </Text>
        <Text variant="body-x-small" color="secondary">
          {failed.rolloutStateReason ?? 'No reason given by ECS'} ·{' '}
          {formatAgo(failed.startedAt, now)}
        </Text>
      </Flex>
    );
  }
  if (environment.error || environment.pending) {
    return <NoValue />;
  }
  return <Text color="secondary">No rollout</Text>;
}
