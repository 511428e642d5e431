import { Flex, Text } from '@backstage/ui';
import {
  DeliveryDeployment,
  DeliveryEnvironment,
} from '@zeroops/backstage-plugin-zeroops-common';
import { shortSha } from '../../lib/format';
import { failureLabel } from '../../lib/deliveryLabels';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { ExternalLink } from '../common/ExternalLink';
import { NoValue } from '../common/NoValue';
import { StatusText } from '../common/StatusText';
import { TimeAgo } from '../common/TimeAgo';
import { ShaLink } from './ShaLink';

interface Item {
  id: string;
  environment: DeliveryEnvironment;
}

function Deployed(props: { deployment: DeliveryDeployment }) {
  const { deployment } = props;
  const at = deployment.finishedAt ?? deployment.createdAt;
  return (
    <Text variant="body-small">
      <TimeAgo at={at} />
      {deployment.creator ? <> by {deployment.creator}</> : null}
    </Text>
  );
}

function RunLink(props: { deployment: DeliveryDeployment | undefined }) {
  const { deployment } = props;
  if (!deployment?.workflowRunUrl) return <NoValue />;
  return (
    <ExternalLink href={deployment.workflowRunUrl}>
      Run {deployment.workflowRunId ?? ''}
    </ExternalLink>
  );
}

/** What is moving in an environment: a rollout, a wait for approval, a failure newer than what runs. */
function Activity(props: {
  environment: DeliveryEnvironment;
  repositoryUrl: string;
}) {
  const { environment, repositoryUrl } = props;
  const lines = [];
  if (environment.inProgress) {
    const rollout = environment.inProgress;
    lines.push(
      <Text key="rollout" variant="body-small">
        <StatusText tone="info">Rolling out</StatusText>{' '}
        <ShaLink repositoryUrl={repositoryUrl} sha={rollout.sha} /> since{' '}
        <TimeAgo at={rollout.createdAt} />
        {rollout.workflowRunUrl ? (
          <>
            {' '}
            (<ExternalLink href={rollout.workflowRunUrl}>run</ExternalLink>)
          </>
        ) : null}
      </Text>,
    );
  }
  for (const approval of environment.pendingApprovals) {
    lines.push(
      <Text key={`approval:${approval.workflowRunId}`} variant="body-small">
        <StatusText tone="warning">Waiting for approval</StatusText>{' '}
        <code>{shortSha(approval.sha)}</code>
      </Text>,
    );
  }
  if (environment.lastFailure) {
    lines.push(
      <Text key="failure" variant="body-small">
        <StatusText tone="negative">
          {failureLabel(environment.lastFailure)}
        </StatusText>{' '}
        <ShaLink
          repositoryUrl={repositoryUrl}
          sha={environment.lastFailure.sha}
        />
      </Text>,
    );
  }
  if (lines.length === 0) return <NoValue />;
  return (
    <Flex direction="column" gap="1">
      {lines}
    </Flex>
  );
}

/** One row per environment: the commit it runs, when and by whom, the run, what is moving. */
export function DeliveryEnvironmentsTable(props: {
  environments: DeliveryEnvironment[];
  repositoryUrl: string;
}) {
  const { environments, repositoryUrl } = props;
  const columns: DataTableColumn<Item>[] = [
    {
      id: 'environment',
      label: 'Environment',
      isRowHeader: true,
      render: ({ environment }) => <Text>{environment.name}</Text>,
    },
    {
      id: 'commit',
      label: 'Commit',
      render: ({ environment }) =>
        environment.current ? (
          <Flex direction="column" gap="0">
            <ShaLink
              repositoryUrl={repositoryUrl}
              sha={environment.current.sha}
            />
            <Text variant="body-x-small" color="secondary">
              {environment.current.ref}
            </Text>
          </Flex>
        ) : (
          <Text color="secondary">nothing deployed</Text>
        ),
    },
    {
      id: 'deployed',
      label: 'Deployed',
      render: ({ environment }) =>
        environment.current ? (
          <Deployed deployment={environment.current} />
        ) : (
          <NoValue />
        ),
    },
    {
      id: 'run',
      label: 'Workflow run',
      render: ({ environment }) => <RunLink deployment={environment.current} />,
    },
    {
      id: 'activity',
      label: 'Activity',
      render: ({ environment }) => (
        <Activity environment={environment} repositoryUrl={repositoryUrl} />
      ),
    },
  ];
  return (
    <DataTable
      label="Deployments by environment"
      columns={columns}
      items={environments.map(environment => ({
        id: environment.name,
        environment,
      }))}
    />
  );
}
